package org.currents.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.currents.config.StoreSettings;

/**
 * The databases store tests run against: an H2 file in a temporary directory, and a fresh
 * schema on the local PostgreSQL server (skipped, with a message, when it is not running,
 * unless CURRENTS_REQUIRE_POSTGRES=1 makes it required, as in CI).
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabases() {
    }

    public static StoreSettings h2(Path dir) {
        return new StoreSettings("jdbc:h2:file:" + dir.resolve("currents").toAbsolutePath(), "sa", "", 4);
    }

    /** A store of {@code kind} ("h2": a file under {@code dir}; else a new PostgreSQL schema, as {@link #postgres()}). */
    public static StoreSettings of(String kind, Path dir) {
        return kind.equals("h2") ? h2(dir) : postgres();
    }

    /** A new, empty schema on the local PostgreSQL, dropped by {@link #dropPostgres}. */
    public static StoreSettings postgres() {
        return postgres("t_");
    }

    /** A new, empty schema whose name starts with {@code prefix}, dropped by {@link #dropPostgres}. */
    public static StoreSettings postgres(String prefix) {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            boolean required = "1".equals(System.getenv("CURRENTS_REQUIRE_POSTGRES"));
            if (required) {
                throw new AssertionError("PostgreSQL at 127.0.0.1:5432 is required (CURRENTS_REQUIRE_POSTGRES=1): "
                        + e.getMessage(), e);
            }
            assumeTrue(false, "PostgreSQL tests skipped: no server at 127.0.0.1:5432 (" + e.getMessage() + ")");
        }
        return new StoreSettings(POSTGRES_URL + "?currentSchema=" + schema, "postgres", "", 4);
    }

    /** Migrates a new database only as far as {@code version}: the schema an older release left. */
    public static void migrateTo(StoreSettings settings, String version) {
        Database.migrations(settings.jdbcUrl()).dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .target(version).load().migrate();
    }

    /** Closes the database if it was opened, then drops its PostgreSQL schema if it had one. */
    public static void close(Database db, StoreSettings settings) {
        if (db != null) {
            db.close();
        }
        if (settings != null && settings.isPostgres()) {
            dropPostgres(settings);
        }
    }

    public static void dropPostgres(StoreSettings settings) {
        String url = settings.jdbcUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new AssertionError("cannot drop test schema " + schema, e);
        }
    }
}
