package org.currents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.currents.event.Keys;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Merge candidates now come from an index in memory, rebuilt from the events of the days it
 * needs: fingerprint bands go. Identity keys become 64-bit hashes (recomputed here from the
 * stored key text). Events get {@code seq}, the version that last wrote them, so a node catches
 * up with what others wrote; each report keeps its own headline and time, its item key (for
 * splitting it out again) and why it was merged.
 */
public final class V5__MatchIndexInMemory extends BaseJavaMigration {
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS event_band");
            st.execute("ALTER TABLE event ADD COLUMN seq BIGINT DEFAULT 0 NOT NULL");
            st.execute("CREATE INDEX event_seq ON event (seq)");
            st.execute("ALTER TABLE event_source ADD COLUMN headline VARCHAR(500)");
            st.execute("ALTER TABLE event_source ADD COLUMN reported TIMESTAMP WITH TIME ZONE");
            st.execute("ALTER TABLE event_source ADD COLUMN item_key BIGINT");
            st.execute("ALTER TABLE event_source ADD COLUMN merge_score DOUBLE PRECISION");
            st.execute("ALTER TABLE event_source ADD COLUMN merge_reasons VARCHAR(1000)");
            // No foreign key: it would cost an index on event_id in every insert; keys go with their event.
            st.execute("CREATE TABLE event_key_hash (key_hash BIGINT PRIMARY KEY, event_id VARCHAR(40) NOT NULL)");
        }
        try (Statement read = c.createStatement();
             ResultSet rs = read.executeQuery("SELECT key_value, event_id FROM event_key");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO event_key_hash (key_hash, event_id) VALUES (?, ?)")) {
            int pending = 0;
            while (rs.next()) {
                insert.setLong(1, Keys.legacyHash(rs.getString(1)));
                insert.setString(2, rs.getString(2));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE event_key");
            st.execute("ALTER TABLE event_key_hash RENAME TO event_key");
        }
    }
}
