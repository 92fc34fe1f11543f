package org.currents.event;

import java.util.List;

/**
 * Another event related to one event, with the contexts the two share (strongest first; the
 * first is "the context that relates them", as the portal prints it) and the ranking score.
 */
public record RelatedEvent(EventHeadline event, List<Context> via, double score) {
    public RelatedEvent {
        via = List.copyOf(via);
        if (via.isEmpty()) {
            throw new IllegalArgumentException("a related event needs the context that relates it");
        }
    }
}
