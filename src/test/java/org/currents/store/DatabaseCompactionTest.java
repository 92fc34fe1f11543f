package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.currents.config.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clean close compacts the H2 file after a poll's worth of writes, and never under another user of the file. */
class DatabaseCompactionTest {
    @TempDir
    Path dir;

    /**
     * The app's H2 settings, and no compaction on a plain close (H2 gives that 200 ms, which a small
     * file needs no more of, but a poll's file of a gigabyte does).
     */
    private static StoreSettings settings(Path dir) {
        StoreSettings h2 = TestDatabases.h2(dir);
        return new StoreSettings(h2.jdbcUrl() + ";AUTO_SERVER=TRUE;AUTO_COMPACT_FILL_RATE=0;MAX_COMPACT_TIME=0", h2.user(),
                h2.password(), 2);
    }

    /** {@code commits} transactions, each rewriting one of five rows with 30,000 random letters. */
    private static void churn(Database db, int commits) {
        Random random = new Random(42);
        db.inTransaction(c -> Sql.update(c, "CREATE TABLE IF NOT EXISTS churn (id INT PRIMARY KEY, v VARCHAR(100000))"));
        for (int i = 0; i < commits; i++) {
            StringBuilder text = new StringBuilder();
            random.ints(30_000, 'a', 'z' + 1).forEach(ch -> text.append((char) ch));
            int n = i;
            db.inTransaction(c -> Sql.update(c, "MERGE INTO churn (id, v) KEY (id) VALUES (?, ?)", n % 5, text.toString()));
        }
    }

    private static int rows(Database db) {
        return db.read(c -> Sql.query(c, "SELECT COUNT(*) FROM churn", rs -> rs.getInt(1)).get(0));
    }

    @Test
    void afterManyCommitsTheFileIsRewrittenNoLargerThanAPlainCloseLeavesIt() throws Exception {
        Path plain = dir.resolve("plain");
        Database left = Database.open(settings(plain));
        churn(left, 200);
        left.close();
        Path compacted = dir.resolve("compacted");
        Database db = Database.open(settings(compacted));
        churn(db, 200);
        assertTrue(db.compactOnClose());

        long without = Files.size(plain.resolve("currents.mv.db"));
        long with = Files.size(compacted.resolve("currents.mv.db"));
        // How much a plain close leaves depends on which chunks H2 could reuse as it went; never less.
        assertTrue(with <= without, with + " bytes compacted against " + without + " left by a plain close");
        try (Database again = Database.open(settings(compacted))) {
            assertEquals(5, rows(again), "every live row is still there");
        }
    }

    @Test
    void aFewCommitsLeaveItAsItIs() {
        Database db = Database.open(settings(dir));
        churn(db, 3);
        assertFalse(db.compactOnClose(), "adding a source is not worth seconds of compaction");
    }

    @Test
    void anotherUserOfTheFileLeavesItAsItIs() {
        Database writer = Database.open(settings(dir));
        Database other = Database.open(settings(dir));
        churn(writer, 60);
        assertFalse(writer.compactOnClose(), "another session holds the file");
        assertEquals(5, rows(other), "the other user's database stays open");
        other.close();
    }
}
