package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What runs after a commit cannot undo it, nor make it look failed. */
class AfterCommitTest {
    @TempDir
    Path dir;

    @Test
    void aFailingListenerLeavesTheTransactionCommittedAndTheOthersRun() {
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            AtomicInteger later = new AtomicInteger();
            db.afterCommit(() -> {
                throw new IllegalStateException("a hub stopped while a poll committed");
            });
            db.afterCommit(later::incrementAndGet);
            int written = db.inTransaction(c -> Sql.update(c, "UPDATE counter SET counter_value = 41 WHERE name = 'events'"));
            assertEquals(1, written);
            assertEquals(1, later.get(), "the listeners after the failing one still ran");
            long value = db.read(c -> Sql.query(c, "SELECT counter_value FROM counter WHERE name = 'events'",
                    rs -> rs.getLong(1)).get(0));
            assertEquals(41, value);
        }
    }
}
