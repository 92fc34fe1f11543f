-- Never read: feed and page validators come from context versions and the events counter.
-- Stamping it rewrote every new event's row (content included) a second time.
ALTER TABLE event DROP COLUMN version;
