package org.currents.publish.html;

import static org.currents.publish.html.Html.attr;
import static org.currents.publish.html.Html.text;

import java.util.List;
import org.currents.event.Event;
import org.currents.event.SearchQuery;
import org.currents.publish.SiteLinks;

/**
 * Search: the form, a page of ranked results with their dates and stories, paging, and the
 * search's own feeds (a saved search is a subscription). A query that cannot be searched shows
 * why, beside the form.
 */
public final class SearchPage {
    public static final int PER_PAGE = 20;

    private final Layout layout;
    private final EventItems items;

    public SearchPage(Layout layout) {
        this.layout = layout;
        this.items = new EventItems(layout.links());
    }

    /** The form alone, or with the reason {@code text} could not be searched ({@code problem}, may be null). */
    public byte[] form(String text, String problem) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<h1>Search</h1>");
        form(b, text);
        if (problem != null) {
            b.append("<p class=\"problem\" role=\"alert\">").append(text(problem)).append("</p>");
        } else {
            b.append("<p>Searches headlines, summaries and the names of stories and subjects; every word must match.</p>");
        }
        return layout.page("Search – Currents", null, b.toString());
    }

    /** Page {@code page} of the results; {@code more} when a next page exists. */
    public byte[] results(SearchQuery query, List<Event> events, int page, boolean more, Subscribe feeds) {
        SiteLinks links = layout.links();
        StringBuilder b = new StringBuilder(16 * 1024);
        b.append("<h1>Search: ").append(text(query.text())).append("</h1>");
        form(b, query.text());
        int first = (page - 1) * PER_PAGE + 1;
        if (events.isEmpty()) {
            b.append("<p role=\"status\">").append(page > 1 ? "No more events match." : "No event matches all of: "
                    + text(String.join(", ", query.terms())) + ".").append("</p>");
        } else {
            b.append("<p role=\"status\" class=\"meta\">Results ").append(first).append("–").append(first + events.size() - 1)
                    .append(more ? "" : " (the last)").append(", best match first.</p>");
            items.dated(b, events);
        }
        if (page > 1 || more) {
            b.append("<nav class=\"pager\" aria-label=\"Pages\"><ul>");
            if (page > 1) {
                b.append("<li><a rel=\"prev\" href=\"").append(attr(links.search(query.text(), page - 1)))
                        .append("\">Better matches</a></li>");
            }
            if (more) {
                b.append("<li><a rel=\"next\" href=\"").append(attr(links.search(query.text(), page + 1)))
                        .append("\">More results</a></li>");
            }
            b.append("</ul></nav>");
        }
        b.append(feeds.block());
        return layout.page("Search: " + query.text() + " – Currents", feeds, b.toString());
    }

    private void form(StringBuilder b, String text) {
        b.append("<form class=\"search\" role=\"search\" method=\"get\" action=\"").append(attr(layout.links().searchPage()))
                .append("\"><label for=\"q\">Words to search for</label><input id=\"q\" name=\"q\" type=\"search\" "
                        + "maxlength=\"200\" value=\"").append(attr(text == null ? "" : text))
                .append("\"><button type=\"submit\">Search</button></form>");
    }
}
