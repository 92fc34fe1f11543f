package org.currents.relate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.RelatedEvent;
import org.currents.event.Words;
import org.currents.store.EventStore;

/**
 * Finds and ranks the events related to an event: each other event sharing a context scores the
 * weights of the contexts shared (story > subject > category > source group), each the more the
 * fewer events share it, plus closeness in time and headline similarity; the strongest shared
 * context is the one that relates them.
 */
public final class RelatedEvents {
    /** How many of the newest events of each shared context are considered. */
    private static final int PER_CONTEXT = 40;
    private static final double TIME_SCALE_DAYS = 7;

    private final EventStore events;

    public RelatedEvents(EventStore events) {
        this.events = events;
    }

    /** At most {@code limit} related events, best first, each with the contexts relating them. */
    public List<RelatedEvent> of(Event event, int limit) {
        Set<String> words = Words.of(event.headline());
        List<RelatedEvent> ranked = new ArrayList<>();
        // A source group (an OPML folder) says where a report came from, not what it is about:
        // events are related through their stories, subjects and categories only.
        List<String> topical = event.contexts().stream().filter(c -> c.kind() != ContextKind.SOURCE_GROUP)
                .map(Context::slug).toList();
        List<Event> candidates = events.sharingContexts(event.id(), topical, PER_CONTEXT);
        // How many candidates each context brings: a context few events share relates them more
        // than one most events are filed under ("Sanchi oil tanker collision" against "United States").
        Map<String, Integer> holding = new HashMap<>();
        for (Event other : candidates) {
            other.contexts().forEach(c -> holding.merge(c.slug(), 1, Integer::sum));
        }
        for (Event other : candidates) {
            List<Context> via = shared(event, other);
            if (via.isEmpty()) {
                continue;
            }
            double score = 0;
            for (Context c : via) {
                score += weight(c, event, other) * (1 + Math.log((double) PER_CONTEXT / holding.getOrDefault(c.slug(), 1)));
            }
            double days = Duration.between(event.published(), other.published()).abs().toHours() / 24.0;
            score += 1 / (1 + days / TIME_SCALE_DAYS);
            score += Words.jaccard(words, Words.of(other.headline()));
            ranked.add(new RelatedEvent(other.headlineRef(), via, score));
        }
        ranked.sort(Comparator.comparingDouble(RelatedEvent::score).reversed()
                .thenComparing(r -> r.event().published(), Comparator.reverseOrder())
                .thenComparing(r -> r.event().id()));
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : List.copyOf(ranked);
    }

    /** The contexts both events are in, strongest first. */
    static List<Context> shared(Event a, Event b) {
        Set<String> theirs = new java.util.HashSet<>();
        b.contexts().forEach(c -> theirs.add(c.slug()));
        List<Context> out = new ArrayList<>();
        for (Context c : a.contexts()) {
            if (c.kind() != ContextKind.SOURCE_GROUP && theirs.contains(c.slug())) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingDouble((Context c) -> weight(c, a, b)).reversed());
        return out;
    }

    /** A context is as strong as its kind, and as strong as a story when it is either event's story. */
    private static double weight(Context c, Event a, Event b) {
        return c.slug().equals(a.storySlug()) || c.slug().equals(b.storySlug())
                ? ContextKind.STORY.weight() : c.kind().weight();
    }
}
