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
 * H2 writes the file only on the writing thread, and one write runs at a time.
 */
class H2WritesTest {
    @TempDir
    Path dir;

    @Test
    void theFileHasNoBackgroundWriterWhateverTheUrlSays() {
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            assertEquals(List.of("0"), db.read(c -> Sql.query(c, "SELECT DISTINCT SETTING_VALUE "
                    + "FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'", rs -> rs.getString(1))));
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
