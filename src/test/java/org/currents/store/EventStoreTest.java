package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.currents.config.StoreSettings;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.currents.event.Features;
import org.currents.source.SourceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store against H2 and PostgreSQL alike: identity, merging, versions and transactions. */
class EventStoreTest {
    private static final Instant DAY = Instant.parse("2018-01-12T10:00:00Z");

    @TempDir
    Path dir;

    private StoreSettings settings;
    private Database db;
    private EventStore events;
    private ContextStore contexts;
    private EventIngest ingest;

    private void open(String kind) {
        settings = TestDatabases.of(kind, dir);
        db = Database.open(settings);
        Clock clock = Clock.fixed(DAY.plusSeconds(3600), ZoneOffset.UTC);
        events = new EventStore(db);
        ingest = TestIngest.of(db, clock);
        contexts = new ContextStore(db);
    }

    @AfterEach
    void close() {
        TestDatabases.close(db, settings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void storesAnEventWithItsSourcesAndContexts(String kind) {
        open(kind);
        IngestResult r = ingest.ingest(List.of(draft(1, "g1", "Volcano erupts on Mayon in the Philippines", DAY)));
        assertEquals(new IngestResult(1, 0, 0), r);
        Event e = events.latest(10).get(0);
        assertEquals("volcano-erupts-on-mayon-in-the-philippines", e.slug());
        assertEquals(LocalDate.of(2018, 1, 12), e.date());
        assertEquals(List.of("mayon-volcano", "philippines"), e.contexts().stream().map(Context::slug).toList());
        assertEquals("mayon-volcano", e.storySlug());
        assertEquals(1, e.sources().size());
        assertEquals(Optional.of(e), events.find(e.date(), e.slug()));
        assertEquals(Optional.of(e), events.find(e.id()));
        assertEquals(1, contexts.find("philippines").orElseThrow().eventCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rePollingOrRedatingAnItemNeverMakesASecondEvent(String kind) {
        open(kind);
        ingest.ingest(List.of(draft(1, "g1", "Volcano erupts on Mayon", DAY)));
        long version = events.version();
        assertEquals(new IngestResult(0, 0, 1), ingest.ingest(List.of(draft(1, "g1", "Volcano erupts on Mayon", DAY))));
        assertEquals(version, events.version(), "an unchanged re-poll writes nothing");
        ingest.ingest(List.of(draft(1, "g1", "Volcano erupts on Mayon", DAY.plusSeconds(5 * 86400))));
        assertEquals(1, events.count());
        assertEquals(DAY, events.latest(1).get(0).published(), "an event's date (and URL) never moves");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theSameHappeningFromTwoSourcesBecomesOneEventWithTwoSources(String kind) {
        open(kind);
        ingest.ingest(List.of(draft(1, "a", "Mount Mayon erupts, forcing thousands of residents to evacuate", DAY)));
        ingest.ingest(List.of(draft(2, "b", "Mount Mayon erupts, forcing thousands to evacuate", DAY.plusSeconds(7200))));
        assertEquals(1, events.count());
        assertEquals(2, events.latest(1).get(0).sources().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void differentHappeningsStaySeparateAndSlugsStayUniquePerDay(String kind) {
        open(kind);
        ingest.ingest(List.of(draft(1, "a", "Floods hit Lima", DAY), draft(1, "b", "Floods hit Lima", DAY.plusSeconds(9 * 86400)),
                draft(1, "c", "Parliament passes budget", DAY)));
        assertEquals(3, events.count(), "same words nine days apart are another happening");
        EventDraft sameSlug = new EventDraft("item:3:z", Set.of(), Features.NONE, DAY, "Floods: hit Lima!", "", "", null,
                null, new EventSource(3, "Other", null, "file:x"), List.of(), null);
        // No features and no shared key: a new event whose slug must not clash.
        ingest.ingest(List.of(sameSlug));
        assertTrue(events.find(LocalDate.of(2018, 1, 12), "floods-hit-lima-2").isPresent());
        assertTrue(events.find(LocalDate.of(2018, 1, 21), "floods-hit-lima").isPresent(), "a slug is taken per day");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void contextVersionMovesOnlyWhenAnEventInItChanges(String kind) {
        open(kind);
        ingest.ingest(List.of(draft(1, "a", "Volcano erupts on Mayon", DAY)));
        ingest.ingest(List.of(new EventDraft("item:9:x", Set.of(), Features.NONE, DAY, "Unrelated news", "", "", null, null,
                new EventSource(9, "Nine", null, "file:nine"), List.of(Context.named("Economy", ContextKind.CATEGORY)), null)));
        long philippines = contexts.feedStamp("philippines").version();
        long economy = contexts.feedStamp("economy").version();
        ingest.ingest(List.of(draft(2, "b", "Volcano erupts on Mayon again", DAY.plusSeconds(600))));
        assertNotEquals(philippines, contexts.feedStamp("philippines").version());
        assertEquals(economy, contexts.feedStamp("economy").version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aFailureDuringIngestRollsBackTheWholeFeed(String kind) throws Exception {
        open(kind);
        ingest.ingest(List.of(draft(1, "kept", "Stored before", DAY)));
        long version = events.version();
        // The database refuses the feed's second event, after its first was written in the same transaction.
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("ALTER TABLE event ADD CONSTRAINT refuse_second CHECK (headline NOT LIKE 'Second%')");
        }
        assertThrows(StoreException.class, () -> ingest.ingest(List.of(
                draft(2, "x", "Ash closes the airport of Legazpi", DAY), draft(2, "y", "Second typhoon of the season nears Luzon", DAY))));
        assertEquals(1, events.count(), "nothing of the failed feed is stored, nothing stored before is lost");
        assertEquals(version, events.version());
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("ALTER TABLE event DROP CONSTRAINT refuse_second");
        }
        assertEquals(new IngestResult(2, 0, 0), ingest.ingest(List.of(
                draft(2, "x", "Ash closes the airport of Legazpi", DAY), draft(2, "y", "Second typhoon of the season nears Luzon", DAY))),
                "the failed feed's events were forgotten, not left behind in memory");
        assertEquals(3, events.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sourcesKeepTheirStatusAndContexts(String kind) {
        open(kind);
        SourceStore sources = new SourceStore(db);
        var s = sources.upsert(new SourceSpec("https://example.org/feed", "Example", null, List.of("World", "Wire"), null));
        assertEquals(List.of("World", "Wire"), s.contexts());
        var again = sources.upsert(new SourceSpec("https://example.org/feed", "Renamed", null, List.of("World"), null));
        assertEquals(s.id(), again.id());
        assertEquals("Renamed", again.title());
        sources.setEnabled(s.id(), false);
        assertTrue(sources.find(s.id()).map(x -> !x.enabled()).orElseThrow());
    }

    private static EventDraft draft(long sourceId, String guid, String headline, Instant published) {
        List<Context> contexts = List.of(Context.named("Mayon Volcano", ContextKind.STORY),
                Context.named("Philippines", ContextKind.SUBJECT));
        return new EventDraft("item:" + sourceId + ":" + guid, Set.of(), TestIngest.ANALYZER.analyze(headline, "", contexts),
                published, headline, "", "<p>" + headline + "</p>", null, null,
                new EventSource(sourceId, "Outlet " + sourceId, "https://outlet" + sourceId + ".example/" + guid,
                        "file:feeds/" + sourceId), contexts, "mayon-volcano");
    }
}
