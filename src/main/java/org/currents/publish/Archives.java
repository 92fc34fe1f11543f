package org.currents.publish;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.currents.store.FeedHistory;

/**
 * The policy of a feed's archives (RFC 5005), as pure functions of its history and the page size:
 * one archive per month with events older than the current feed, empty months skipped; a month
 * holding more than a page's worth is split into pages of that size, in the order its events
 * joined the feed. Walking back (prev-archive) from the current feed meets the months newest
 * first and each month's pages last to first. Which documents are sealed is decided here too.
 */
final class Archives {
    private Archives() {
    }

    /** One archive document: page {@code number} (from 1) of {@code month}. */
    record Page(YearMonth month, int number) {
    }

    /** How many pages a month of {@code events} archived events takes: one at least. */
    static int pages(int events, int pageSize) {
        return Math.max(1, (events + pageSize - 1) / pageSize);
    }

    /** The archive a current feed links as prev-archive: the newest month's last page; none without history. */
    static Optional<Page> newest(FeedHistory history, int pageSize) {
        return history.months().stream().findFirst().map(m -> new Page(m.month(), pages(m.events(), pageSize)));
    }

    /** The links of {@code page}; empty when the history has no such page. */
    static Optional<ArchiveLinks> of(FeedHistory history, Page page, int pageSize, String current, Function<Page, String> urls) {
        List<FeedHistory.Month> months = history.months();
        int i = indexOf(months, page.month());
        if (i < 0 || page.number() < 1 || page.number() > pages(months.get(i).events(), pageSize)) {
            return Optional.empty();
        }
        int last = pages(months.get(i).events(), pageSize);
        Page older = page.number() > 1 ? new Page(page.month(), page.number() - 1)
                : i + 1 < months.size() ? new Page(months.get(i + 1).month(), pages(months.get(i + 1).events(), pageSize))
                : null;
        Page newer = page.number() < last ? new Page(page.month(), page.number() + 1)
                : i > 0 ? new Page(months.get(i - 1).month(), 1) : null;
        return Optional.of(new ArchiveLinks(true, current, older == null ? null : urls.apply(older),
                newer == null ? null : urls.apply(newer)));
    }

    /**
     * Whether {@code page} is sealed: nothing an ingest does can change which events it holds or
     * which documents it links, so it may be cached for good. That takes a closed month (see
     * {@link #closed}), a page that is full and not the month's last (the last one is where an
     * event of that month arriving late goes, and what a new page is inserted after), and not the
     * month's first (whose prev-archive names the older month's last page, which moves when that
     * month grows a page or a month appears between them).
     */
    static boolean sealed(FeedHistory history, Page page, int pageSize) {
        Optional<FeedHistory.Month> month = history.month(page.month());
        return month.isPresent() && closed(history, page.month()) && page.number() > 1
                && page.number() < pages(month.get().events(), pageSize);
    }

    /**
     * Whether {@code month} is closed: it ended before the oldest event of the current feed, so
     * however the current feed moves on, no event leaving it falls into this month.
     */
    static boolean closed(FeedHistory history, YearMonth month) {
        if (history.edgePublished() == null) {
            return false;
        }
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return !end.isAfter(history.edgePublished());
    }

    private static int indexOf(List<FeedHistory.Month> months, YearMonth month) {
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i).month().equals(month)) {
                return i;
            }
        }
        return -1;
    }
}
