package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps a killed process from leaving half a transaction in an H2 file (see {@link Database}):
 * H2 writes the file only when we store, holding the write lock, and one write runs at a time.
 */
class H2WritesTest {
    @TempDir
    Path dir;

    @Test
    void theFileHasNoBackgroundWriterWhateverTheUrlSays() {
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            assertEquals(List.of(Integer.toString(Integer.MAX_VALUE)), db.read(c -> Sql.query(c, "SELECT DISTINCT "
                    + "SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'",
                    rs -> rs.getString(1))));
        }
    }

    /**
     * A process killed (here H2's {@code SHUTDOWN IMMEDIATELY}, which writes nothing more) keeps
     * what was committed and stored; a commit not stored yet is lost whole, never in part.
     */
    @Test
    void aKillKeepsWhatWasStoredAndLosesWholeTransactionsAtMost() throws Exception {
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            db.inTransaction(c -> Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(10))"));
            db.inTransaction(c -> Sql.update(c, "INSERT INTO t VALUES (1, 'stored')"));
            db.storeCommitted();
            db.inTransaction(c -> {
                Sql.update(c, "INSERT INTO t VALUES (2, 'a')");
                return Sql.update(c, "INSERT INTO t VALUES (3, 'b')");
            });
            db.write(c -> Sql.update(c, "SHUTDOWN IMMEDIATELY"));
        } catch (StoreException ignored) {
            // the pool finds its connections closed under it
        }
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            List<Integer> ids = db.read(c -> Sql.query(c, "SELECT id FROM t ORDER BY id", rs -> rs.getInt(1)));
            assertTrue(ids.equals(List.of(1)) || ids.equals(List.of(1, 2, 3)), ids.toString());
        }
    }

    @Test
    void commitsAreInTheFileWithinTheStoreInterval() throws Exception {
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            db.inTransaction(c -> Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY)"));
            db.inTransaction(c -> Sql.update(c, "INSERT INTO t VALUES (1)"));
            Thread.sleep(Database.STORE_EVERY_MS * 5);
            db.write(c -> Sql.update(c, "SHUTDOWN IMMEDIATELY"));
        } catch (StoreException ignored) {
            // as above
        }
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            assertEquals(List.of(1), db.read(c -> Sql.query(c, "SELECT id FROM t", rs -> rs.getInt(1))));
        }
    }

    @Test
    void aWriteWaitsForTheTransactionUnderWay() throws Exception {
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            db.inTransaction(c -> Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY)"));
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.inTransaction(c -> {
                Sql.update(c, "INSERT INTO t VALUES (1)");
                inside.countDown();
                await(finish);
                return null;
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                    () -> db.write(c -> Sql.update(c, "INSERT INTO t VALUES (2)")));
            CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(
                    () -> db.read(c -> Sql.query(c, "SELECT COUNT(*) FROM t", rs -> rs.getInt(1)).get(0)));

            assertEquals(0, reader.get(10, TimeUnit.SECONDS), "reads do not wait");
            Thread.sleep(300);
            assertFalse(second.isDone(), "the second write waits for the first transaction to end");
            finish.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertEquals(1, second.get(10, TimeUnit.SECONDS));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
