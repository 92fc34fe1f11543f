package org.currents.normalize;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventReconciler;

/** Decides when a draft reports a stored event (same item, same link, or near-identical text within 48 hours) and merges them. */
public final class EventMerger implements EventReconciler {
    @Override
    public Optional<Event> match(EventDraft draft, List<Event> candidates) {
        throw new UnsupportedOperationException("pending");
    }

    @Override
    public Event create(EventDraft draft, String id, String slug, Instant now) {
        throw new UnsupportedOperationException("pending");
    }

    @Override
    public Event merge(Event existing, EventDraft draft, Instant now) {
        throw new UnsupportedOperationException("pending");
    }
}
