package org.currents.publish;

import java.time.Instant;

/** What a published feed says about itself: title, description, its page, its own URL and when it last changed. */
record FeedMeta(String title, String description, String pageUrl, String selfUrl, Instant updated) {
}
