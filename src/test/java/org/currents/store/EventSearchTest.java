package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
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
import org.currents.event.SearchQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Full-text search on H2 and PostgreSQL: what matches, in which order, and what odd input does. */
class EventSearchTest {
    private static final Instant DAY = Instant.parse("2018-01-12T10:00:00Z");

    @TempDir
    Path dir;

    private StoreSettings settings;
    private Database db;
    private EventSearch search;
    private EventIngest ingest;

    private void open(String kind) {
        settings = TestDatabases.of(kind, dir);
        db = Database.open(settings);
        search = new EventSearch(db);
        ingest = TestIngest.of(db, Clock.fixed(DAY.plusSeconds(86400 * 3), ZoneOffset.UTC));
        ingest.ingest(List.of(
                draft(1, "Volcano erupts on Mayon in the Philippines", "Thousands flee the ash.", DAY,
                        Context.named("Mayon Volcano", ContextKind.STORY), Context.named("Philippines", ContextKind.SUBJECT)),
                draft(2, "Ash closes the airport of Legazpi", "The volcano keeps erupting; flights stop.",
                        DAY.plusSeconds(3 * 3600), Context.named("Philippines", ContextKind.SUBJECT)),
                draft(3, "Parliament passes the budget", "A late vote in Manila.", DAY.plusSeconds(86400),
                        Context.named("Philippines", ContextKind.SUBJECT), Context.named("Economy", ContextKind.CATEGORY)),
                draft(4, "Storm hits Lima", "Floods in Peru's capital.", DAY.plusSeconds(2 * 86400),
                        Context.named("Peru", ContextKind.SUBJECT))));
    }

    private static EventDraft draft(int source, String headline, String summary, Instant when, Context... contexts) {
        return new EventDraft("item:" + source + ":x", Set.of(), Features.NONE, when, headline, summary, "", null, null,
                new EventSource(source, "Outlet " + source, null, "file:feed" + source), List.of(contexts), null);
    }

    private List<String> headlines(String q) {
        return search.search(SearchQuery.parse(q), 0, 10).stream().map(Event::headline).toList();
    }

    @AfterEach
    void close() {
        TestDatabases.close(db, settings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void findsWordsInHeadlineSummaryAndContextsHeadlineFirst(String kind) {
        open(kind);
        assertEquals(List.of("Volcano erupts on Mayon in the Philippines", "Ash closes the airport of Legazpi"),
                headlines("volcano"), "headline before summary");
        assertEquals(List.of("Parliament passes the budget"), headlines("economy"), "a context's name matches");
        assertEquals(List.of("Parliament passes the budget"), headlines("philippines budget"),
                "every word must match, one in a context, one in the headline");
        assertEquals(List.of("Storm hits Lima"), headlines("PERU"));
        assertEquals(List.of(), headlines("tsunami"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void pagesThroughResults(String kind) {
        open(kind);
        List<Event> all = search.search(SearchQuery.parse("philippines"), 0, 10);
        assertEquals(3, all.size());
        assertEquals(all.subList(1, 3), search.search(SearchQuery.parse("philippines"), 1, 10));
        assertEquals(all.subList(0, 1), search.search(SearchQuery.parse("philippines"), 0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void queryLanguageSyntaxIsJustText(String kind) {
        open(kind);
        for (String odd : List.of("volcano' --", "volcano & !ash | (", "\"volcano\" <-> :*", "volcano%_\\", "(volcano)*")) {
            assertTrue(headlines(odd).contains("Volcano erupts on Mayon in the Philippines"), odd);
        }
        // PostgreSQL drops English stop words; H2's index has none, so there they are words like any other.
        assertEquals(kind.equals("postgres") ? List.of() : List.of("Ash closes the airport of Legazpi"), headlines("the of"));
        assertEquals(List.of(), headlines("x'; DROP TABLE event; --"));
        assertEquals(4, db.read(c -> Sql.query(c, "SELECT COUNT(*) FROM event", rs -> rs.getInt(1))).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void findsWhatWasWrittenAfterAnEarlierSearch(String kind) {
        open(kind);
        assertEquals(List.of(), headlines("tsunami"));
        ingest.ingest(List.of(draft(5, "Tsunami warning for Chile", "A quake offshore.", DAY.plusSeconds(2 * 86400 + 3600),
                Context.named("Chile", ContextKind.SUBJECT))));
        assertEquals(List.of("Tsunami warning for Chile"), headlines("tsunami"));
        assertEquals(List.of("Tsunami warning for Chile"), headlines("chile quake"));
        assertEquals(List.of("Volcano erupts on Mayon in the Philippines", "Ash closes the airport of Legazpi"),
                headlines("volcano"), "events indexed before stay found once");
    }
}
