package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.currents.event.ContextSummary;
import org.currents.publish.SiteLinks;

/**
 * The home page in the portal's shape: the latest days' events grouped by story, the week's
 * busiest stories and subjects, every feed and the catalogue, and the way back to earlier days.
 */
public final class HomePage {
    private final Layout layout;
    private final EventItems items;

    public HomePage(Layout layout) {
        this.layout = layout;
        this.items = new EventItems(layout.links());
    }

    /** {@code earlier} is the newest day older than those shown. */
    public byte[] write(List<DaySection> days, List<ContextSummary> busiest, Optional<LocalDate> earlier, Subscribe all) {
        SiteLinks links = layout.links();
        StringBuilder b = new StringBuilder(32 * 1024);
        b.append("<div class=\"cols\"><div class=\"primary\"><h1>Current events</h1>");
        if (days.isEmpty()) {
            b.append("<p>No events yet: the sources have not been polled, or have reported nothing.</p>");
        }
        for (DaySection d : days) {
            b.append("<section class=\"day\" aria-labelledby=\"d").append(d.day()).append("\"><h2 id=\"d").append(d.day())
                    .append("\"><a href=\"").append(attr(links.day(d.day()))).append("\">")
                    .append(Html.time(d.day(), Html.LONG_DAY)).append("</a></h2>");
            items.grouped(b, d.events(), 3);
            if (d.total() > d.events().size()) {
                b.append("<p class=\"more\"><a href=\"").append(attr(links.day(d.day()))).append("\">All ")
                        .append(Html.count(d.total(), "event", "events")).append(" of ")
                        .append(text(d.day().format(Html.SHORT_DAY))).append("</a></p>");
            }
            b.append("</section>");
        }
        b.append("<nav class=\"pager\" aria-label=\"Earlier days\"><ul>");
        earlier.ifPresent(day -> b.append("<li><a rel=\"prev\" href=\"").append(attr(links.day(day))).append("\">Earlier: ")
                .append(text(day.format(Html.LONG_DAY))).append("</a></li>"));
        b.append("<li><a href=\"").append(attr(links.days())).append("\">Every day</a></li></ul></nav></div>");
        b.append("<div class=\"secondary\">");
        if (!busiest.isEmpty()) {
            b.append("<section aria-labelledby=\"busy-h\"><h2 id=\"busy-h\">This week's busiest</h2><ol class=\"busy\">");
            for (ContextSummary c : busiest) {
                b.append("<li><a href=\"").append(attr(links.contextPage(c.context().slug()))).append("\">")
                        .append(text(c.context().name())).append("</a> <span class=\"meta\">")
                        .append(Html.count(c.eventCount(), "event", "events")).append("</span></li>");
            }
            b.append("</ol></section>");
        }
        b.append(all.block()).append("<section aria-labelledby=\"feeds-h\"><h2 id=\"feeds-h\">Every feed</h2><p>Each story, "
                + "subject and category has feeds of its own: browse the <a href=\"").append(attr(links.contexts()))
                .append("\">contexts</a>, or import the <a href=\"").append(attr(links.opml()))
                .append("\">OPML catalogue</a> of all of them into a feed reader.</p></section></div></div>");
        return layout.page("Currents: current events by story and subject", all, b.toString());
    }
}
