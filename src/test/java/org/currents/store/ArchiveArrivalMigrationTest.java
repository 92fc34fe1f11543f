package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
import org.currents.event.SearchQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database written before archive pages (schema 13.1) upgrades in place: its events and their
 * contexts get an arrival, and full-text search still finds old and new events by their summary
 * words (H2's index is built again by the migration); on H2 and PostgreSQL.
 */
class ArchiveArrivalMigrationTest {
    @TempDir
    Path dir;
    private StoreSettings settings;

    @AfterEach
    void drop() {
        if (settings != null && settings.isPostgres()) {
            TestDatabases.dropPostgres(settings);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anOlderDatabaseGetsArrivalsAndKeepsItsSearch(String kind) throws Exception {
        settings = TestDatabases.of(kind, dir);
        TestDatabases.migrateTo(settings, "13.1");
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO context (slug, name, kind, version, updated) VALUES "
                    + "('mayon-volcano', 'Mayon Volcano', 'STORY', 7, TIMESTAMP '2018-01-05 10:00:00')");
            st.execute("INSERT INTO event (id, event_day, slug, published, headline, summary, content_html, first_seen, "
                    + "updated, seq) VALUES ('old1', DATE '2018-01-05', 'volcano-erupts', TIMESTAMP '2018-01-05 09:00:00', "
                    + "'Volcano erupts on Mayon', 'A lahar buries farms near Guinobatan', '<p>x</p>', "
                    + "TIMESTAMP '2018-01-05 10:00:00', TIMESTAMP '2018-01-05 10:00:00', 7)");
            st.execute("INSERT INTO event_context (event_id, context_slug, position) VALUES ('old1', 'mayon-volcano', 0)");
        }
        try (Database db = Database.open(settings)) {
            assertEquals(List.of(7L), db.read(c -> Sql.query(c, "SELECT arrival FROM event", rs -> rs.getLong(1))));
            assertEquals(List.of(7L), db.read(c -> Sql.query(c, "SELECT arrival FROM event_context", rs -> rs.getLong(1))));
            TestIngest.of(db, Clock.fixed(Instant.parse("2018-02-01T00:00:00Z"), ZoneOffset.UTC)).ingest(List.of(
                    draft("Evacuees return to Albay", "Schools near the lahar channels reopen")));
            EventSearch search = new EventSearch(db);
            assertEquals(Set.of("Volcano erupts on Mayon", "Evacuees return to Albay"),
                    Set.copyOf(search.search(SearchQuery.parse("lahar"), 0, 10).stream().map(Event::headline).toList()),
                    "summary words of the old event and of one ingested after the upgrade");
        }
    }

    private static EventDraft draft(String headline, String summary) {
        List<Context> contexts = List.of(Context.named("Mayon Volcano", ContextKind.STORY));
        return new EventDraft("item:1:new", Set.of(), TestIngest.ANALYZER.analyze(headline, summary, contexts),
                Instant.parse("2018-01-30T09:00:00Z"), headline, summary, "<p>" + summary + "</p>", null, null,
                new EventSource(1, "Outlet", "https://outlet.example/new", "file:feeds/1"), contexts, null);
    }
}
