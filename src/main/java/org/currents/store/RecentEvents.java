package org.currents.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.currents.event.Event;

/**
 * The events this node's ingests wrote last, as written, so that a report joining one of them
 * does not read it back: most joins are of events a few feeds old. Valid only while no other
 * transaction changed events since ({@link EventIngest} clears it when the counter moved under
 * it, or an ingest failed). Bounded by reports held, the least recently used out first.
 */
final class RecentEvents {
    private final int maxReports;
    private final LinkedHashMap<String, Event> events = new LinkedHashMap<>(256, 0.75f, true);
    private int reports;

    RecentEvents(int maxReports) {
        this.maxReports = maxReports;
    }

    Event get(String id) {
        return events.get(id);
    }

    void putAll(Collection<Event> written) {
        for (Event e : written) {
            Event old = events.put(e.id(), e);
            reports += weight(e) - (old == null ? 0 : weight(old));
        }
        var it = events.entrySet().iterator();
        while (reports > maxReports && it.hasNext()) {
            Map.Entry<String, Event> eldest = it.next();
            reports -= weight(eldest.getValue());
            it.remove();
        }
    }

    void clear() {
        events.clear();
        reports = 0;
    }

    private static int weight(Event e) {
        return 1 + e.sources().size();
    }
}
