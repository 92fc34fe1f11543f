package org.currents.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventReconciler;

/** Events, their sources, contexts and identity keys. Lists are newest first. */
public final class EventStore {
    public EventStore(Database db, Clock clock) {
    }

    /**
     * Matches each draft to a stored event (by item key, then match keys, then the reconciler's
     * fuzzy match over fingerprint candidates) or creates one; all drafts in one transaction.
     */
    public IngestResult ingest(List<EventDraft> drafts, EventReconciler reconciler) {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<Event> find(String id) {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<Event> find(LocalDate day, String slug) {
        throw new UnsupportedOperationException("pending");
    }

    public List<Event> latest(int limit) {
        throw new UnsupportedOperationException("pending");
    }

    public List<Event> inContext(String contextSlug, int limit) {
        throw new UnsupportedOperationException("pending");
    }

    public List<Event> onDay(LocalDate day) {
        throw new UnsupportedOperationException("pending");
    }

    /** The latest day before {@code day} that has events. */
    public Optional<LocalDate> dayBefore(LocalDate day) {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<LocalDate> latestDay() {
        throw new UnsupportedOperationException("pending");
    }

    /** Other events that share at least one context with {@code event}, newest first. */
    public List<Event> sharingContexts(Event event, int limit) {
        throw new UnsupportedOperationException("pending");
    }

    public long count() {
        throw new UnsupportedOperationException("pending");
    }

    /** A counter that moves whenever any event is created or changed. */
    public long version() {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<Instant> lastUpdated() {
        throw new UnsupportedOperationException("pending");
    }
}
