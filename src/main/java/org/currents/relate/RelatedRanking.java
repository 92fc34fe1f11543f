package org.currents.relate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.RelatedEvent;
import org.currents.event.Words;
import org.currents.match.Stems;
import org.currents.store.RelatedPool;

/**
 * Ranks the events related to an event, a pure function of the event and a {@link RelatedPool}:
 * each other event scores the weights of the contexts both are in (story > subject > category),
 * each the more the fewer candidates share it and the earlier the event's text names it; the
 * names (places, people, organisations) both texts give that are not such a context, at half a
 * subject's weight and the more the rarer; closeness in time; and the similarity of their texts
 * (words weighted by rarity among the candidates). An event sharing no context is related by the
 * names or words alone: outlets link subjects unevenly, and a text-only feed links none.
 */
public final class RelatedRanking {
    /** How many of the newest events of each shared context are considered. */
    public static final int PER_CONTEXT = 40;
    /** How many of the events nearest in time are considered whatever their contexts, and how far away. */
    public static final int NEAR = 400;
    public static final Duration NEAR_WINDOW = Duration.ofDays(14);
    private static final double TIME_SCALE_DAYS = 7;
    /** Alike texts relate more than a subject hundreds of events share ("United States"). */
    private static final double TEXT_WEIGHT = 8;
    /**
     * A name (place, person, organisation) both events give that is not a context both are in (an
     * outlet linked other subjects, or none): half a linked subject.
     */
    private static final double NAMED = 1;
    /** How much less each place named later counts (see {@link #prominence}). */
    private static final double LATER = 0.3;
    private static final int UNNAMED_POSITION = 5;
    /** The text similarity (cosine) that relates events sharing no context. */
    private static final double WORDS_ALONE = 0.05;
    /** Words named as the reason when words alone relate two events. */
    private static final int REASON_WORDS = 3;
    private static final Comparator<Event> NEWEST_FIRST = Comparator.comparing(Event::published)
            .thenComparing(Event::id).reversed();

    private RelatedRanking() {
    }

    /**
     * The contexts an event is related through: its stories, subjects and categories. A source
     * group (an OPML folder) says where a report came from, not what it is about.
     */
    public static List<String> topical(Event event) {
        return topicalContexts(event).stream().map(Context::slug).toList();
    }

    /**
     * At most {@code limit} events related to {@code event}, best first, each with the contexts
     * (or words) relating them; {@code pool} holds the newest {@link #PER_CONTEXT} events of (at
     * least) each of the event's topical contexts and events published near it; {@code textNames}
     * reads the names each text gives.
     */
    public static List<RelatedEvent> rank(Event event, RelatedPool pool, int limit, TextNames textNames) {
        List<Event> inContexts = candidates(event, pool.byContext());
        // How many candidates each context brings: a context few events share relates them more
        // than one most events are filed under ("Sanchi oil tanker collision" against "United States").
        Map<String, Integer> holding = new HashMap<>();
        for (Event other : inContexts) {
            other.contexts().forEach(c -> holding.merge(c.slug(), 1, Integer::sum));
        }
        Map<String, Event> all = new LinkedHashMap<>();
        inContexts.forEach(e -> all.put(e.id(), e));
        pool.near().stream().filter(e -> !e.id().equals(event.id())).forEach(e -> all.putIfAbsent(e.id(), e));
        // How many candidates name each place, person or context, in their contexts or their texts.
        Map<String, Set<String>> names = new HashMap<>();
        Map<String, Integer> naming = new HashMap<>();
        for (Event other : all.values()) {
            Set<String> n = named(other, textNames);
            names.put(other.id(), n);
            n.forEach(k -> naming.merge(k, 1, Integer::sum));
        }
        Map<String, String> mine = new LinkedHashMap<>(textNames.of(event));
        // The places in order of first mention: other names have no place in it.
        List<String> order = mine.keySet().stream().filter(TextNames::isPlace).toList();
        Map<String, Context> myContexts = new HashMap<>();
        for (Context c : topicalContexts(event)) {
            myContexts.putIfAbsent(TextNames.key(c.name()), c);
            mine.putIfAbsent(TextNames.key(c.name()), c.name());
        }
        Texts texts = new Texts(event, all.values());
        List<RelatedEvent> ranked = new ArrayList<>();
        for (Event other : all.values()) {
            List<Context> via = shared(event, other);
            Set<String> sharedNames = new HashSet<>();
            via.forEach(c -> sharedNames.add(TextNames.key(c.name())));
            List<String> alsoNamed = new ArrayList<>();
            for (String k : mine.keySet()) {
                if (names.get(other.id()).contains(k) && !sharedNames.contains(k)) {
                    alsoNamed.add(k);
                }
            }
            double similarity = texts.similarity(other);
            if (via.isEmpty() && alsoNamed.isEmpty() && similarity < WORDS_ALONE) {
                continue;
            }
            double score = 0;
            for (Context c : via) {
                double rarity = 1 + Math.log((double) PER_CONTEXT / holding.getOrDefault(c.slug(), 1));
                double weight = weight(c, event, other);
                // A story is what both are about, wherever the text names it.
                score += weight * Math.max(0.1, rarity)
                        * (weight >= ContextKind.STORY.weight() ? 1 : prominence(order, TextNames.key(c.name())));
            }
            for (String k : alsoNamed) {
                double rarity = 1 + Math.log((double) PER_CONTEXT / naming.getOrDefault(k, 1));
                score += NAMED * Math.max(0.1, rarity) * prominence(order, k);
            }
            double days = Duration.between(event.published(), other.published()).abs().toHours() / 24.0;
            score += 1 / (1 + days / TIME_SCALE_DAYS);
            score += TEXT_WEIGHT * similarity;
            List<Context> why = new ArrayList<>(via);
            List<String> words = new ArrayList<>();
            for (String k : alsoNamed) {
                // Shown as the event's own context of that name when it has one, else as the name.
                Context own = myContexts.get(k);
                if (own != null) {
                    why.add(own);
                } else {
                    words.add(mine.get(k));
                }
            }
            if (why.isEmpty()) {
                List<String> named = List.copyOf(words);
                texts.telling(other, REASON_WORDS).stream()
                        .filter(w -> named.stream().noneMatch(n -> n.equalsIgnoreCase(w))).forEach(words::add);
            }
            ranked.add(new RelatedEvent(other.headlineRef(), why,
                    why.isEmpty() ? words.subList(0, Math.min(words.size(), REASON_WORDS)) : List.of(), score));
        }
        ranked.sort(Comparator.comparingDouble(RelatedEvent::score).reversed()
                .thenComparing(r -> r.event().published(), Comparator.reverseOrder())
                .thenComparing(r -> r.event().id()));
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : List.copyOf(ranked);
    }

    /**
     * How much a context or place the event shares counts by how early the event's text names it:
     * the place named first is what a report is about ("Russia bans a British-French satire"), each
     * later one counts less, and a context or name the text does not give as a place counts as the
     * {@link #UNNAMED_POSITION}th (a story, what both are about, counts in full wherever it is named).
     */
    private static double prominence(List<String> order, String key) {
        int i = order.indexOf(key);
        return 1 / (1 + LATER * (i < 0 ? UNNAMED_POSITION : i));
    }

    private static List<Context> topicalContexts(Event event) {
        return event.contexts().stream().filter(c -> c.kind() != ContextKind.SOURCE_GROUP).toList();
    }

    /** The names of an event's topical contexts and those its text gives, as compared. */
    private static Set<String> named(Event event, TextNames textNames) {
        Set<String> out = new HashSet<>(textNames.of(event).keySet());
        topicalContexts(event).forEach(c -> out.add(TextNames.key(c.name())));
        return out;
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

    /**
     * The words of the event (its headline, summary and its reports' headlines) and of each
     * candidate (headline and summary) as the stems matching compares, weighted by rarity among
     * them: a word every candidate uses weighs nothing.
     */
    private static final class Texts {
        private final Map<String, Double> mine = new HashMap<>();
        private final double norm;
        private final Map<String, Set<String>> words = new HashMap<>();
        private final Map<String, Double> idf = new HashMap<>();
        private final Map<String, String> surface = new HashMap<>();

        Texts(Event event, java.util.Collection<Event> candidates) {
            StringBuilder text = new StringBuilder(event.headline()).append('\n').append(event.summary());
            for (EventSource s : event.sources()) {
                if (s.headline() != null) {
                    text.append('\n').append(s.headline());
                }
            }
            Set<String> own = terms(text.toString(), true);
            Map<String, Integer> df = new HashMap<>();
            own.forEach(w -> df.merge(w, 1, Integer::sum));
            for (Event e : candidates) {
                Set<String> t = terms(e.headline() + "\n" + e.summary(), false);
                words.put(e.id(), t);
                t.forEach(w -> df.merge(w, 1, Integer::sum));
            }
            int n = candidates.size() + 1;
            df.forEach((w, k) -> idf.put(w, Math.log((n + 1.0) / (k + 1.0))));
            double sum = 0;
            for (String w : own) {
                double x = idf.get(w);
                mine.put(w, x);
                sum += x * x;
            }
            norm = Math.sqrt(sum);
        }

        /** The cosine of the two texts' rarity-weighted word sets, 0 to 1. */
        double similarity(Event other) {
            Set<String> theirs = words.getOrDefault(other.id(), Set.of());
            double dot = 0;
            double sum = 0;
            for (String w : theirs) {
                double x = idf.get(w);
                sum += x * x;
                Double m = mine.get(w);
                if (m != null) {
                    dot += m * x;
                }
            }
            return dot == 0 ? 0 : dot / (norm * Math.sqrt(sum));
        }

        /** The rarest words both texts use, as the event writes them, at most {@code n}. */
        List<String> telling(Event other, int n) {
            return words.getOrDefault(other.id(), Set.of()).stream().filter(mine::containsKey)
                    .sorted(Comparator.comparingDouble((String w) -> -idf.get(w)).thenComparing(w -> w))
                    .limit(n).map(w -> surface.getOrDefault(w, w)).toList();
        }

        /** The stems matching compares (stop words gone, plurals and word families folded). */
        private Set<String> terms(String text, boolean own) {
            Set<String> out = new LinkedHashSet<>();
            for (String w : Words.of(text)) {
                if (!Stems.isStop(w) && w.length() > 1) {
                    String stem = Stems.of(w);
                    out.add(stem);
                    if (own) {
                        surface.putIfAbsent(stem, w);
                    }
                }
            }
            return out;
        }
    }
}
