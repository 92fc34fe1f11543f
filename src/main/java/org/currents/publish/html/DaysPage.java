package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.currents.event.DayCount;
import org.currents.publish.SiteLinks;

/** The index of days, newest first, by month, each day with its count; long histories page. */
public final class DaysPage {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d", Locale.ENGLISH);

    private final Layout layout;

    public DaysPage(Layout layout) {
        this.layout = layout;
    }

    /** Page {@code page} of {@code pages}, holding {@code days}. */
    public byte[] write(List<DayCount> days, int page, int pages, Subscribe all) {
        SiteLinks links = layout.links();
        StringBuilder b = new StringBuilder(8 * 1024);
        b.append("<h1>Every day</h1>");
        if (days.isEmpty()) {
            b.append("<p>No events yet.</p>");
        }
        YearMonth month = null;
        for (DayCount d : days) {
            YearMonth m = YearMonth.from(d.day());
            if (!m.equals(month)) {
                b.append(month == null ? "" : "</ul></section>").append("<section><h2>").append(text(m.format(MONTH)))
                        .append("</h2><ul class=\"days\">");
                month = m;
            }
            b.append("<li><a href=\"").append(attr(links.day(d.day()))).append("\"><time datetime=\"").append(d.day())
                    .append("\">").append(text(d.day().format(DAY))).append("</time></a> <span class=\"meta\">")
                    .append(Html.count(d.events(), "event", "events")).append("</span></li>");
        }
        if (month != null) {
            b.append("</ul></section>");
        }
        if (pages > 1) {
            b.append("<nav class=\"pager\" aria-label=\"Pages\"><ul>");
            if (page > 1) {
                b.append("<li><a rel=\"prev\" href=\"").append(attr(links.days(page - 1))).append("\">Newer days</a></li>");
            }
            b.append("<li>Page ").append(page).append(" of ").append(pages).append("</li>");
            if (page < pages) {
                b.append("<li><a rel=\"next\" href=\"").append(attr(links.days(page + 1))).append("\">Older days</a></li>");
            }
            b.append("</ul></nav>");
        }
        b.append(all.block());
        return layout.page("Every day – Currents", all, b.toString());
    }
}
