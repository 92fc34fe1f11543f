package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The reports and contexts of events lose their foreign keys: every join inserts rows there, and
 * each key cost an index probe of the parent per row (a third of the ingest's write time on H2).
 * One writer keeps them whole: {@link IngestTransaction} writes an event before its rows, and
 * every delete removes the rows before the event. Constraint names differ by database, so they
 * are read from the information schema.
 */
public final class V7__DropHotForeignKeys extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String[]> keys = Sql.query(c, "SELECT table_name, constraint_name FROM information_schema.table_constraints "
                + "WHERE constraint_type = 'FOREIGN KEY' AND table_schema = CURRENT_SCHEMA "
                + "AND UPPER(table_name) IN ('EVENT_SOURCE', 'EVENT_CONTEXT')",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        try (Statement st = c.createStatement()) {
            for (String[] k : keys) {
                st.execute("ALTER TABLE " + k[0] + " DROP CONSTRAINT \"" + k[1] + "\"");
            }
        }
    }
}
