package org.currents.poll;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.currents.source.Source;
import org.currents.store.SourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first poll of sources never polled before, together, and at start of those overdue. The
 * sources that come within a moment of each other (the store's new and overdue sources at start,
 * an OPML imported through the API, sources added one after another) are polled as one {@link
 * Poller#pollAll}, which files the items of all their feeds in the order of their times; then each
 * goes to the schedule. Polled one job each as they came, a next-morning report whose feed answered
 * first would start an event of its own, and the next day's development would join it there
 * ({@code docs/quality.md}).
 *
 * <p>A batch waits {@code settle} after the last source added, and no longer than {@code
 * maxWait} after its first. Nothing is polled before {@link #start()}: the command line's short
 * runs add sources without polling them.
 */
public final class FirstPolls {
    private static final Logger log = LoggerFactory.getLogger(FirstPolls.class);

    private final Poller poller;
    private final SourceStore sources;
    private final int threads;
    private final Consumer<Source> schedule;
    private final Duration settle;
    private final Duration maxWait;
    /** The sources waiting, by id: read again when the batch runs, as they are then. */
    private final Set<Long> pending = new LinkedHashSet<>();
    private ScheduledThreadPoolExecutor runner;
    private ScheduledFuture<?> due;
    private long firstAdded;
    private volatile boolean stopping;

    public FirstPolls(Poller poller, SourceStore sources, int threads, Consumer<Source> schedule, Duration settle,
                      Duration maxWait) {
        this.poller = poller;
        this.sources = sources;
        this.threads = threads;
        this.schedule = schedule;
        this.settle = settle;
        this.maxWait = maxWait;
    }

    public synchronized void start() {
        runner = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "first-poll");
            t.setDaemon(true);
            return t;
        });
        runner.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Queues the sources for a first poll with the others that come within {@code settle}. */
    public synchronized void add(Collection<Source> fresh) {
        if (runner == null || stopping || fresh.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (pending.isEmpty()) {
            firstAdded = now;
        }
        fresh.forEach(s -> pending.add(s.id()));
        if (due != null) {
            // Not begun: it waits longer, for these too. Under way: it took its sources, and these wait behind it.
            due.cancel(false);
        }
        long wait = Math.min(settle.toNanos(), Math.max(0, firstAdded + maxWait.toNanos() - now));
        due = runner.schedule(this::pollPending, wait, TimeUnit.NANOSECONDS);
    }

    private void pollPending() {
        List<Long> ids;
        synchronized (this) {
            ids = List.copyOf(pending);
            pending.clear();
        }
        // Removed or disabled meanwhile: not polled; changed: polled as it is now.
        List<Source> batch = ids.stream().map(sources::find).flatMap(Optional::stream)
                .filter(Source::enabled).toList();
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<PollOutcome> outcomes = poller.pollAll(batch, threads, () -> stopping);
            log.info("first poll of {} sources together, their items in the order of their times: {} failed",
                    outcomes.size(), outcomes.stream().filter(PollOutcome::failed).count());
        } catch (RuntimeException e) {
            log.error("first poll of {} sources stopped; the schedule polls them", batch.size(), e);
        }
        // Removed or disabled meanwhile: not scheduled. After a stop, scheduling does nothing.
        for (Source s : batch) {
            sources.find(s.id()).filter(Source::enabled).ifPresent(schedule);
        }
    }

    /** Drops what waits; a poll under way ends after the group of feeds it is filing. */
    public void stop() {
        ScheduledThreadPoolExecutor r;
        synchronized (this) {
            stopping = true;
            pending.clear();
            r = runner;
        }
        if (r == null) {
            return;
        }
        r.shutdown();
        try {
            while (!r.awaitTermination(10, TimeUnit.SECONDS)) {
                log.info("waiting for the first poll under way to finish its group of feeds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
