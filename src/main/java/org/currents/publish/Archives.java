package org.currents.publish;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.currents.store.FeedHistory;

/**
 * The policy of a feed's archives (RFC 5005), as pure functions of its history: one archive per
 * month with events older than the current feed, empty months skipped, and which of them are closed.
 */
final class Archives {
    private Archives() {
    }

    /** The links of the archive of {@code month}, which must be one of the history's months. */
    static ArchiveLinks of(FeedHistory history, YearMonth month, String current, Function<YearMonth, String> url) {
        List<YearMonth> months = history.months();
        int i = months.indexOf(month);
        if (i < 0) {
            throw new IllegalArgumentException(month + " has no archive");
        }
        String older = i + 1 < months.size() ? url.apply(months.get(i + 1)) : null;
        String newer = i > 0 ? url.apply(months.get(i - 1)) : null;
        return new ArchiveLinks(true, current, older, newer);
    }

    /**
     * Whether the archive of {@code month} is closed: the month ended before the oldest event of
     * the current feed, so however the current feed moves on, no event of it falls into this month.
     */
    static boolean closed(FeedHistory history, YearMonth month) {
        if (history.edgePublished() == null) {
            return false;
        }
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return !end.isAfter(history.edgePublished());
    }
}
