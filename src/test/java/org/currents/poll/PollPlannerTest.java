package org.currents.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.currents.config.PollSettings;
import org.currents.parse.FeedHints;
import org.currents.source.Source;
import org.currents.source.SourceStatus;
import org.junit.jupiter.api.Test;

class PollPlannerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final PollPlanner planner = new PollPlanner(new PollSettings(Duration.ofMinutes(15), Duration.ofMinutes(5),
            Duration.ofHours(24), Duration.ofHours(6), Duration.ofDays(7), 4), new FixedHalf());

    private static Source source(Duration interval, SourceStatus status) {
        return new Source(1, "https://a.example/f", "A", null, List.of(), interval, true, status);
    }

    private static SourceStatus polled(Duration lastInterval, String state) {
        return new SourceStatus(null, null, NOW.minus(lastInterval), NOW, state, 200, 0, 0, 0, null, null);
    }

    @Test
    void startsAtTheDefaultIntervalAndKeepsAFixedOne() {
        assertEquals(NOW.plus(Duration.ofMinutes(15)), planner.nextAfterSuccess(source(null, SourceStatus.NEVER_POLLED),
                FeedHints.NONE, 3, NOW));
        assertEquals(NOW.plus(Duration.ofHours(2)), planner.nextAfterSuccess(source(Duration.ofHours(2),
                polled(Duration.ofMinutes(30), "ok")), FeedHints.NONE, 9, NOW));
    }

    @Test
    void pollsAPushedSourceNoMoreOftenThanTheFallbackInterval() {
        PollPlanner withFallback = new PollPlanner(new PollSettings(Duration.ofMinutes(15), Duration.ofMinutes(5),
                Duration.ofHours(24), Duration.ofHours(6), Duration.ofDays(7), 4), Duration.ofHours(6), new FixedHalf());
        Source busy = source(null, polled(Duration.ofMinutes(10), "ok"));
        assertEquals(NOW.plus(Duration.ofMinutes(5)), withFallback.nextAfterSuccess(busy, FeedHints.NONE, 4, NOW, false));
        assertEquals(NOW.plus(Duration.ofHours(6)), withFallback.nextAfterSuccess(busy, FeedHints.NONE, 4, NOW, true));
        assertEquals(NOW.plus(Duration.ofHours(8)), withFallback.nextAfterSuccess(source(Duration.ofHours(8),
                polled(Duration.ofHours(8), "ok")), FeedHints.NONE, 0, NOW, true), "a longer fixed interval stays");
    }

    @Test
    void pollsBusyFeedsMoreOftenAndQuietOnesLessWithinBounds() {
        assertEquals(NOW.plus(Duration.ofMinutes(20)), planner.nextAfterSuccess(source(null, polled(Duration.ofMinutes(40),
                "ok")), FeedHints.NONE, 5, NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(60)), planner.nextAfterSuccess(source(null, polled(Duration.ofMinutes(40),
                "not_modified")), FeedHints.NONE, 0, NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(5)), planner.nextAfterSuccess(source(null, polled(Duration.ofMinutes(6),
                "ok")), FeedHints.NONE, 5, NOW));
        assertEquals(NOW.plus(Duration.ofHours(24)), planner.nextAfterSuccess(source(null, polled(Duration.ofHours(20),
                "ok")), FeedHints.NONE, 0, NOW));
    }

    @Test
    void respectsTheFeedsOwnTtl() {
        FeedHints hourly = new FeedHints(Duration.ofHours(1), null, Set.of(), Set.of());
        assertEquals(NOW.plus(Duration.ofHours(1)), planner.nextAfterSuccess(source(null, SourceStatus.NEVER_POLLED),
                hourly, 0, NOW));
    }

    @Test
    void waitsOutTheFeedsSkipHoursAndSkipDays() {
        // NOW is Thursday 12:00 GMT; +15 min falls in skipped hour 12, 13 is skipped too.
        FeedHints skipNoon = new FeedHints(null, null, Set.of(12, 13), Set.of());
        assertEquals(Instant.parse("2026-01-01T14:00:00Z"), planner.nextAfterSuccess(source(null, SourceStatus.NEVER_POLLED),
                skipNoon, 0, NOW));
        FeedHints skipThursday = new FeedHints(null, null, Set.of(), Set.of(java.time.DayOfWeek.THURSDAY));
        assertEquals(Instant.parse("2026-01-02T00:00:00Z"), planner.nextAfterSuccess(source(null, SourceStatus.NEVER_POLLED),
                skipThursday, 0, NOW));
    }

    @Test
    void backsOffExponentiallyAndHonoursRetryAfterUpToTheMaximum() {
        Source s = source(null, SourceStatus.NEVER_POLLED);
        assertEquals(NOW.plus(Duration.ofMinutes(5)), planner.nextAfterFailure(s, 1, null, NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(20)), planner.nextAfterFailure(s, 3, null, NOW));
        assertEquals(NOW.plus(Duration.ofHours(6)), planner.nextAfterFailure(s, 40, null, NOW));
        assertEquals(NOW.plus(Duration.ofHours(2)), planner.nextAfterFailure(s, 1, NOW.plus(Duration.ofHours(2)), NOW));
        assertEquals(NOW.plus(Duration.ofHours(6)), planner.nextAfterFailure(s, 1, NOW.plus(Duration.ofDays(3)), NOW));
    }

    @Test
    void disablesASourceOnlyAfterFailingForTheWholePeriod() {
        SourceStatus failing = new SourceStatus(null, null, NOW, null, "error", 500, 0, 0, 50, NOW.minus(Duration.ofDays(6)), "x");
        assertFalse(planner.shouldDisable(source(null, failing), NOW));
        assertTrue(planner.shouldDisable(source(null, failing), NOW.plus(Duration.ofDays(1))));
    }

    /** A generator whose nextDouble() is 0.5, so jitter is zero and times are exact. */
    private static final class FixedHalf implements RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0.5;
        }
    }
}
