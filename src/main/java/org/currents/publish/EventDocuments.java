package org.currents.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.currents.event.Context;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.RelatedEvent;

/**
 * An event page as data, shaped like the portal mirror's event page: date, story, headline,
 * summary, sources with the cover image, contexts, and related events each with its context.
 */
final class EventDocuments {
    private final SiteLinks links;
    private final ObjectMapper mapper;

    EventDocuments(SiteLinks links, ObjectMapper mapper) {
        this.links = links;
        this.mapper = mapper;
    }

    byte[] json(Event e, List<RelatedEvent> related) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", e.id());
        root.put("url", links.event(e.headlineRef(), PageFormat.HTML));
        root.put("date", e.date().toString());
        root.put("published", e.published().toString());
        root.put("updated", e.updated().toString());
        root.put("slug", e.slug());
        root.put("story", e.story().map(Context::name).orElse(null));
        root.put("headline", e.headline());
        root.put("summary", e.summary());
        root.put("content_html", e.contentHtml());
        root.put("link", e.link());
        root.put("cover_image", e.coverImage());
        ArrayNode sources = root.putArray("sources");
        for (EventSource s : e.sources()) {
            ObjectNode source = sources.addObject().put("name", s.outlet()).put("url", s.articleUrl())
                    .put("headline", s.headline()).put("published", s.published() == null ? null : s.published().toString());
            if (s.merge() != null) {
                source.putObject("merged").put("score", s.merge().score()).put("reasons", s.merge().reasons());
            }
        }
        ArrayNode contexts = root.putArray("contexts");
        e.contexts().forEach(c -> contexts.addObject().put("slug", c.slug()).put("name", c.name())
                .put("kind", c.kind().name().toLowerCase()).put("url", links.contextPage(c.slug())));
        ArrayNode rel = root.putArray("related");
        for (RelatedEvent r : related) {
            rel.addObject().put("date", r.event().date().toString()).put("slug", r.event().slug())
                    .put("headline", r.event().headline()).put("url", links.event(r.event(), PageFormat.HTML))
                    .put("context", EntryHtml.names(r));
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write event " + e.id() + " as JSON", ex);
        }
    }

    byte[] xml(Event e, List<RelatedEvent> related) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("event");
            w.writeAttribute("id", e.id());
            w.writeAttribute("date", e.date().toString());
            w.writeAttribute("url", links.event(e.headlineRef(), PageFormat.HTML));
            element(w, "published", e.published().toString());
            element(w, "updated", e.updated().toString());
            e.story().ifPresent(s -> element(w, "story", s.name()));
            element(w, "headline", e.headline());
            element(w, "summary", e.summary());
            element(w, "content", e.contentHtml());
            if (e.link() != null) {
                element(w, "link", e.link());
            }
            if (e.coverImage() != null) {
                element(w, "cover-image", e.coverImage());
            }
            w.writeStartElement("sources");
            for (EventSource s : e.sources()) {
                w.writeStartElement("source");
                if (s.articleUrl() != null) {
                    w.writeAttribute("url", s.articleUrl());
                }
                if (s.published() != null) {
                    w.writeAttribute("published", s.published().toString());
                }
                element(w, "outlet", s.outlet());
                if (s.headline() != null) {
                    element(w, "headline", s.headline());
                }
                if (s.merge() != null) {
                    w.writeStartElement("merged");
                    w.writeAttribute("score", Double.toString(s.merge().score()));
                    w.writeCharacters(s.merge().reasons());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("contexts");
            for (Context c : e.contexts()) {
                w.writeStartElement("context");
                w.writeAttribute("slug", c.slug());
                w.writeAttribute("kind", c.kind().name().toLowerCase());
                w.writeCharacters(c.name());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("related");
            for (RelatedEvent r : related) {
                w.writeStartElement("event");
                w.writeAttribute("date", r.event().date().toString());
                w.writeAttribute("url", links.event(r.event(), PageFormat.HTML));
                w.writeAttribute("context", EntryHtml.names(r));
                w.writeCharacters(r.event().headline());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException | IllegalStateException ex) {
            throw new IllegalStateException("cannot write event " + e.id() + " as XML", ex);
        }
        return out.toByteArray();
    }

    /** The page as the portal mirror writes it: story heading, headline, body, Sources and Related lists. */
    byte[] markdown(Event e, List<RelatedEvent> related) {
        StringBuilder md = new StringBuilder();
        e.story().ifPresent(s -> md.append("##### ").append(inline(s.name())).append("\n\n"));
        md.append("# ").append(inline(e.headline())).append("\n\n");
        md.append(e.date()).append("\n\n");
        if (!e.summary().isBlank()) {
            md.append(inline(e.summary())).append("\n\n");
        }
        md.append("Sources:\n\n");
        for (EventSource s : e.sources()) {
            md.append("- ").append(s.articleUrl() == null ? inline(s.outlet()) : link(s.outlet(), s.articleUrl()));
            if (s.merge() != null) {
                md.append(" (merged: ").append(inline(s.merge().reasons())).append(')');
            }
            md.append('\n');
        }
        if (e.coverImage() != null) {
            md.append("- ").append(link("Cover Image", e.coverImage())).append('\n');
        }
        md.append("\nContexts: ").append(String.join(", ", e.contexts().stream().map(c -> inline(c.name())).toList()))
                .append("\n\nRelated:\n\n");
        for (RelatedEvent r : related) {
            md.append("- ").append(link(r.event().headline(), links.event(r.event(), PageFormat.MARKDOWN)))
                    .append("\n  _Context: ").append(inline(EntryHtml.names(r))).append("_\n");
        }
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String link(String label, String url) {
        return "[" + inline(label).replace("]", "\\]") + "](<" + url.replace(">", "%3E").replace("<", "%3C") + ">)";
    }

    /** Text on one line, with the characters Markdown would read as markup (or raw HTML) escaped. */
    private static String inline(String s) {
        return s.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    private static void element(XMLStreamWriter w, String name, String value) {
        try {
            w.writeStartElement(name);
            w.writeCharacters(value);
            w.writeEndElement();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
