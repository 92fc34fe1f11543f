package org.currents.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.currents.config.Key;
import org.currents.config.Settings;
import org.currents.config.SettingsException;
import org.currents.store.StoreException;

/**
 * Turns what stopped a command into the {@link Failure} an operator reads: settings, input,
 * a busy port or a locked database get their own message and exit code; anything else is a
 * fault of ours, reported in one line with the stack trace left to the debug log.
 */
final class ErrorReport {
    /** H2's "database may be already in use" (the file is locked by another process). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private ErrorReport() {
    }

    static Failure of(Throwable e) {
        return of(e, null);
    }

    /** @param settings the settings the command ran with, to say where a value came from; may be null */
    static Failure of(Throwable e, Settings settings) {
        if (e instanceof Failure f) {
            return f;
        }
        BindException bind = find(e, BindException.class);
        if (bind != null && settings != null) {
            return portInUse(settings, e);
        }
        if (e instanceof SettingsException || e instanceof IllegalArgumentException) {
            return new Failure(ExitCode.BAD_INPUT, e.getMessage(), null, e);
        }
        if (e instanceof NoSuchFileException missing) {
            return new Failure(ExitCode.BAD_INPUT, "no such file: " + missing.getFile(), null, e);
        }
        if (e instanceof AccessDeniedException denied) {
            return new Failure(ExitCode.BAD_INPUT, "cannot read " + denied.getFile() + ": permission denied", null, e);
        }
        if (e instanceof IOException) {
            return new Failure(ExitCode.BAD_INPUT, e.getMessage(), null, e);
        }
        if (e instanceof StoreException) {
            return database(e);
        }
        return new Failure(ExitCode.INTERNAL, "unexpected error: " + e, "this is a fault of Currents; run again with "
                + "CURRENTS_LOG_LEVEL=DEBUG for the stack trace", e);
    }

    private static Failure portInUse(Settings settings, Throwable e) {
        String host = settings.server().host();
        int port = settings.server().port();
        return new Failure(ExitCode.UNAVAILABLE, "cannot listen on " + host + ":" + port + ": the port is in use (port "
                + port + " comes from " + settings.origin(Key.PORT) + ")",
                "stop what uses it, or choose another port with --port N, CURRENTS_PORT or port= in "
                        + settings.configDir().resolve("currents.properties"), e);
    }

    private static Failure database(Throwable e) {
        SQLException sql = find(e, SQLException.class);
        boolean locked = sql != null && (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN
                || String.valueOf(sql.getMessage()).contains("is locked"));
        if (locked || String.valueOf(e.getMessage()).contains("is locked")) {
            return new Failure(ExitCode.UNAVAILABLE, "the database is in use by another process: " + firstLine(e.getMessage()),
                    "stop the other process, or let both open it with ;AUTO_SERVER=TRUE in store.url (the default H2 "
                            + "database has it)", e);
        }
        return new Failure(ExitCode.UNAVAILABLE, firstLine(e.getMessage()),
                "check store.url, store.user and store.password, and that the database server is running", e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int bracket = message.indexOf(" [");
        return Failure.oneLine(bracket > 0 ? message.substring(0, bracket) : message);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
