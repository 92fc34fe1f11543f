package org.currents.publish;

import java.time.format.DateTimeFormatter;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.RelatedEvent;
import org.jsoup.nodes.Entities;

/**
 * The HTML body of a feed entry: the event's sanitized content (or summary), its cover image,
 * its sources, and a Related list where each link carries the context that relates it.
 */
final class EntryHtml {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final SiteLinks links;

    EntryHtml(SiteLinks links) {
        this.links = links;
    }

    String of(EventEntry entry) {
        Event e = entry.event();
        StringBuilder h = new StringBuilder(2048);
        if (e.coverImage() != null) {
            h.append("<p><img src=\"").append(attr(e.coverImage())).append("\" alt=\"\"></p>");
        }
        if (!e.contentHtml().isBlank()) {
            h.append(e.contentHtml());
        } else {
            h.append("<p>").append(text(e.summary())).append("</p>");
        }
        e.story().ifPresent(s -> h.append("<p>Story: <a href=\"").append(attr(links.contextPage(s.slug()))).append("\">")
                .append(text(s.name())).append("</a></p>"));
        if (!e.sources().isEmpty()) {
            h.append("<p>Sources:</p><ul>");
            for (EventSource s : e.sources()) {
                h.append("<li>");
                if (s.articleUrl() != null) {
                    h.append("<a href=\"").append(attr(s.articleUrl())).append("\">").append(text(s.outlet())).append("</a>");
                } else {
                    h.append(text(s.outlet()));
                }
                h.append("</li>");
            }
            h.append("</ul>");
        }
        if (!entry.related().isEmpty()) {
            h.append("<p>Related:</p><ul>");
            for (RelatedEvent r : entry.related()) {
                h.append("<li><a href=\"").append(attr(links.event(r.event(), PageFormat.HTML))).append("\">")
                        .append(text(r.event().headline())).append("</a> (").append(r.event().date().format(DAY))
                        .append(")<br><em>Context: ").append(text(names(r))).append("</em></li>");
            }
            h.append("</ul>");
        }
        return h.toString();
    }

    static String names(RelatedEvent r) {
        return r.reason();
    }

    static String text(String s) {
        return Entities.escape(s == null ? "" : s);
    }

    static String attr(String s) {
        return Entities.escape(s == null ? "" : s).replace("\"", "&quot;");
    }
}
