package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.currents.config.StoreSettings;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the migrations leave, on H2 and PostgreSQL alike. */
class MigrationsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theTablesEveryJoinWritesHaveNoForeignKeys(String kind) {
        StoreSettings settings = TestDatabases.of(kind, dir);
        try (Database db = Database.open(settings)) {
            List<String> tables = db.read(c -> Sql.query(c, "SELECT DISTINCT UPPER(table_name) FROM "
                    + "information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY' "
                    + "AND table_schema = CURRENT_SCHEMA ORDER BY 1", rs -> rs.getString(1)));
            assertEquals(List.of(), tables.stream().filter(t -> t.equals("EVENT_SOURCE") || t.equals("EVENT_CONTEXT"))
                    .toList());
        } finally {
            if (settings.isPostgres()) {
                TestDatabases.dropPostgres(settings);
            }
        }
    }
}
