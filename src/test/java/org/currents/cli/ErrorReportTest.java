package org.currents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.currents.store.StoreException;
import org.junit.jupiter.api.Test;

/** What an operator reads for each kind of failure, and the exit code. */
class ErrorReportTest {
    @Test
    void aLockedH2FileSaysAnotherProcessHasItAndWhatToDo() {
        StoreException locked = new StoreException("cannot open database jdbc:h2:file:/srv/data/currents: Database may be "
                + "already in use: \"/srv/data/currents.mv.db\". Possible solutions: close all other connection(s); use "
                + "the server mode [90020-232]", new SQLException("Database may be already in use", "90020", 90020));
        Failure f = ErrorReport.of(locked);
        assertEquals(3, f.exitCode());
        assertEquals("the database is in use by another process: cannot open database jdbc:h2:file:/srv/data/currents: "
                + "Database may be already in use: \"/srv/data/currents.mv.db\". Possible solutions: close all other "
                + "connection(s); use the server mode", f.getMessage());
        assertEquals("stop the other process, or let both open it with ;AUTO_SERVER=TRUE in store.url (the default H2 "
                + "database has it)", f.hint());
    }

    @Test
    void anUnreachableDatabaseAndAMissingFileAndAFaultOfOurs() {
        Failure down = ErrorReport.of(new StoreException("cannot open database jdbc:postgresql://127.0.0.1:1/x: "
                + "Connection refused", new SQLException("Connection refused", "08001")));
        assertEquals(3, down.exitCode());
        assertEquals("check store.url, store.user and store.password, and that the database server is running", down.hint());
        Failure missing = ErrorReport.of(new NoSuchFileException("/tmp/none.opml"));
        assertEquals(2, missing.exitCode());
        assertEquals("no such file: /tmp/none.opml", missing.getMessage());
        Failure bug = ErrorReport.of(new NullPointerException("x is null"));
        assertEquals(70, bug.exitCode());
        assertEquals("unexpected error: java.lang.NullPointerException: x is null", bug.getMessage());
    }

    @Test
    void messagesAreFlattenedToOneLine() {
        assertEquals("line one line two", ErrorReport.of(new IllegalArgumentException("line one\n   line two\n")).getMessage());
    }
}
