package org.currents.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.currents.config.StoreSettings;
import org.flywaydb.core.Flyway;

/** The connection pool to the H2 or PostgreSQL database, migrated to the current schema when opened. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database open(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("currents-db");
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open database " + settings.jdbcUrl() + ": " + rootMessage(e), e);
        }
        // PostgreSQL also holds the clustered scheduler's tables. Flyway takes an advisory lock there
        // for the whole migration, so of several nodes starting at once one migrates and the others
        // wait, then find the schema current.
        String[] locations = settings.isPostgres()
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"};
        try {
            Flyway.configure().dataSource(pool).locations(locations)
                    .javaMigrations(new V3__NumericBands(), new V5__MatchIndexInMemory()).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate database " + settings.jdbcUrl() + ": " + rootMessage(e), e);
        }
        return new Database(pool);
    }

    /** The pool itself, for the clustered scheduler's job store, which runs its own SQL on it. */
    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database transaction failed: " + e.getMessage(), e);
        }
    }

    /** Runs read-only {@code work} on a pooled connection. */
    <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database query failed: " + e.getMessage(), e);
        }
    }

    /** Publishes the pool's figures (connections active, idle, pending; wait and use times) as {@code hikaricp_*}. */
    public void recordMetrics(MeterRegistry registry) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /** True when a connection answers a trivial query within two seconds. */
    public boolean isHealthy() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    public boolean isPostgres() {
        try (Connection c = pool.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * On H2, rewrites the database file without the space its append-only store left behind
     * (a write-heavy run leaves several times the live data); the database is closed after it.
     * Nothing to do on PostgreSQL, whose autovacuum reclaims space as it goes.
     */
    public void compactOnClose() {
        if (!pool.getJdbcUrl().startsWith("jdbc:h2:")) {
            return;
        }
        // On a connection of its own, after the pool: closing a pooled connection H2 has just shut
        // down would fail, though the compaction itself succeeded.
        pool.close();
        try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
             Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new StoreException("cannot compact the database " + pool.getJdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Work on a connection that may throw SQL errors. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
