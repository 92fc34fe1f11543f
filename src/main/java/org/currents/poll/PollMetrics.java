package org.currents.poll;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of what polls did since start: polls by outcome, items created and updated, time spent. */
public final class PollMetrics {
    private final Map<String, LongAdder> polls = new ConcurrentHashMap<>();
    private final LongAdder created = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    void record(PollOutcome outcome, long elapsedNanos) {
        polls.computeIfAbsent(outcome.status(), k -> new LongAdder()).increment();
        created.add(outcome.created());
        updated.add(outcome.updated());
        nanos.add(elapsedNanos);
    }

    /** Polls by outcome ({@code ok}, {@code not_modified}, {@code error}, {@code disabled}), sorted by name. */
    public Map<String, Long> polls() {
        Map<String, Long> out = new TreeMap<>();
        polls.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long itemsCreated() {
        return created.sum();
    }

    public long itemsUpdated() {
        return updated.sum();
    }

    public double pollSeconds() {
        return nanos.sum() / 1e9;
    }
}
