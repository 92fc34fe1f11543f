package org.currents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.currents.event.Fingerprint;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fingerprint bands become 64-bit numbers with the publication time in epoch seconds, indexed once
 * (band, time, event): text keys in two indexes made every new event cost some sixty index
 * writes. The bands of stored events are recomputed from their headline and summary, so
 * near-duplicates of them keep merging after the upgrade.
 */
public final class V3__NumericBands extends BaseJavaMigration {
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE event_band");
            // No foreign key: it would add an index on event_id to every insert; bands are deleted with their event.
            st.execute("CREATE TABLE event_band (band BIGINT NOT NULL, published_at BIGINT NOT NULL, "
                    + "event_id VARCHAR(40) NOT NULL)");
            st.execute("CREATE INDEX event_band_window ON event_band (band, published_at, event_id)");
        }
        try (Statement read = c.createStatement();
             ResultSet rs = read.executeQuery("SELECT id, headline, summary, published FROM event");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO event_band (band, published_at, event_id) VALUES (?, ?, ?)")) {
            int pending = 0;
            while (rs.next()) {
                long published = Columns.instant(rs, "published").getEpochSecond();
                for (long band : Fingerprint.of(rs.getString("headline"), rs.getString("summary"))) {
                    insert.setLong(1, band);
                    insert.setLong(2, published);
                    insert.setString(3, rs.getString("id"));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
