package org.currents.store;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Once turned fingerprint bands into numeric keys; V5 removed bands altogether (merge candidates
 * now come from an index in memory). Kept, empty of data work, so databases that ran it still
 * validate and new ones pass through the same schema history.
 */
public final class V3__NumericBands extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("DROP TABLE event_band");
        }
    }
}
