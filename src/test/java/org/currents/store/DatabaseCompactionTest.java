package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.currents.config.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clean close compacts the H2 file after a poll's worth of writes, and never under another user of the file. */
class DatabaseCompactionTest {
    @TempDir
    Path dir;

    private StoreSettings settings() {
        StoreSettings h2 = TestDatabases.h2(dir);
        return new StoreSettings(h2.jdbcUrl() + ";AUTO_SERVER=TRUE;AUTO_COMPACT_FILL_RATE=0", h2.user(), h2.password(), 2);
    }

    private static void churn(Database db, int commits) {
        String text = "x".repeat(20_000);
        db.inTransaction(c -> Sql.update(c, "CREATE TABLE IF NOT EXISTS churn (id INT PRIMARY KEY, v VARCHAR(100000))"));
        for (int i = 0; i < commits; i++) {
            int n = i;
            db.inTransaction(c -> Sql.update(c, "MERGE INTO churn (id, v) KEY (id) VALUES (?, ?)", n % 5, text.substring(n)));
        }
    }

    @Test
    void afterManyCommitsTheFileIsRewrittenSmaller() throws Exception {
        Database db = Database.open(settings());
        churn(db, 60);
        long before = Files.size(dir.resolve("currents.mv.db"));
        assertTrue(db.compactOnClose());
        assertTrue(Files.size(dir.resolve("currents.mv.db")) < before, "compaction gave space back");
        try (Database again = Database.open(settings())) {
            assertEquals(5, (int) again.<Integer>read(c -> Sql.query(c, "SELECT COUNT(*) FROM churn", rs -> rs.getInt(1)).get(0)));
        }
    }

    @Test
    void aFewCommitsLeaveItAsItIs() {
        Database db = Database.open(settings());
        churn(db, 3);
        assertFalse(db.compactOnClose(), "adding a source is not worth seconds of compaction");
    }

    @Test
    void anotherUserOfTheFileLeavesItAsItIs() {
        Database writer = Database.open(settings());
        Database other = Database.open(settings());
        churn(writer, 60);
        assertFalse(writer.compactOnClose(), "another session holds the file");
        assertEquals(5, (int) other.<Integer>read(c -> Sql.query(c, "SELECT COUNT(*) FROM churn", rs -> rs.getInt(1)).get(0)),
                "the other user's database stays open");
        other.close();
    }
}
