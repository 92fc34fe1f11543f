package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The order in which events joined the feeds, for RFC 5005 archive pages that never reshuffle: an
 * event's {@code arrival} is the version of the ingest that created it, a context membership's the
 * version that filed the event there (both taken under the counter's row lock, so they commit in
 * that order). Rows written before get the version that last wrote them, once, and keep it.
 */
public final class V14_2__ArchiveArrival extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE event ADD COLUMN arrival BIGINT");
            st.execute("UPDATE event SET arrival = seq");
            st.execute("ALTER TABLE event ALTER COLUMN arrival SET NOT NULL");
            st.execute("ALTER TABLE event_context ADD COLUMN arrival BIGINT");
            st.execute("UPDATE event_context SET arrival = COALESCE((SELECT e.seq FROM event e "
                    + "WHERE e.id = event_context.event_id), 0)");
            st.execute("ALTER TABLE event_context ALTER COLUMN arrival SET NOT NULL");
        }
    }
}
