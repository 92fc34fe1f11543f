package org.currents.publish;

import java.util.List;
import org.currents.event.Event;
import org.currents.event.RelatedEvent;

/** An event as a feed entry or page shows it: with its related events. */
record EventEntry(Event event, List<RelatedEvent> related) {
    EventEntry {
        related = List.copyOf(related);
    }
}
