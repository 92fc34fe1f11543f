package org.currents.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.currents.store.FeedHistory;
import org.junit.jupiter.api.Test;

/** The archive policy as pure functions: pages of a month, the chain of links, what is sealed. */
class ArchivesTest {
    private static final YearMonth JAN = YearMonth.of(2018, 1);
    private static final YearMonth FEB = YearMonth.of(2018, 2);
    private static final YearMonth APR = YearMonth.of(2018, 4);
    /** The current feed's oldest event is of 10 April: January and February are closed, April is not. */
    private static final FeedHistory HISTORY = new FeedHistory(Instant.parse("2018-04-10T09:00:00Z"), "e1",
            List.of(new FeedHistory.Month(APR, 4), new FeedHistory.Month(FEB, 2), new FeedHistory.Month(JAN, 7)));

    private static Optional<ArchiveLinks> links(YearMonth month, int page) {
        return Archives.of(HISTORY, new Archives.Page(month, page), 3, "feed",
                p -> p.month() + (p.number() > 1 ? "-" + p.number() : ""));
    }

    @Test
    void aMonthTakesAsManyPagesAsItsEventsFillAndOneAtLeast() {
        assertEquals(1, Archives.pages(1, 3));
        assertEquals(1, Archives.pages(3, 3));
        assertEquals(2, Archives.pages(4, 3));
        assertEquals(3, Archives.pages(7, 3));
    }

    @Test
    void theChainRunsMonthsNewestFirstAndEachMonthsPagesLastToFirst() {
        assertEquals(Optional.of(new Archives.Page(APR, 2)), Archives.newest(HISTORY, 3));
        assertEquals(Optional.of(new ArchiveLinks(true, "feed", "2018-04", null)), links(APR, 2));
        assertEquals(Optional.of(new ArchiveLinks(true, "feed", "2018-02", "2018-04-2")), links(APR, 1));
        assertEquals(Optional.of(new ArchiveLinks(true, "feed", "2018-01-3", "2018-04")), links(FEB, 1));
        assertEquals(Optional.of(new ArchiveLinks(true, "feed", "2018-01-2", "2018-02")), links(JAN, 3));
        assertEquals(Optional.of(new ArchiveLinks(true, "feed", "2018-01", "2018-01-3")), links(JAN, 2));
        assertEquals(Optional.of(new ArchiveLinks(true, "feed", null, "2018-01-2")), links(JAN, 1));
    }

    @Test
    void noPageBeyondTheLastNorBeforeTheFirstNorInAMonthWithoutArchive() {
        assertEquals(Optional.empty(), links(JAN, 4));
        assertEquals(Optional.empty(), links(JAN, 0));
        assertEquals(Optional.empty(), links(FEB, 2));
        assertEquals(Optional.empty(), links(YearMonth.of(2018, 3), 1));
        assertEquals(Optional.empty(), Archives.newest(new FeedHistory(null, null, List.of()), 3));
    }

    @Test
    void onlyAClosedMonthsMiddlePagesAreSealed() {
        assertTrue(Archives.sealed(HISTORY, new Archives.Page(JAN, 2), 3), "full, closed, with pages either side");
        assertFalse(Archives.sealed(HISTORY, new Archives.Page(JAN, 1), 3), "links the older month's last page");
        assertFalse(Archives.sealed(HISTORY, new Archives.Page(JAN, 3), 3), "where a late event of January lands");
        assertFalse(Archives.sealed(HISTORY, new Archives.Page(FEB, 1), 3), "a month's only page is its last");
        FeedHistory later = new FeedHistory(Instant.parse("2018-05-02T00:00:00Z"), "e9",
                List.of(new FeedHistory.Month(APR, 10)));
        assertTrue(Archives.sealed(later, new Archives.Page(APR, 2), 3), "April closed once the feed moved into May");
        FeedHistory open = new FeedHistory(Instant.parse("2018-04-30T23:59:59Z"), "e9", List.of(new FeedHistory.Month(APR, 10)));
        assertFalse(Archives.sealed(open, new Archives.Page(APR, 2), 3), "April still open: the feed may slide into it");
    }
}
