package org.currents.store;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Where a feed's current document ends and its archives begin (RFC 5005): the oldest event the
 * current document holds, by publication time and id (both null when it holds every event), and
 * the months, newest first, that have events older than that, with how many each has.
 */
public record FeedHistory(Instant edgePublished, String edgeId, List<Month> months) {
    public FeedHistory {
        months = List.copyOf(months);
        if ((edgePublished == null) != (edgeId == null)) {
            throw new IllegalArgumentException("an edge has both a time and an id, or neither");
        }
    }

    static final FeedHistory COMPLETE = new FeedHistory(null, null, List.of());

    /** A month with {@code events} events older than the current document. */
    public record Month(YearMonth month, int events) {
        public Month {
            if (events < 1) {
                throw new IllegalArgumentException(month + " has no archived events");
            }
        }
    }

    /** The month {@code month} when it has archived events. */
    public Optional<Month> month(YearMonth month) {
        return months.stream().filter(m -> m.month().equals(month)).findFirst();
    }
}
