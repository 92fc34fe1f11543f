package org.currents.relate;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.currents.event.Event;
import org.currents.event.RelatedEvent;
import org.currents.match.TextAnalyzer;
import org.currents.store.EventStore;
import org.currents.store.RelatedPool;

/**
 * The related events of a page of events, from one batched read of the newest events of every
 * context on the page and of the events published near it, ranked by {@link RelatedRanking}: the
 * query count does not grow with the page.
 */
public final class RelatedEvents {
    private final EventStore events;
    private final TextAnalyzer analyzer;

    public RelatedEvents(EventStore events, TextAnalyzer analyzer) {
        this.events = events;
        this.analyzer = analyzer;
    }

    /** For each event of {@code page}, by id, at most {@code limit} related events, best first. */
    public Map<String, List<RelatedEvent>> forPage(List<Event> page, int limit) {
        if (page.isEmpty()) {
            return Map.of();
        }
        Set<String> slugs = new LinkedHashSet<>();
        page.forEach(e -> slugs.addAll(RelatedRanking.topical(e)));
        // The events near the page's middle: for one event, those around it.
        List<Instant> times = page.stream().map(Event::published).sorted().toList();
        RelatedPool pool = events.relatedPool(slugs, RelatedRanking.PER_CONTEXT, times.get(times.size() / 2),
                RelatedRanking.NEAR, RelatedRanking.NEAR_WINDOW);
        Map<String, List<RelatedEvent>> out = new HashMap<>();
        TextNames names = new TextNames(analyzer);
        for (Event e : page) {
            out.put(e.id(), RelatedRanking.rank(e, pool, limit, names));
        }
        return out;
    }

    /** At most {@code limit} events related to one event, best first. */
    public List<RelatedEvent> of(Event event, int limit) {
        return forPage(List.of(event), limit).get(event.id());
    }
}
