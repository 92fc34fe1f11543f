package org.currents.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.RelatedEvent;

/**
 * Writes JSON Feed 1.1: {@code tags} for context names and a {@code _currents} extension object
 * with the story, contexts, sources and related events (each with the contexts that relate it).
 */
final class JsonFeedWriter {
    private final SiteLinks links;
    private final EntryHtml html;
    private final ObjectMapper mapper;

    JsonFeedWriter(SiteLinks links, EntryHtml html, ObjectMapper mapper) {
        this.links = links;
        this.html = html;
        this.mapper = mapper;
    }

    byte[] write(FeedMeta meta, List<EventEntry> entries) {
        ObjectNode feed = mapper.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", meta.title());
        feed.put("home_page_url", meta.pageUrl());
        feed.put("feed_url", meta.selfUrl());
        feed.put("description", meta.description());
        feed.put("language", "en");
        ArrayNode hubs = feed.putArray("hubs");
        links.hubs(meta.selfUrl()).forEach(hub -> hubs.addObject().put("type", "WebSub").put("url", hub));
        ArchiveLinks history = meta.history();
        if (history.prevArchive() != null) {
            // JSON Feed 1.1's next_url names the feed of the next older items: the archive before this one.
            feed.put("next_url", history.prevArchive());
        }
        feed.putArray("authors").addObject().put("name", "Currents").put("url", links.home());
        if (history.archive() || history.prevArchive() != null) {
            ObjectNode archive = feed.putObject("_archive").put("archive", history.archive());
            putIfPresent(archive, "current", history.current());
            putIfPresent(archive, "prev_archive", history.prevArchive());
            putIfPresent(archive, "next_archive", history.nextArchive());
        }
        ArrayNode items = feed.putArray("items");
        for (EventEntry entry : entries) {
            items.add(item(entry));
        }
        try {
            return mapper.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON Feed: " + e.getMessage(), e);
        }
    }

    private ObjectNode item(EventEntry entry) {
        Event e = entry.event();
        ObjectNode item = mapper.createObjectNode();
        String page = links.event(e.headlineRef(), PageFormat.HTML);
        item.put("id", page);
        item.put("url", page);
        if (e.link() != null) {
            item.put("external_url", e.link());
        }
        item.put("title", e.headline());
        item.put("content_html", html.of(entry));
        item.put("summary", e.summary());
        if (e.coverImage() != null) {
            item.put("image", e.coverImage());
        }
        item.put("date_published", e.published().toString());
        item.put("date_modified", (e.updated().isAfter(e.published()) ? e.updated() : e.published()).toString());
        ArrayNode authors = item.putArray("authors");
        e.sources().stream().map(EventSource::outlet).distinct().forEach(o -> authors.addObject().put("name", o));
        ArrayNode tags = item.putArray("tags");
        e.contexts().forEach(c -> tags.add(c.name()));
        item.set("_currents", extension(entry));
        return item;
    }

    private ObjectNode extension(EventEntry entry) {
        Event e = entry.event();
        ObjectNode ext = mapper.createObjectNode();
        e.story().ifPresent(s -> ext.putObject("story").put("name", s.name()).put("url", links.contextPage(s.slug())));
        ArrayNode contexts = ext.putArray("contexts");
        e.contexts().forEach(c -> contexts.addObject().put("slug", c.slug()).put("name", c.name())
                .put("kind", c.kind().name().toLowerCase()).put("url", links.contextPage(c.slug()))
                .put("feed_url", links.contextFeed(c.slug(), FeedFormat.JSON)));
        ArrayNode sources = ext.putArray("sources");
        e.sources().forEach(s -> sources.addObject().put("outlet", s.outlet()).put("url", s.articleUrl()));
        ArrayNode related = ext.putArray("related");
        for (RelatedEvent r : entry.related()) {
            ObjectNode node = related.addObject().put("url", links.event(r.event(), PageFormat.HTML))
                    .put("title", r.event().headline()).put("date", r.event().date().toString());
            ArrayNode via = node.putArray("contexts");
            r.via().forEach(c -> via.add(c.name()));
            if (!r.words().isEmpty()) {
                ArrayNode words = node.putArray("words");
                r.words().forEach(words::add);
            }
        }
        return ext;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
