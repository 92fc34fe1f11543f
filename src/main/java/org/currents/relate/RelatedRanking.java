package org.currents.relate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.RelatedEvent;
import org.currents.event.Words;

/**
 * Ranks the events related to an event, a pure function of the event and the newest events of
 * each of its contexts: each other event sharing a context scores the weights of the contexts
 * shared (story > subject > category), each the more the fewer candidates share it, plus
 * closeness in time and headline similarity; the strongest shared context is the one that
 * relates them.
 */
public final class RelatedRanking {
    /** How many of the newest events of each shared context are considered. */
    public static final int PER_CONTEXT = 40;
    private static final double TIME_SCALE_DAYS = 7;
    private static final Comparator<Event> NEWEST_FIRST = Comparator.comparing(Event::published)
            .thenComparing(Event::id).reversed();

    private RelatedRanking() {
    }

    /**
     * The contexts an event is related through: its stories, subjects and categories. A source
     * group (an OPML folder) says where a report came from, not what it is about.
     */
    public static List<String> topical(Event event) {
        return event.contexts().stream().filter(c -> c.kind() != ContextKind.SOURCE_GROUP).map(Context::slug).toList();
    }

    /**
     * At most {@code limit} events related to {@code event}, best first, each with the contexts
     * relating them; {@code newest} holds the newest {@link #PER_CONTEXT} events of (at least)
     * each of the event's topical contexts.
     */
    public static List<RelatedEvent> rank(Event event, Map<String, List<Event>> newest, int limit) {
        List<Event> candidates = candidates(event, newest);
        // How many candidates each context brings: a context few events share relates them more
        // than one most events are filed under ("Sanchi oil tanker collision" against "United States").
        Map<String, Integer> holding = new HashMap<>();
        for (Event other : candidates) {
            other.contexts().forEach(c -> holding.merge(c.slug(), 1, Integer::sum));
        }
        Set<String> words = Words.of(event.headline());
        List<RelatedEvent> ranked = new ArrayList<>();
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

    /** The other events in any of the event's topical contexts, once each, newest first. */
    static List<Event> candidates(Event event, Map<String, List<Event>> newest) {
        Map<String, Event> byId = new LinkedHashMap<>();
        for (String slug : topical(event)) {
            for (Event other : newest.getOrDefault(slug, List.of())) {
                if (!other.id().equals(event.id())) {
                    byId.putIfAbsent(other.id(), other);
                }
            }
        }
        List<Event> out = new ArrayList<>(byId.values());
        out.sort(NEWEST_FIRST);
        return out;
    }

    /** The contexts both events are in, strongest first. */
    static List<Context> shared(Event a, Event b) {
        Set<String> theirs = new HashSet<>();
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
