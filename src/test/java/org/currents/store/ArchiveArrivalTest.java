package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.currents.config.StoreSettings;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order archive pages follow is the order events joined a feed, and nothing but a new
 * arrival adds to its end: an event rewritten by a later report keeps its place, and events a
 * merged context brings come after the ones already there; on H2 and PostgreSQL.
 */
class ArchiveArrivalTest {
    private static final YearMonth JANUARY = YearMonth.of(2018, 1);

    @TempDir
    Path dir;
    private StoreSettings settings;
    private Database db;
    private EventStore events;
    private EventIngest ingest;

    private void open(String kind) {
        settings = TestDatabases.of(kind, dir);
        db = Database.open(settings);
        events = new EventStore(db);
        ingest = TestIngest.of(db, Clock.fixed(Instant.parse("2018-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        TestDatabases.close(db, settings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anEventRewrittenByALaterReportKeepsItsPlaceInTheArchivePages(String kind) {
        open(kind);
        ingest.ingest(List.of(draft("g1", "Volcano erupts on Mayon", "2018-01-05", "Mayon Volcano", ContextKind.CATEGORY)));
        ingest.ingest(List.of(draft("g2", "Airport in Legazpi closed by falling ash", "2018-01-20", "Mayon Volcano")));
        ingest.ingest(List.of(draft("g3", "Schools reopen across Albay province", "2018-02-20", "Mayon Volcano")));
        // The first item again, naming its context as a story now: the event's context rows are written anew.
        ingest.ingest(List.of(draft("g1", "Volcano erupts on Mayon; thousands flee their homes", "2018-01-05",
                "Mayon Volcano", ContextKind.STORY)));
        assertEquals(3, events.count());
        assertEquals(List.of("Volcano erupts on Mayon; thousands flee their homes"), headlines("mayon-volcano", 0, 1),
                "still the first to have arrived");
        assertEquals(List.of("Airport in Legazpi closed by falling ash"), headlines("mayon-volcano", 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void eventsAMergedContextBringsComeAfterThoseAlreadyThere(String kind) {
        open(kind);
        ingest.ingest(List.of(draft("a1", "Ash falls on Legazpi airport", "2018-01-05", "Ash Cloud")));
        ingest.ingest(List.of(draft("b1", "Farmers lose rice crops near Mayon", "2018-01-10", "Mayon Volcano"),
                draft("b2", "Aid arrives for evacuees in Albay", "2018-01-15", "Mayon Volcano")));
        ingest.ingest(List.of(draft("b3", "Alert level lowered on Mayon", "2018-02-01", "Mayon Volcano")));
        new ContextStore(db).merge("ash-cloud", "mayon-volcano");
        assertEquals(Set.of("Farmers lose rice crops near Mayon", "Aid arrives for evacuees in Albay"),
                Set.copyOf(headlines("mayon-volcano", 0, 2)), "the pages before stay as they were");
        assertEquals(List.of("Ash falls on Legazpi airport"), headlines("mayon-volcano", 2, 2),
                "the merged event arrived at the merge, though it is the oldest");
    }

    /** Headlines of January's archived events of {@code slug} (current feed: one), {@code take} after {@code skip}. */
    private List<String> headlines(String slug, int skip, int take) {
        FeedHistory history = events.history(slug, 1);
        return events.archived(slug, history, JANUARY, skip, take).stream().map(Event::headline).toList();
    }

    private static EventDraft draft(String guid, String headline, String day, String context) {
        return draft(guid, headline, day, context, ContextKind.STORY);
    }

    private static EventDraft draft(String guid, String headline, String day, String context, ContextKind kind) {
        List<Context> contexts = List.of(Context.named(context, kind));
        return new EventDraft("item:1:" + guid, Set.of(), TestIngest.ANALYZER.analyze(headline, "", contexts),
                Instant.parse(day + "T09:00:00Z"), headline, "", "<p>" + headline + "</p>", null, null,
                new EventSource(1, "Outlet", "https://outlet.example/" + guid, "file:feeds/1"), contexts, null);
    }
}
