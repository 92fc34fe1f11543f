package org.currents.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.junit.jupiter.api.Test;

class EventMergerTest {
    private static final Instant T = Instant.parse("2018-01-12T10:00:00Z");
    private final EventMerger merger = new EventMerger();

    private static EventDraft draft(long source, String headline, String summary, Instant at, String... contexts) {
        return new EventDraft("item:" + source + ":" + headline.hashCode(), Set.of(), Set.of(), at, headline, summary, "",
                "https://s" + source + ".example/a", null, new EventSource(source, "S" + source, "https://s" + source
                + ".example/a", "file:s" + source), java.util.Arrays.stream(contexts)
                .map(c -> Context.named(c, ContextKind.SUBJECT)).toList(), null);
    }

    private Event stored(EventDraft d) {
        return merger.create(d, "id1", "slug", T);
    }

    @Test
    void matchesNearIdenticalHeadlinesWithin48Hours() {
        Event e = stored(draft(1, "Mount Mayon erupts, forcing thousands of residents to evacuate", "", T));
        EventDraft other = draft(2, "Mount Mayon erupts, forcing thousands to evacuate", "", T.plusSeconds(30 * 3600));
        assertEquals(e, merger.match(other, List.of(e)).orElseThrow());
        EventDraft late = draft(2, "Mount Mayon erupts, forcing thousands to evacuate", "", T.plusSeconds(50 * 3600));
        assertTrue(merger.match(late, List.of(e)).isEmpty(), "two days later is another happening");
    }

    @Test
    void matchesOnTheSameSummaryUnderDifferentHeadlines() {
        String blurb = "Colombia's military and ELN rebels resumed hostilities on Wednesday after failing to agree to an extension";
        Event e = stored(draft(1, "Hostilities resume in Colombia", blurb, T));
        assertTrue(merger.match(draft(2, "ELN ceasefire ends", blurb, T), List.of(e)).isPresent());
    }

    @Test
    void keepsDifferentHappeningsApart() {
        Event e = stored(draft(1, "Floods kill twelve in Peru's capital Lima", "", T));
        assertTrue(merger.match(draft(2, "Parliament of Peru approves the national budget", "", T), List.of(e)).isEmpty());
    }

    @Test
    void mergingAddsTheSecondSourceAndItsContextsButKeepsTheFirstWording() {
        Event e = stored(draft(1, "Mayon erupts", "", T, "Mayon Volcano"));
        Event merged = merger.merge(e, draft(2, "Mayon volcano erupts", "", T.plusSeconds(60), "Philippines"), T.plusSeconds(90));
        assertEquals("Mayon erupts", merged.headline());
        assertEquals(2, merged.sources().size());
        assertEquals(List.of("mayon-volcano", "philippines"), merged.contexts().stream().map(Context::slug).toList());
        assertEquals(T.plusSeconds(90), merged.updated());
        assertSame(merged, merger.merge(merged, draft(2, "Mayon volcano erupts", "", T.plusSeconds(60), "Philippines"),
                T.plusSeconds(500)), "the same report again changes nothing");
    }

    @Test
    void theOriginalSourceMayCorrectItsWording() {
        Event e = stored(draft(1, "Mayon erupts", "", T));
        Event corrected = merger.merge(e, draft(1, "Mayon erupts", "Lava flows reached 3 km.", T), T.plusSeconds(60));
        assertEquals("Lava flows reached 3 km.", corrected.summary());
        assertEquals(e.published(), corrected.published());
    }
}
