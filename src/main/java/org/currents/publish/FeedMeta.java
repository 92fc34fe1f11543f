package org.currents.publish;

import java.time.Instant;
import java.util.Objects;

/**
 * What a published feed says about itself: title, description, its page, its own URL, when it last
 * changed, and its links into the feed's history.
 */
record FeedMeta(String title, String description, String pageUrl, String selfUrl, Instant updated, ArchiveLinks history) {
    FeedMeta {
        Objects.requireNonNull(history, "history");
    }

    FeedMeta(String title, String description, String pageUrl, String selfUrl, Instant updated) {
        this(title, description, pageUrl, selfUrl, updated, ArchiveLinks.NONE);
    }
}
