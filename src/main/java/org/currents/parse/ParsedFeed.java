package org.currents.parse;

import java.util.List;

/**
 * A source feed as read, whatever its format. {@code format} names what was read
 * ({@code rss_2.0}, {@code rss_1.0}, {@code atom_1.0}, {@code atom_0.3}, {@code json_1.1}, ...).
 * Text fields are as the feed gave them (HTML not yet sanitized); any may be empty. {@code push}
 * says where the feed's changes are pushed (WebSub), {@link PushLinks#NONE} when nowhere.
 */
public record ParsedFeed(
        String format,
        String title,
        String siteUrl,
        String description,
        String language,
        FeedHints hints,
        List<ParsedItem> items,
        PushLinks push) {

    public ParsedFeed {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        hints = hints == null ? FeedHints.NONE : hints;
        items = List.copyOf(items);
        push = push == null ? PushLinks.NONE : push;
    }

    /** A feed that names no hub. */
    public ParsedFeed(String format, String title, String siteUrl, String description, String language, FeedHints hints,
                      List<ParsedItem> items) {
        this(format, title, siteUrl, description, language, hints, items, PushLinks.NONE);
    }
}
