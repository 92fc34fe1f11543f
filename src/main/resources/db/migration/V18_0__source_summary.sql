-- The summary of a joined report whose words widened the event's: an event read back from the
-- store is matched by every report's words, as it was in memory when they joined (the first
-- report's summary is the event's own, so its row leaves this empty).
ALTER TABLE event_source ADD COLUMN summary VARCHAR(600);
