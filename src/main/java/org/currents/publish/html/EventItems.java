package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

import java.util.List;
import org.currents.event.Event;
import org.currents.publish.PageFormat;
import org.currents.publish.SiteLinks;

/** Lists of events as every page shows them: grouped under headings, or one by one with their date. */
final class EventItems {
    private final SiteLinks links;

    EventItems(SiteLinks links) {
        this.links = links;
    }

    /** Events grouped by story or category, each group under a heading of {@code level}. */
    void grouped(StringBuilder b, List<Event> events, int level) {
        for (EventGroups.Group g : EventGroups.of(events)) {
            b.append("<section class=\"group\"><h").append(level).append('>');
            if (g.context() == null) {
                b.append(text(g.title()));
            } else {
                b.append("<a href=\"").append(attr(links.contextPage(g.context().slug()))).append("\">")
                        .append(text(g.title())).append("</a>");
            }
            b.append("</h").append(level).append("><ul class=\"events\">");
            for (Event e : g.events()) {
                item(b, e, false);
            }
            b.append("</ul></section>");
        }
    }

    /** Events one after another, with their outlets. */
    void plain(StringBuilder b, List<Event> events) {
        b.append("<ul class=\"events\">");
        for (Event e : events) {
            item(b, e, false);
        }
        b.append("</ul>");
    }

    /** Events one after another, each with its date and story. */
    void dated(StringBuilder b, List<Event> events) {
        b.append("<ul class=\"events\">");
        for (Event e : events) {
            item(b, e, true);
        }
        b.append("</ul>");
    }

    private void item(StringBuilder b, Event e, boolean dated) {
        b.append("<li><a href=\"").append(attr(links.event(e.headlineRef(), PageFormat.HTML))).append("\">")
                .append(text(e.headline())).append("</a>");
        List<String> outlets = Outlet.names(e);
        if (dated || !outlets.isEmpty()) {
            b.append(" <span class=\"meta\">");
            if (dated) {
                b.append(Html.time(e.date(), Html.SHORT_DAY));
                e.story().ifPresent(s -> b.append(" · ").append(text(s.name())));
                b.append(outlets.isEmpty() ? "" : " · ");
            }
            b.append(text(String.join(", ", outlets))).append("</span>");
        }
        b.append("</li>");
    }
}
