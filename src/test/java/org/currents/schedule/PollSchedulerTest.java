package org.currents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.currents.config.PollSettings;
import org.currents.source.Source;
import org.currents.source.SourceStatus;
import org.junit.jupiter.api.Test;

class PollSchedulerTest {
    private static Source source(long id, Instant nextPoll) {
        return new Source(id, "https://s" + id + ".example/f", "S", null, List.of(), null, true,
                new SourceStatus(null, null, null, nextPoll, "never", 0, 0, 0, 0, null, null));
    }

    @Test
    void pollsDueSourcesAtOnceReschedulesThemAndNeverRunsOneSourceTwiceAtATime() throws Exception {
        Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        CountDownLatch secondRuns = new CountDownLatch(2);
        PollScheduler scheduler = new PollScheduler(new PollSettings(Duration.ofMinutes(15), Duration.ofMinutes(5),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(1), 4), 2, id -> {
            if (id == 1 && running.incrementAndGet() > 1) {
                overlap.incrementAndGet();
            }
            int n = runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (id == 1) {
                running.decrementAndGet();
            }
            if (n == 2) {
                secondRuns.countDown();
            }
            // Due again at once: the scheduler must still wait for this run to end.
            return n < 3 ? Instant.now() : null;
        }, Clock.systemUTC());
        try {
            scheduler.start(List.of(source(1, null), source(2, Instant.now().minusSeconds(60)),
                    source(3, Instant.now().plus(Duration.ofHours(1)))));
            assertTrue(secondRuns.await(10, TimeUnit.SECONDS), "due sources ran and were rescheduled: " + runs);
            assertEquals(0, overlap.get(), "one source never runs twice at once");
            assertTrue(!runs.containsKey(3L), "a source due in an hour has not run");
        } finally {
            scheduler.shutdown();
        }
    }
}
