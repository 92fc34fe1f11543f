package org.currents.normalize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.currents.event.Context;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.Words;
import org.currents.event.EventReconciler;
import org.currents.event.EventSource;

/**
 * Decides when a draft reports a stored event (same item, same link, or near-identical text within
 * 48 hours) and merges them. The first source's own re-publication may correct the text; other
 * sources only add themselves, their contexts and what the event lacked.
 */
public final class EventMerger implements EventReconciler {
    static final Duration WINDOW = Duration.ofHours(48);
    private static final int MAX_SOURCES = 50;
    private static final int MIN_SUMMARY_WORDS = 8;

    @Override
    public Optional<Event> match(EventDraft draft, List<Event> candidates) {
        Set<String> headline = Words.of(draft.headline());
        Set<String> summary = Words.of(draft.summary());
        Event best = null;
        double bestScore = 0;
        for (Event e : candidates) {
            if (Duration.between(e.published(), draft.published()).abs().compareTo(WINDOW) > 0) {
                continue;
            }
            double h = Words.jaccard(headline, Words.of(e.headline()));
            Set<String> other = Words.of(e.summary());
            double s = summary.size() >= MIN_SUMMARY_WORDS && other.size() >= MIN_SUMMARY_WORDS
                    ? Words.jaccard(summary, other) : 0;
            boolean same = h >= 0.6 || s >= 0.7 || (h >= 0.4 && s >= 0.5);
            if (same && h + s > bestScore) {
                best = e;
                bestScore = h + s;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public Event create(EventDraft d, String id, String slug, Instant now) {
        return new Event(id, slug, d.published(), d.headline(), d.summary(), d.contentHtml(), d.link(), d.coverImage(),
                List.of(d.source()), d.contexts(), d.storySlug(), now, now);
    }

    @Override
    public Event merge(Event e, EventDraft d, Instant now) {
        boolean original = !e.sources().isEmpty() && sameReport(e.sources().get(0), d.source());
        String headline = original ? d.headline() : e.headline();
        String summary = original || e.summary().isEmpty() ? d.summary() : e.summary();
        String content = original || e.contentHtml().isEmpty() ? d.contentHtml() : e.contentHtml();
        String link = e.link() != null && (!original || d.link() == null) ? e.link() : d.link();
        String cover = e.coverImage() != null ? e.coverImage() : d.coverImage();
        String story = e.storySlug() != null ? e.storySlug() : d.storySlug();
        Event merged = new Event(e.id(), e.slug(), e.published(), headline, summary, content, link, cover,
                sources(e.sources(), d.source()), contexts(e.contexts(), d.contexts()), story, e.firstSeen(), e.updated());
        if (merged.equals(e)) {
            return e;
        }
        return new Event(e.id(), e.slug(), e.published(), headline, summary, content, link, cover, merged.sources(),
                merged.contexts(), story, e.firstSeen(), now);
    }

    private static boolean sameReport(EventSource a, EventSource b) {
        return a.sourceId() == b.sourceId() && Objects.equals(a.articleUrl(), b.articleUrl());
    }

    private static List<EventSource> sources(List<EventSource> existing, EventSource added) {
        List<EventSource> out = new ArrayList<>(existing);
        for (int i = 0; i < out.size(); i++) {
            if (sameReport(out.get(i), added)) {
                out.set(i, added);
                return out;
            }
        }
        if (out.size() < MAX_SOURCES) {
            out.add(added);
        }
        return out;
    }

    private static List<Context> contexts(List<Context> existing, List<Context> added) {
        Map<String, Context> out = new LinkedHashMap<>();
        existing.forEach(c -> out.put(c.slug(), c));
        for (Context c : added) {
            Context earlier = out.get(c.slug());
            if (earlier == null && out.size() < ContextFinder.MAX_CONTEXTS) {
                out.put(c.slug(), c);
            } else if (earlier != null && c.kind().weight() > earlier.kind().weight()) {
                out.put(c.slug(), new Context(earlier.slug(), earlier.name(), c.kind()));
            }
        }
        return List.copyOf(out.values());
    }
}
