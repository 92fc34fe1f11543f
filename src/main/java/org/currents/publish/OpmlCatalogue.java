package org.currents.publish;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.currents.event.ContextKind;
import org.currents.event.ContextSummary;

/** The OPML 2.0 catalogue of every visible context's RSS feed, grouped by kind, for aggregators to import. */
final class OpmlCatalogue {
    private final SiteLinks links;

    OpmlCatalogue(SiteLinks links) {
        this.links = links;
    }

    byte[] write(List<ContextSummary> contexts, Instant updated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("opml");
            w.writeAttribute("version", "2.0");
            w.writeStartElement("head");
            element(w, "title", "Currents: feeds of every context");
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format((updated == null ? Instant.EPOCH : updated)
                    .atZone(ZoneOffset.UTC));
            element(w, "dateCreated", date);
            element(w, "dateModified", date);
            element(w, "docs", "http://opml.org/spec2.opml");
            w.writeEndElement();
            w.writeStartElement("body");
            for (ContextKind kind : ContextKind.values()) {
                List<ContextSummary> ofKind = contexts.stream().filter(c -> c.context().kind() == kind).toList();
                if (ofKind.isEmpty()) {
                    continue;
                }
                w.writeStartElement("outline");
                w.writeAttribute("text", groupName(kind));
                for (ContextSummary c : ofKind) {
                    String slug = c.context().slug();
                    w.writeEmptyElement("outline");
                    w.writeAttribute("type", "rss");
                    w.writeAttribute("text", c.context().name());
                    w.writeAttribute("title", c.context().name());
                    w.writeAttribute("xmlUrl", links.contextFeed(slug, FeedFormat.RSS));
                    w.writeAttribute("htmlUrl", links.contextPage(slug));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the OPML catalogue", e);
        }
        return out.toByteArray();
    }

    private static String groupName(ContextKind kind) {
        switch (kind) {
            case STORY:
                return "Stories";
            case SUBJECT:
                return "Subjects";
            case CATEGORY:
                return "Topics";
            default:
                return "Source groups";
        }
    }

    private static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
