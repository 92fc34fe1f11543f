package org.currents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.currents.config.PollSettings;
import org.currents.config.StoreSettings;
import org.currents.source.Source;
import org.currents.source.SourceStatus;
import org.currents.store.Database;
import org.currents.store.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers sharing Quartz's tables on PostgreSQL, as two nodes: every due poll runs on
 * exactly one of them, a source never runs on both at once, and both take a share.
 */
class ClusteredPollSchedulerTest {
    private static final int SOURCES = 30;
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    /** How long to wait, at most, for every source to run twice: a loaded machine is slow to start the second runs. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Source source(long id) {
        return new Source(id, "https://s" + id + ".example/f", "S", null, List.of(), null, true,
                new SourceStatus(null, null, null, null, "never", 0, 0, 0, 0, null, null));
    }

    @Test
    void eachDuePollRunsOnExactlyOneNodeAndNeverTwiceAtOnce() throws Exception {
        StoreSettings db = TestDatabases.postgres("h12_");
        Map<Long, List<long[]>> runs = new ConcurrentHashMap<>();
        Set<Long> running = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();
        List<PollScheduler> nodes = new ArrayList<>();
        Duration watched;
        try (Database first = Database.open(db); Database second = Database.open(db)) {
            for (Database node : List.of(first, second)) {
                String name = "node-" + nodes.size();
                PollTask task = id -> {
                    if (!running.add(id)) {
                        overlaps.incrementAndGet();
                    }
                    long start = System.nanoTime();
                    perNode.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                    sleep(50);
                    running.remove(id);
                    runs.computeIfAbsent(id, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add(new long[] {start, System.nanoTime()});
                    return Instant.now().plus(INTERVAL);
                };
                nodes.add(new PollScheduler(new PollSettings(Duration.ofMinutes(15), Duration.ofMinutes(5),
                        Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(1), 3), 100, task, Clock.systemUTC(),
                        new ClusteredStore(node.dataSource(), name, Duration.ofSeconds(2))));
            }
            List<Source> sources = new ArrayList<>();
            for (long id = 1; id <= SOURCES; id++) {
                sources.add(source(id));
            }
            // Both start with every source, as nodes starting together do: each job is stored once.
            long started = System.nanoTime();
            nodes.forEach(n -> n.start(sources));
            // Until every source ran twice (a fixed watch failed on a machine loaded seven times over).
            while (System.nanoTime() - started < PATIENCE.toNanos() && !everyRanTwice(runs)) {
                sleep(200);
            }
            watched = Duration.ofNanos(System.nanoTime() - started);
            // Before the pools close (the try's end): a scheduler without its database retries forever.
            nodes.forEach(PollScheduler::shutdown);
        } finally {
            nodes.forEach(PollScheduler::shutdown);
            TestDatabases.dropPostgres(db);
        }
        assertEquals(0, overlaps.get(), "a source ran on two nodes at once");
        assertEquals(SOURCES, runs.size(), "every source ran: " + runs.keySet());
        for (Map.Entry<Long, List<long[]>> e : runs.entrySet()) {
            List<long[]> r = new ArrayList<>(e.getValue());
            r.sort(java.util.Comparator.comparingLong(a -> a[0]));
            // At most one run per interval, the first at the start: never more than watched / INTERVAL + 1.
            assertTrue(r.size() >= 2 && r.size() <= watched.dividedBy(INTERVAL) + 1,
                    "source " + e.getKey() + " ran " + r.size() + " times in " + watched.toMillis() + " ms");
            for (int i = 1; i < r.size(); i++) {
                long gapMillis = (r.get(i)[0] - r.get(i - 1)[1]) / 1_000_000;
                assertTrue(gapMillis >= INTERVAL.toMillis() - 100,
                        "source " + e.getKey() + " ran again " + gapMillis + " ms after its last run");
            }
        }
        assertEquals(2, perNode.size(), "both nodes polled: " + perNode);
    }

    private static boolean everyRanTwice(Map<Long, List<long[]>> runs) {
        return runs.size() == SOURCES && runs.values().stream().allMatch(r -> r.size() >= 2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
