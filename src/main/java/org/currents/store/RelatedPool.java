package org.currents.store;

import java.util.List;
import java.util.Map;
import org.currents.event.Event;

/**
 * The events related events are ranked from: the newest of each context, by context slug, and
 * those published nearest the page, whatever their contexts, so that an event sharing no context
 * but its words can still be found (newest first). Events carry only the first {@link #SUMMARY_CHARS} of their
 * summaries and no sources.
 */
public record RelatedPool(Map<String, List<Event>> byContext, List<Event> near) {
    public static final int SUMMARY_CHARS = 400;
    public static final RelatedPool EMPTY = new RelatedPool(Map.of(), List.of());

    public RelatedPool {
        byContext = Map.copyOf(byContext);
        near = List.copyOf(near);
    }
}
