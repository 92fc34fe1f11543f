package org.currents.normalize;

import java.time.Instant;
import java.util.List;
import org.currents.config.ContextSettings;
import org.currents.event.EventDraft;
import org.currents.parse.ParsedFeed;
import org.currents.source.Source;

/** Turns a parsed feed's items into event drafts: sanitized, dated, linked, filed under contexts. */
public final class Normalizer {
    public Normalizer(ContextSettings settings) {
    }

    /** Drafts for every usable item; {@code now} dates items that carry no date. */
    public List<EventDraft> normalize(Source source, ParsedFeed feed, Instant now) {
        throw new UnsupportedOperationException("pending");
    }
}
