package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.currents.config.StoreSettings;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
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

    /** The fast path's constant names the migration Flyway applies last: a new migration must move it too. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theNewestMigrationIsTheLastFlywayApplies(String kind) {
        StoreSettings settings = TestDatabases.of(kind, dir);
        try (Database db = Database.open(settings)) {
            MigrationInfoService info = Database.migrations(settings.jdbcUrl()).dataSource(db.dataSource()).load().info();
            MigrationInfo[] applied = info.applied();
            assertEquals(Database.NEWEST_MIGRATION, applied[applied.length - 1].getVersion().getVersion());
            assertEquals(0, info.pending().length);
            assertTrue(Database.isCurrent(db.dataSource()));
        } finally {
            if (settings.isPostgres()) {
                TestDatabases.dropPostgres(settings);
            }
        }
    }

    @Test
    void aDatabaseWithoutHistoryOrWithAnOlderOrFailedLastMigrationIsNotCurrent() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("old").toAbsolutePath());
        assertFalse(Database.isCurrent(h2), "no history: a new database");

        TestDatabases.migrateTo(new StoreSettings(h2.getURL(), "", "", 4), "16.0");
        assertFalse(Database.isCurrent(h2), "a migration to go");

        StoreSettings settings = new StoreSettings(h2.getURL(), "", "", 4);
        Database.open(settings).close();
        assertTrue(Database.isCurrent(h2));
        try (var c = h2.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
                    + Database.NEWEST_MIGRATION + "'");
        }
        assertFalse(Database.isCurrent(h2), "the newest migration failed: Flyway must say so");
    }
}
