package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops H2's full-text index of {@link V13_1__FullTextSearch}: its triggers wrote some fifty rows
 * per new event inside every ingest. H2 searches a {@link WordIndex} in memory instead.
 * PostgreSQL keeps its GIN indexes.
 */
public final class V14_0__DropH2FullText extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE ALIAS IF NOT EXISTS FT_DROP_ALL FOR 'org.h2.fulltext.FullText.dropAll'");
            st.execute("CALL FT_DROP_ALL()");
        }
    }
}
