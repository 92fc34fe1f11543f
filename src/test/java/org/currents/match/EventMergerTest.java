package org.currents.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.currents.event.Features;
import org.currents.event.MergeNote;
import org.junit.jupiter.api.Test;

class EventMergerTest {
    private static final Instant T = Instant.parse("2018-01-12T10:00:00Z");
    private final EventMerger merger = new EventMerger();

    private static EventDraft draft(long source, String headline, String summary, Instant at, String... contexts) {
        return new EventDraft("item:" + source + ":" + headline.hashCode(), Set.of(), Features.NONE, at, headline, summary, "",
                "https://s" + source + ".example/a", null, new EventSource(source, "S" + source, "https://s" + source
                + ".example/a", "file:s" + source, headline, at, 0, null, summary), java.util.Arrays.stream(contexts)
                .map(c -> Context.named(c, ContextKind.SUBJECT)).toList(), null);
    }

    private Event stored(EventDraft d) {
        return merger.create(d, "id1", "slug", T);
    }

    @Test
    void mergingAddsTheSecondSourceAndItsContextsButKeepsTheFirstWording() {
        Event e = stored(draft(1, "Mayon erupts", "", T, "Mayon Volcano"));
        MergeNote why = new MergeNote(0.8, "same subjects Mayon Volcano");
        Event merged = merger.merge(e, draft(2, "Mayon volcano erupts", "", T.plusSeconds(60), "Philippines"), why,
                true, T.plusSeconds(90));
        assertEquals("Mayon erupts", merged.headline());
        assertEquals(2, merged.sources().size());
        assertEquals(why, merged.sources().get(1).merge(), "the joining report says why it joined");
        assertEquals(null, merged.sources().get(0).merge());
        assertEquals(List.of("mayon-volcano", "philippines"), merged.contexts().stream().map(Context::slug).toList());
        assertEquals(T.plusSeconds(90), merged.updated());
        assertSame(merged, merger.merge(merged, draft(2, "Mayon volcano erupts", "", T.plusSeconds(60), "Philippines"),
                null, true, T.plusSeconds(500)), "the same report again changes nothing");
    }

    @Test
    void theOriginalSourceMayCorrectItsWording() {
        Event e = stored(draft(1, "Mayon erupts", "", T));
        Event corrected = merger.merge(e, draft(1, "Mayon erupts", "Lava flows reached 3 km.", T), null, false,
                T.plusSeconds(60));
        assertEquals("Lava flows reached 3 km.", corrected.summary());
        assertEquals(e.published(), corrected.published());
    }

    /** A report's summary is listed with it only where an event read back needs it: its words widened the event's. */
    @Test
    void aJoiningReportKeepsTheSummaryItWasMatchedByWhereItsWordsWidenedTheEvent() {
        Event e = stored(draft(1, "Mayon erupts", "Lava flows down the slopes.", T));
        assertEquals(null, e.sources().get(0).summary(), "the first report's summary is the event's own");
        MergeNote why = new MergeNote(0.5, "4 rare words in common");
        Event widened = merger.merge(e, draft(2, "Mayon spews ash", "Thousands flee Albay.", T.plusSeconds(60)), why,
                true, T.plusSeconds(60));
        assertEquals("Thousands flee Albay.", widened.sources().get(1).summary());
        Event repolled = merger.merge(widened, draft(2, "Mayon spews ash", "Updated: thousands flee Albay.",
                T.plusSeconds(60)), null, false, T.plusSeconds(600));
        assertEquals("Thousands flee Albay.", repolled.sources().get(1).summary(), "polled again: the words it was matched by");
        Event added = merger.merge(widened, draft(3, "Mayon erupts", "Lava flows down the slopes.", T.plusSeconds(90)),
                why, false, T.plusSeconds(90));
        assertEquals(null, added.sources().get(2).summary(), "a report that added no word to the event's");
    }
}
