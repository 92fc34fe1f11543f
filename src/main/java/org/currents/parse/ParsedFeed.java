package org.currents.parse;

import java.util.List;

/**
 * A source feed as read, whatever its format. {@code format} names what was read
 * ({@code rss_2.0}, {@code rss_1.0}, {@code atom_1.0}, {@code atom_0.3}, {@code json_1.1}, ...).
 * Text fields are as the feed gave them (HTML not yet sanitized); any may be empty.
 */
public record ParsedFeed(
        String format,
        String title,
        String siteUrl,
        String description,
        String language,
        FeedHints hints,
        List<ParsedItem> items) {

    public ParsedFeed {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        hints = hints == null ? FeedHints.NONE : hints;
        items = List.copyOf(items);
    }
}
