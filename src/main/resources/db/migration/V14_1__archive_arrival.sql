-- The order in which events joined the feeds, for RFC 5005 archive pages that never reshuffle: an
-- event's arrival is the version of the ingest that created it, a context membership's the version
-- that filed the event there (both taken under the counter's row lock, so they commit in order).
-- Rows written before this migration get the version that last wrote them, once, and keep it.
ALTER TABLE event ADD COLUMN arrival BIGINT;
UPDATE event SET arrival = seq;
ALTER TABLE event ALTER COLUMN arrival SET NOT NULL;
ALTER TABLE event_context ADD COLUMN arrival BIGINT;
UPDATE event_context SET arrival = COALESCE((SELECT e.seq FROM event e WHERE e.id = event_context.event_id), 0);
ALTER TABLE event_context ALTER COLUMN arrival SET NOT NULL;
