-- New events look their slugs up by slug alone (across days, one statement per feed); the
-- unique (event_day, slug) index does not lead with it.
CREATE INDEX event_slug ON event (slug);
