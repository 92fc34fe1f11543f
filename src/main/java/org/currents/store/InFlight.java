package org.currents.store;

import java.util.List;
import java.util.Map;
import org.currents.event.Event;
import org.currents.match.Candidate;

/**
 * What an ingest decided, held for the ingest decided after it while the first is being written:
 * its rows are not readable until it commits, so the next one takes its events, keys and
 * window candidates from here instead.
 */
record InFlight(Map<String, Event> events, Map<Long, String> keys, List<Candidate> candidates) {
    static final InFlight NONE = new InFlight(Map.of(), Map.of(), List.of());
}
