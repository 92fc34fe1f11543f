package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.currents.event.Context;
import org.currents.event.ContextSummary;
import org.currents.event.Event;
import org.currents.publish.SiteLinks;

/**
 * A context as a timeline: its events grouped by day, newest first, a page at a time back through
 * its whole history, with the contexts most often filed beside it and its feeds.
 */
public final class ContextPage {
    private final Layout layout;
    private final EventItems items;

    public ContextPage(Layout layout) {
        this.layout = layout;
        this.items = new EventItems(layout.links());
    }

    public byte[] write(ContextSummary summary, List<Event> events, int page, boolean older, List<ContextSummary> alongside,
                        Subscribe feeds) {
        SiteLinks links = layout.links();
        Context c = summary.context();
        StringBuilder b = new StringBuilder(32 * 1024);
        b.append("<div class=\"cols\"><div class=\"primary\"><p class=\"kicker\">").append(KindLabel.one(c.kind()))
                .append("</p><h1>").append(text(c.name())).append("</h1><p class=\"meta\">")
                .append(Html.count(summary.eventCount(), "event", "events"))
                .append(page > 1 ? " · page " + page : "").append("</p>");
        Map<LocalDate, List<Event>> byDay = new LinkedHashMap<>();
        for (Event e : events) {
            byDay.computeIfAbsent(e.date(), d -> new ArrayList<>()).add(e);
        }
        b.append("<ol class=\"timeline\">");
        byDay.forEach((day, list) -> {
            b.append("<li><h2><a href=\"").append(attr(links.day(day))).append("\">").append(Html.time(day, Html.LONG_DAY))
                    .append("</a></h2>");
            items.plain(b, list);
            b.append("</li>");
        });
        b.append("</ol>");
        if (events.isEmpty()) {
            b.append("<p>No events on this page. <a href=\"").append(attr(links.contextPage(c.slug())))
                    .append("\">The newest events</a>.</p>");
        }
        if (page > 1 || older) {
            b.append("<nav class=\"pager\" aria-label=\"Pages\"><ul>");
            if (page > 1) {
                b.append("<li><a rel=\"prev\" href=\"").append(attr(links.contextPage(c.slug(), page - 1)))
                        .append("\">Newer events</a></li>");
            }
            if (older) {
                b.append("<li><a rel=\"next\" href=\"").append(attr(links.contextPage(c.slug(), page + 1)))
                        .append("\">Older events</a></li>");
            }
            b.append("</ul></nav>");
        }
        b.append("</div><div class=\"secondary\">").append(feeds.block());
        if (!alongside.isEmpty()) {
            b.append("<section aria-labelledby=\"along-h\"><h2 id=\"along-h\">Often filed with it</h2><ul class=\"along\">");
            for (ContextSummary a : alongside) {
                b.append("<li><a href=\"").append(attr(links.contextPage(a.context().slug()))).append("\">")
                        .append(text(a.context().name())).append("</a> <span class=\"meta\">")
                        .append(KindLabel.one(a.context().kind())).append(", ")
                        .append(Html.count(a.eventCount(), "event", "events")).append(" in common</span></li>");
            }
            b.append("</ul></section>");
        }
        b.append("</div></div>");
        return layout.page(c.name() + " – Currents", feeds, b.toString());
    }
}
