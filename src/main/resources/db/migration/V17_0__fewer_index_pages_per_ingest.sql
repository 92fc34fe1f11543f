-- Indexes an ingest rewrites fewer pages of (each page a commit touches is written out whole).

-- A context's events in the order they were filed under it. An ingest's new rows go to the end of
-- each context's stretch of the index; under (context_slug, event_id) a report joining an older
-- event filed it under its categories among that event's neighbours, a page rewritten per join (a
-- quarter of the bytes H2 wrote over 10,000 benchmark items). Archive pages read a context's events
-- in this order.
DROP INDEX event_context_by_context;
CREATE INDEX event_context_by_context ON event_context (context_slug, arrival, event_id);

-- New events look their first slug up by (event_day, slug), which the unique index leads with; an
-- index on the slug alone put each new event on a page of its own.
DROP INDEX event_slug;
