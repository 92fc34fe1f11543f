package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.currents.event.Fingerprint;
import org.currents.normalize.EventMerger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A database written before V3 keeps its events, and their recomputed bands still find near-duplicates. */
class NumericBandsMigrationTest {
    private static final Instant DAY = Instant.parse("2024-05-01T09:00:00Z");
    private static final String HEADLINE = "Mount Mayon erupts, forcing thousands of residents to evacuate";
    private static final String SUMMARY = "Lava flows down the slopes of the volcano in Albay province.";

    @TempDir
    Path dir;

    private StoreSettings settings;
    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        if (settings != null && settings.isPostgres()) {
            TestDatabases.dropPostgres(settings);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void recomputesTheBandsOfStoredEvents(String kind) throws SQLException {
        settings = kind.equals("h2") ? TestDatabases.h2(dir) : TestDatabases.postgres();
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO event (id, event_day, slug, published, headline, summary, content_html, first_seen, "
                    + "updated, version) VALUES ('e1', DATE '2024-05-01', 'mount-mayon-erupts', TIMESTAMP WITH TIME ZONE "
                    + "'2024-05-01 09:00:00+00', '" + HEADLINE.replace("'", "''") + "', '" + SUMMARY + "', '', "
                    + "TIMESTAMP WITH TIME ZONE '2024-05-01 09:00:00+00', TIMESTAMP WITH TIME ZONE '2024-05-01 09:00:00+00', 1)");
            st.execute("INSERT INTO event_band (band, event_id, published) VALUES ('h0:abc', 'e1', "
                    + "TIMESTAMP WITH TIME ZONE '2024-05-01 09:00:00+00')");
        }

        db = Database.open(settings);

        assertEquals(Fingerprint.of(HEADLINE, SUMMARY), bandsOf("e1"));
        EventStore events = new EventStore(db, Clock.fixed(DAY.plusSeconds(7200), ZoneOffset.UTC));
        EventDraft report = new EventDraft("item:2:b", Set.of(), Fingerprint.of("Mount Mayon erupts, forcing thousands "
                + "to evacuate", SUMMARY), DAY.plusSeconds(3600), "Mount Mayon erupts, forcing thousands to evacuate",
                SUMMARY, "", null, null, new EventSource(2, "Two", null, "file:two"), List.of(), null);
        assertEquals(0, events.ingest(List.of(report), new EventMerger()).created(), "the reworded report merges");
        assertEquals(1, events.count());
    }

    private Set<Long> bandsOf(String eventId) {
        return db.read(c -> {
            Set<Long> bands = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT band FROM event_band WHERE event_id = ?")) {
                st.setString(1, eventId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        bands.add(rs.getLong(1));
                    }
                }
            }
            return bands;
        });
    }
}
