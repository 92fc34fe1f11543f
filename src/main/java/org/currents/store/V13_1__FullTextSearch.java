package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The full-text indexes search reads, each database with its own facility. PostgreSQL: GIN
 * indexes on the tsvector of an event's headline (weight A) and summary (weight C), and of a
 * context's name; {@link EventSearch} repeats these expressions exactly so the planner uses them.
 * H2: its built-in full-text index (org.h2.fulltext.FullText), kept up to date by H2's own
 * triggers, over the same columns.
 */
public final class V13_1__FullTextSearch extends BaseJavaMigration {
    static final String EVENT_VECTOR = "(setweight(to_tsvector('english', e.headline), 'A') || "
            + "setweight(to_tsvector('english', e.summary), 'C'))";
    static final String CONTEXT_VECTOR = "to_tsvector('english', x.name)";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement st = c.createStatement()) {
            if (postgres) {
                // An expression index names columns bare; the queries alias the tables e and x.
                st.execute("CREATE INDEX event_search ON event USING GIN (" + EVENT_VECTOR.replace("e.", "") + ")");
                st.execute("CREATE INDEX context_search ON context USING GIN (" + CONTEXT_VECTOR.replace("x.", "") + ")");
                return;
            }
            st.execute("CREATE ALIAS IF NOT EXISTS FT_INIT FOR 'org.h2.fulltext.FullText.init'");
            st.execute("CALL FT_INIT()");
            String schema = c.getSchema();
            st.execute("CALL FT_CREATE_INDEX('" + schema + "', 'EVENT', 'HEADLINE,SUMMARY')");
            st.execute("CALL FT_CREATE_INDEX('" + schema + "', 'CONTEXT', 'NAME')");
        }
    }
}
