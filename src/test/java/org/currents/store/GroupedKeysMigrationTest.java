package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.currents.config.StoreSettings;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.currents.event.Keys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database written before grouped keys (schema 15) keeps finding its reports after the upgrade:
 * a re-polled item joins its event by its item key, and another outlet's report of the same
 * article by the link key; nothing is created twice. On H2 and PostgreSQL.
 */
class GroupedKeysMigrationTest {
    private static final String LINK = "https://wire.example/story/1";
    private static final Instant T = Instant.parse("2018-01-05T09:00:00Z");

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
    void storedKeysAreFoundAfterTheUpgrade(String kind) throws Exception {
        settings = TestDatabases.of(kind, dir);
        TestDatabases.migrateTo(settings, "15.0");
        String itemKey = "item:1:" + LINK;
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO event (id, event_day, slug, published, headline, summary, content_html, link, "
                    + "first_seen, updated, seq, arrival) VALUES ('old1', DATE '2018-01-05', 'tanker-ablaze', "
                    + "TIMESTAMP '2018-01-05 09:00:00', 'Tanker ablaze off Shanghai', '', '<p>x</p>', '" + LINK + "', "
                    + "TIMESTAMP '2018-01-05 10:00:00', TIMESTAMP '2018-01-05 10:00:00', 3, 3)");
            try (PreparedStatement source = c.prepareStatement("INSERT INTO event_source (event_id, position, source_id, "
                    + "outlet, article_url, feed_url, headline, item_key) VALUES ('old1', 0, 1, 'Outlet 1', ?, 'file:f1', "
                    + "'Tanker ablaze off Shanghai', ?)");
                 PreparedStatement key = c.prepareStatement("INSERT INTO event_key (key_hash, event_id) VALUES (?, 'old1')")) {
                source.setString(1, LINK);
                source.setLong(2, Keys.legacyHash(itemKey));
                source.executeUpdate();
                for (long h : new long[] {Keys.legacyHash(itemKey), Keys.legacyHash("link:wire.example/story/1")}) {
                    key.setLong(1, h);
                    key.executeUpdate();
                }
            }
        }
        try (Database db = Database.open(settings)) {
            assertEquals(List.of(Keys.hash(itemKey)),
                    db.read(c -> Sql.query(c, "SELECT item_key FROM event_source", rs -> rs.getLong(1))));
            EventIngest ingest = TestIngest.of(db, Clock.fixed(Instant.parse("2018-03-01T00:00:00Z"), ZoneOffset.UTC));
            assertEquals(0, ingest.ingest(List.of(draft(1, "Tanker ablaze off Shanghai"))).created(),
                    "the item re-polled (months later, out of every matching window) is the stored one");
            assertEquals(0, ingest.ingest(List.of(draft(2, "Oil tanker burns after collision"))).created(),
                    "another outlet's report of the article joins by its link");
            assertEquals(List.of(1L), db.read(c -> Sql.query(c, "SELECT COUNT(*) FROM event", rs -> rs.getLong(1))));
            assertEquals(List.of(1L, 2L), db.read(c -> Sql.query(c, "SELECT source_id FROM event_source ORDER BY source_id",
                    rs -> rs.getLong(1))), "one report of each source");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyKeyMovesWhenTheReportsFillSeveralPages(String kind) throws Exception {
        settings = TestDatabases.of(kind, dir);
        TestDatabases.migrateTo(settings, "15.0");
        Set<Long> expected = new HashSet<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             PreparedStatement source = c.prepareStatement("INSERT INTO event_source (event_id, position, source_id, "
                     + "outlet, article_url, feed_url, item_key) VALUES (?, ?, ?, 'Outlet', ?, 'file:f', ?)");
             PreparedStatement key = c.prepareStatement("INSERT INTO event_key (key_hash, event_id) VALUES (?, ?)")) {
            // 1,500 reports of one event and 1,000 of another: pages of 1,000 end inside an event.
            for (int n = 0; n < 2500; n++) {
                String event = n < 1500 ? "a" : "b";
                long sourceId = 1 + n % 7;
                String itemKey = "item:" + sourceId + ":" + n;
                String article = "outlet" + n % 3 + ".example/" + n;
                source.setString(1, event);
                source.setInt(2, n);
                source.setLong(3, sourceId);
                source.setString(4, "https://" + article);
                source.setLong(5, Keys.legacyHash(itemKey));
                source.addBatch();
                for (String k : new String[] {itemKey, "link:" + article}) {
                    key.setLong(1, Keys.legacyHash(k));
                    key.setString(2, event);
                    key.addBatch();
                    expected.add(Keys.hash(k));
                }
            }
            source.executeBatch();
            key.executeBatch();
        }
        try (Database db = Database.open(settings)) {
            assertEquals(expected, Set.copyOf(db.read(c -> Sql.query(c, "SELECT key_hash FROM event_key",
                    rs -> rs.getLong(1)))));
            assertEquals(2500, Set.copyOf(db.read(c -> Sql.query(c, "SELECT item_key FROM event_source",
                    rs -> rs.getLong(1)))).stream().filter(expected::contains).count());
        }
    }

    private static EventDraft draft(long source, String headline) {
        String itemKey = "item:" + source + ":" + LINK;
        return new EventDraft(itemKey, Set.of("link:wire.example/story/1"), TestIngest.ANALYZER.analyze(headline, "",
                List.of()), T, headline, "", "<p>" + headline + "</p>", LINK, null, new EventSource(source,
                "Outlet " + source, LINK, "file:f" + source, headline, T, Keys.hash(itemKey), null), List.of(), null);
    }
}
