-- A report joining an event writes its own source row and leaves the event's row alone (before,
-- every join rewrote the whole row, text and all, for its two stamps): the source row says when
-- it was written and by which version, and an event was updated when its row or any of its source
-- rows was last written. Other nodes find the joins by version through the index.
ALTER TABLE event_source ADD COLUMN written TIMESTAMP WITH TIME ZONE;
ALTER TABLE event_source ADD COLUMN seq BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX event_source_seq ON event_source (seq);
