package org.currents.relate;

import java.util.List;
import org.currents.event.Event;
import org.currents.event.RelatedEvent;
import org.currents.store.EventStore;

/** Finds and ranks the events related to an event. */
public final class RelatedEvents {
    public RelatedEvents(EventStore events) {
    }

    /** At most {@code limit} related events, best first, each with the contexts relating them. */
    public List<RelatedEvent> of(Event event, int limit) {
        throw new UnsupportedOperationException("pending");
    }
}
