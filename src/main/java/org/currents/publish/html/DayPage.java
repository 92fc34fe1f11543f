package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.currents.event.Event;
import org.currents.publish.SiteLinks;

/** A day's events grouped by story, with the previous and next days that have events. */
public final class DayPage {
    private final Layout layout;
    private final EventItems items;

    public DayPage(Layout layout) {
        this.layout = layout;
        this.items = new EventItems(layout.links());
    }

    public byte[] write(LocalDate day, List<Event> events, Optional<LocalDate> before, Optional<LocalDate> after,
                        Subscribe all) {
        StringBuilder b = new StringBuilder(16 * 1024);
        b.append("<h1>").append(Html.time(day, Html.LONG_DAY)).append("</h1><p class=\"meta\">")
                .append(Html.count(events.size(), "event", "events")).append("</p>");
        pager(b, before, after);
        items.grouped(b, events, 2);
        pager(b, before, after);
        b.append(all.block());
        return layout.page(day.format(Html.LONG_DAY) + " – Currents", all, b.toString());
    }

    private void pager(StringBuilder b, Optional<LocalDate> before, Optional<LocalDate> after) {
        SiteLinks links = layout.links();
        b.append("<nav class=\"pager\" aria-label=\"Days\"><ul>");
        before.ifPresent(d -> b.append("<li><a rel=\"prev\" href=\"").append(attr(links.day(d))).append("\">← ")
                .append(text(d.format(Html.SHORT_DAY))).append("</a></li>"));
        b.append("<li><a href=\"").append(attr(links.days())).append("\">Every day</a></li>");
        after.ifPresent(d -> b.append("<li><a rel=\"next\" href=\"").append(attr(links.day(d))).append("\">")
                .append(text(d.format(Html.SHORT_DAY))).append(" →</a></li>"));
        b.append("</ul></nav>");
    }
}
