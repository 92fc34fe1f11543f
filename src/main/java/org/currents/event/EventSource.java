package org.currents.event;

import java.util.Objects;

/**
 * One outlet's report of an event: the outlet's name, the article it published, and the feed
 * (source) the report came from. {@code articleUrl} may be null when the item had no link.
 */
public record EventSource(long sourceId, String outlet, String articleUrl, String feedUrl) {
    public EventSource {
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(feedUrl, "feedUrl");
    }
}
