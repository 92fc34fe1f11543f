package org.currents.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules that decide whether a draft reports a stored event and how the two combine. The
 * store finds candidates by key and applies these rules inside its ingest transaction.
 */
public interface EventReconciler {

    /**
     * The stored event this draft reports, among candidates that share a fingerprint band with it
     * (near-identical text) within 48 hours; empty when it is a new happening. Candidates carry
     * their id, slug, dates, headline and summary only. The store itself matches drafts whose item
     * key or a match key is already stored, without asking.
     */
    Optional<Event> match(EventDraft draft, List<Event> candidates);

    /** A new event for a draft that matched nothing; {@code slug} is free on the draft's day. */
    Event create(EventDraft draft, String id, String slug, Instant now);

    /**
     * The stored event updated with what this draft adds (its source, contexts, a better
     * summary, a cover image); returns {@code existing} itself when nothing changes, so a re-poll
     * writes nothing. The event's id, slug and published date never change.
     */
    Event merge(Event existing, EventDraft draft, Instant now);
}
