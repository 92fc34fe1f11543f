package org.currents.store;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Where a feed's current document ends and its archives begin (RFC 5005): the oldest event the
 * current document holds, by publication time and id (both null when it holds every event), and
 * the months, newest first, that have events older than that, each one archive document.
 */
public record FeedHistory(Instant edgePublished, String edgeId, List<YearMonth> months) {
    public FeedHistory {
        months = List.copyOf(months);
        if ((edgePublished == null) != (edgeId == null)) {
            throw new IllegalArgumentException("an edge has both a time and an id, or neither");
        }
    }

    static final FeedHistory COMPLETE = new FeedHistory(null, null, List.of());
}
