package org.currents.match;

import java.time.Instant;
import org.currents.event.Features;

/** A stored event as matching sees it: when it happened, who reported it, and its features. */
public record Candidate(String eventId, Instant published, long[] sourceIds, Features features) {
    boolean reportedBy(long sourceId) {
        for (long s : sourceIds) {
            if (s == sourceId) {
                return true;
            }
        }
        return false;
    }
}
