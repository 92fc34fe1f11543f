package org.currents.source;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Notices sources that another process changed in the shared database (the command line beside
 * the server: {@code sources add}, {@code sources remove}, {@code import-opml}) and hands them to
 * the scheduler: a new enabled source is scheduled, one removed or disabled is unscheduled.
 * Scheduling twice is harmless, so changes made through this process's own API may pass again.
 */
public final class SourceWatch {
    private final Supplier<List<Source>> stored;
    private final Consumer<Source> schedule;
    private final LongConsumer unschedule;
    private final Set<Long> known = new HashSet<>();

    public SourceWatch(Supplier<List<Source>> stored, Consumer<Source> schedule, LongConsumer unschedule,
                       List<Source> scheduled) {
        this.stored = stored;
        this.schedule = schedule;
        this.unschedule = unschedule;
        scheduled.forEach(s -> known.add(s.id()));
    }

    /** Compares the stored sources with those known to be scheduled; returns how many changed. */
    public synchronized int check() {
        Set<Long> enabled = new HashSet<>();
        int changed = 0;
        for (Source s : stored.get()) {
            if (!s.enabled()) {
                continue;
            }
            enabled.add(s.id());
            if (known.add(s.id())) {
                schedule.accept(s);
                changed++;
            }
        }
        for (Long id : Set.copyOf(known)) {
            if (!enabled.contains(id)) {
                unschedule.accept(id);
                known.remove(id);
                changed++;
            }
        }
        return changed;
    }
}
