package org.currents.publish;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The version of everything published, as this node last read it from the database (the events
 * counter, which every change moves): a rendered document validated at the current version is
 * served without asking the database again. It is read again after every commit on this node
 * and every few seconds for the commits of other nodes sharing the database.
 */
public final class SiteVersion {
    private final LongSupplier stored;
    private final AtomicLong current = new AtomicLong(-1);

    public SiteVersion(LongSupplier stored) {
        this.stored = stored;
    }

    /** The version last read; -1 before the first read, so nothing is taken as validated. */
    public long current() {
        return current.get();
    }

    /** Reads the stored version; it only moves forward. */
    public void refresh() {
        long v = stored.getAsLong();
        current.accumulateAndGet(v, Math::max);
    }
}
