package org.currents.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.currents.event.Context;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.currents.event.MergeNote;

/**
 * Combines an event with a report of it. The report that started the event may correct its
 * wording when polled again; other reports only add themselves (with why they were merged),
 * their contexts and what the event lacked. The event's id, slug and date never change.
 */
public final class EventMerger {
    /** Contexts an event keeps at most, against hostile feeds. */
    public static final int MAX_CONTEXTS = 60;

    public Event create(EventDraft d, String id, String slug, Instant now) {
        return new Event(id, slug, d.published(), d.headline(), d.summary(), d.contentHtml(), d.link(), d.coverImage(),
                List.of(d.source().listed(null, null)), d.contexts(), d.storySlug(), now, now);
    }

    /**
     * The event with the draft's report added, or {@code e} itself when the draft changes
     * nothing, so that a re-poll writes nothing. {@code note} says why a new report joined; a
     * report already on the event keeps the note it came with. A new report's summary is listed
     * with it when its words {@code widened} what the event is matched by
     * ({@link Candidate#widens}): an event read back is matched by them
     * ({@link TextAnalyzer#candidate}); the summary of a report that added no word would add none there either.
     */
    public Event merge(Event e, EventDraft d, MergeNote note, boolean widened, Instant now) {
        boolean original = !e.sources().isEmpty() && e.sources().get(0).sameReport(d.source());
        String headline = original ? d.headline() : e.headline();
        String summary = original || e.summary().isEmpty() ? d.summary() : e.summary();
        String content = original || e.contentHtml().isEmpty() ? d.contentHtml() : e.contentHtml();
        String link = e.link() != null && (!original || d.link() == null) ? e.link() : d.link();
        String cover = e.coverImage() != null ? e.coverImage() : d.coverImage();
        String story = e.storySlug() != null ? e.storySlug() : d.storySlug();
        Event merged = new Event(e.id(), e.slug(), e.published(), headline, summary, content, link, cover,
                sources(e.sources(), d.source(), note, widened), contexts(e.contexts(), d.contexts()), story, e.firstSeen(),
                e.updated());
        if (merged.equals(e)) {
            return e;
        }
        return new Event(e.id(), e.slug(), e.published(), headline, summary, content, link, cover, merged.sources(),
                merged.contexts(), story, e.firstSeen(), now);
    }

    private static List<EventSource> sources(List<EventSource> existing, EventSource added, MergeNote note,
                                             boolean widened) {
        List<EventSource> out = new ArrayList<>(existing);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).sameReport(added)) {
                // Polled again: it keeps why it was merged and the words it was matched by.
                out.set(i, added.listed(out.get(i).merge(), out.get(i).summary()));
                return out;
            }
        }
        // Every report stays listed, however many: a report left out would be lost.
        out.add(added.listed(note, widened ? added.summary() : null));
        return out;
    }

    private static List<Context> contexts(List<Context> existing, List<Context> added) {
        Map<String, Context> out = new LinkedHashMap<>();
        existing.forEach(c -> out.put(c.slug(), c));
        for (Context c : added) {
            Context earlier = out.get(c.slug());
            if (earlier == null && out.size() < MAX_CONTEXTS) {
                out.put(c.slug(), c);
            } else if (earlier != null && c.kind().weight() > earlier.kind().weight()) {
                out.put(c.slug(), new Context(earlier.slug(), earlier.name(), c.kind()));
            }
        }
        return List.copyOf(out.values());
    }
}
