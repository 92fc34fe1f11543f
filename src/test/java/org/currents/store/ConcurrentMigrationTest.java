package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.currents.config.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes starting at the same moment on an empty database: all come up, and each migration ran once. */
class ConcurrentMigrationTest {
    private static final int NODES = 3;

    @Test
    void nodesStartingTogetherOnAnEmptyPostgresSchemaAllComeUpAndMigrateOnce() throws Exception {
        StoreSettings db = TestDatabases.postgres("h12_");
        try {
            openTogether(db);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                assertEquals(0, count(c, "SELECT COUNT(*) FROM (SELECT version FROM flyway_schema_history "
                        + "WHERE version IS NOT NULL GROUP BY version HAVING COUNT(*) > 1) twice"), "a migration ran twice");
                assertEquals(0, count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"));
                assertEquals(1, count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '12.1'"),
                        "the scheduler's tables are migrated on PostgreSQL");
                assertEquals(0, count(c, "SELECT COUNT(*) FROM qrtz_triggers"));
            }
        } finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void h2KeepsTheSchedulerInMemoryAndHasNoQuartzTables(@TempDir Path dir) throws Exception {
        StoreSettings db = TestDatabases.h2(dir);
        try (Database opened = Database.open(db);
             Connection c = opened.dataSource().getConnection()) {
            assertEquals(0, count(c, "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) LIKE 'qrtz_%'"));
            assertFalse(opened.isPostgres());
            assertTrue(count(c, "SELECT COUNT(*) FROM \"flyway_schema_history\"") > 0);
        }
    }

    /** Opens the database from {@link #NODES} threads released at one instant, as nodes starting together. */
    private static void openTogether(StoreSettings db) throws Exception {
        CyclicBarrier together = new CyclicBarrier(NODES);
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            List<Future<Database>> opened = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                opened.add(nodes.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return Database.open(db);
                }));
            }
            for (Future<Database> f : opened) {
                try (Database d = f.get(120, TimeUnit.SECONDS)) {
                    assertTrue(d.isHealthy());
                }
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
