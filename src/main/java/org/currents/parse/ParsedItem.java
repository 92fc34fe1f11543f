package org.currents.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a source feed as read. {@code contentHtml} is the fullest body the feed gave
 * ({@code content:encoded}, Atom content, JSON {@code content_html}), {@code summaryHtml} the
 * short one (description, Atom summary, JSON {@code summary}); either may be empty. Links are as
 * written in the feed, possibly relative; {@code baseUrl} is what they resolve against
 * ({@code xml:base} or the feed's URL). Dates are null when absent or unreadable.
 */
public record ParsedItem(
        String guid,
        String title,
        String link,
        String baseUrl,
        String contentHtml,
        String summaryHtml,
        Instant published,
        Instant updated,
        String author,
        List<ParsedCategory> categories,
        List<ParsedMedia> media) {

    public ParsedItem {
        title = title == null ? "" : title;
        contentHtml = contentHtml == null ? "" : contentHtml;
        summaryHtml = summaryHtml == null ? "" : summaryHtml;
        categories = List.copyOf(categories);
        media = List.copyOf(media);
    }
}
