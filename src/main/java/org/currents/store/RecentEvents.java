package org.currents.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.currents.event.Event;
import org.currents.event.EventSource;

/**
 * The events this node's ingests wrote last, so that a report joining one of them does not read
 * it back: most joins are of events a few feeds old. Valid only while no other transaction
 * changed events since ({@link EventIngest} clears it when the counter moved under it, or an
 * ingest failed). Bounded by reports held, the least recently used out first.
 *
 * <p>Their reports are kept without the merge notes and summaries they were listed with: written
 * once, with the report, and never rewritten ({@link EventRowWriter}), those were 1.5 of the 1.7 KB
 * a report held here, and at 100,000 reports they were most of the heap.
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
            Event old = events.put(e.id(), withoutReportTexts(e));
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

    private static Event withoutReportTexts(Event e) {
        List<EventSource> sources = new ArrayList<>(e.sources().size());
        for (EventSource s : e.sources()) {
            sources.add(s.merge() == null && s.summary() == null ? s : s.listed(null, null));
        }
        return new Event(e.id(), e.slug(), e.published(), e.headline(), e.summary(), e.contentHtml(), e.link(),
                e.coverImage(), sources, e.contexts(), e.storySlug(), e.firstSeen(), e.updated());
    }

    private static int weight(Event e) {
        return 1 + e.sources().size();
    }
}
