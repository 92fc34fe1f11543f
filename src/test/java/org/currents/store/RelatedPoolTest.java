package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.currents.config.StoreSettings;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.currents.event.Features;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What related events are ranked from, read in one go on H2 and PostgreSQL. */
class RelatedPoolTest {
    private static final Instant DAY = Instant.parse("2018-01-12T10:00:00Z");
    private static final Context PHILIPPINES = Context.named("Philippines", ContextKind.SUBJECT);
    private static final Context PERU = Context.named("Peru", ContextKind.SUBJECT);

    @TempDir
    Path dir;

    private StoreSettings settings;
    private Database db;

    @AfterEach
    void close() {
        TestDatabases.close(db, settings);
    }

    private static EventDraft draft(int source, String headline, String summary, Instant when, Context... contexts) {
        return new EventDraft("item:" + source + ":x", Set.of(), Features.NONE, when, headline, summary, "", null, null,
                new EventSource(source, "Outlet " + source, null, "file:feed" + source), List.of(contexts), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theNewestOfEachContextAndTheNearestInTimeWhateverTheirContexts(String kind) {
        settings = TestDatabases.of(kind, dir);
        db = Database.open(settings);
        String longSummary = "A late vote in Manila. ".repeat(40);
        TestIngest.of(db, Clock.fixed(DAY.plusSeconds(86400 * 20), ZoneOffset.UTC)).ingest(List.of(
                draft(1, "Volcano erupts on Mayon", "Thousands flee the ash.", DAY, PHILIPPINES),
                draft(2, "Ash closes the airport of Legazpi", "Flights stop.", DAY.plusSeconds(3 * 3600), PHILIPPINES),
                draft(3, "Parliament passes the budget", longSummary, DAY.plusSeconds(86400), PHILIPPINES),
                draft(4, "Storm hits Lima", "Floods in Peru's capital.", DAY.plusSeconds(2 * 86400), PERU),
                draft(5, "Lima votes for a mayor", "Far from the rest.", DAY.plusSeconds(10 * 86400), PERU)));
        RelatedPool pool = new EventStore(db).relatedPool(List.of(PHILIPPINES.slug()), 2, DAY.plusSeconds(86400), 4,
                Duration.ofDays(2));

        assertEquals(List.of("Parliament passes the budget", "Ash closes the airport of Legazpi"),
                headlines(pool.byContext().get(PHILIPPINES.slug())), "the newest two of the context, newest first");
        assertEquals(List.of("Storm hits Lima", "Parliament passes the budget", "Ash closes the airport of Legazpi"),
                headlines(pool.near()), "two after (only one in the window) and two at or before, newest first");
        Event budget = pool.near().get(1);
        assertEquals(longSummary.substring(0, RelatedPool.SUMMARY_CHARS), budget.summary(), "the summary's start");
        assertEquals(List.of(PHILIPPINES), budget.contexts());
        assertEquals(List.of(PERU), pool.near().get(0).contexts(), "a near event comes with its own contexts");

        assertEquals(RelatedPool.EMPTY, new EventStore(db).relatedPool(List.of(), 2, null, 0, Duration.ofDays(2)));
        assertEquals(List.of(), new EventStore(db).relatedPool(List.of("no-such-context"), 2, DAY, 0,
                Duration.ofDays(2)).near(), "no near events asked for, none read");
    }

    private static List<String> headlines(List<Event> events) {
        return events.stream().map(Event::headline).toList();
    }
}
