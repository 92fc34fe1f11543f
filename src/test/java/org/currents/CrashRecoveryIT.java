package org.currents;

import static org.currents.PackagedJar.JAR;
import static org.currents.PackagedJar.JAVA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.currents.config.StoreSettings;
import org.currents.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar killed with SIGKILL in the middle of its first poll, then run again: every
 * item ends up stored exactly once, and no event is left without its report, on H2 and
 * PostgreSQL.
 */
class CrashRecoveryIT {
    private static final int FEEDS = 24;
    private static final int ITEMS = 250;

    @TempDir
    Path project;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aKilledIngestLeavesNoHalfStoredEventAndNoDuplicateAfterRestart(String kind) throws Exception {
        StoreSettings db = kind.equals("h2") ? new StoreSettings("jdbc:h2:file:" + project.resolve("data/currents")
                + ";AUTO_SERVER=TRUE;AUTO_COMPACT_FILL_RATE=0", "sa", "", 2) : TestDatabases.postgres();
        try {
            RandomFeedsProject.layOut(project, FEEDS, ITEMS, 42);
            Process first = start(db);
            awaitFirstIngest(first);
            // The launcher's worker JVM (see QuickJvm) does the writing; killing the launcher halts it.
            List<ProcessHandle> workers = first.descendants().toList();
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            for (ProcessHandle w : workers) {
                w.onExit().get(30, TimeUnit.SECONDS);
            }
            int before = count(db, "SELECT COUNT(*) FROM event");
            assertTrue(before < FEEDS * ITEMS, "killed mid-way: " + before + " events stored");
            assertNoHalfStoredEvent(db);

            Process second = start(db);
            assertTrue(second.waitFor(300, TimeUnit.SECONDS), "the second poll finishes");
            assertEquals(0, second.exitValue());
            assertEquals(FEEDS * ITEMS, count(db, "SELECT COUNT(*) FROM event"), "every item once, none twice");
            assertEquals(FEEDS * ITEMS, count(db, "SELECT COUNT(*) FROM event_source"));
            assertNoHalfStoredEvent(db);
        } finally {
            if (db.isPostgres()) {
                TestDatabases.dropPostgres(db);
            }
        }
    }

    private Process start(StoreSettings db) throws IOException {
        List<String> line = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-jar", JAR.toString(), "poll", "--once"));
        ProcessBuilder pb = new ProcessBuilder(line).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CURRENTS_"));
        pb.environment().putAll(Map.of("CURRENTS_DATA", project.resolve("data").toString(), "CURRENTS_LOG_LEVEL", "INFO",
                "CURRENTS_DB_URL", db.jdbcUrl(), "CURRENTS_DB_USER", db.user(), "CURRENTS_DB_PASSWORD", db.password()));
        return pb.start();
    }

    /** Waits until the process logs its first stored feed, then lets it write a little more. */
    private static void awaitFirstIngest(Process p) throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.contains(" new")) {
                Thread.sleep(150);
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the poll ended before storing anything; exit " + p.waitFor() + ":\n" + seen);
    }

    /**
     * Read uncommitted: rows H2 kept of a transaction cut short, without the undo record that
     * would have rolled them back (see {@code Database}), are seen by a later transaction only when
     * it happens to get the killed one's id; read uncommitted sees them whatever id this check gets
     * (and nothing else is uncommitted: no other process is connected). PostgreSQL reads committed.
     */
    private static void assertNoHalfStoredEvent(StoreSettings db) throws SQLException {
        assertEquals(0, count(db, "SELECT COUNT(*) FROM event e WHERE NOT EXISTS "
                + "(SELECT 1 FROM event_source s WHERE s.event_id = e.id)"), "events without their report");
        assertEquals(0, count(db, "SELECT COUNT(*) FROM event e WHERE NOT EXISTS "
                + "(SELECT 1 FROM event_key k WHERE k.event_id = e.id)"), "events without their identity keys");
        assertEquals(count(db, "SELECT COUNT(*) FROM event"), count(db, "SELECT COUNT(DISTINCT item_key) FROM event_source"),
                "one event per item");
    }

    private static int count(StoreSettings db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
