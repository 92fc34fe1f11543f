package org.currents.fetch;

import java.time.Duration;

/**
 * When one fetch must be over, shared by every hop of its redirect chain and by reading the
 * body, so a chain of slow hops cannot stretch {@code fetch.total-timeout} once per hop. Reads
 * the monotonic clock: a fetch's length is elapsed time, whatever the wall clock does meanwhile.
 */
final class Deadline {
    private final Duration budget;
    private final long end;

    private Deadline(Duration budget, long end) {
        this.budget = budget;
        this.end = end;
    }

    static Deadline after(Duration budget) {
        return new Deadline(budget, System.nanoTime() + budget.toNanos());
    }

    /** The whole time allowed, for messages. */
    Duration budget() {
        return budget;
    }

    /** Milliseconds left, rounded up so that time left is never reported as none; 0 once passed. */
    long remainingMillis() {
        long nanos = end - System.nanoTime();
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }
}
