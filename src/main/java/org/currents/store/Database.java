package org.currents.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.currents.config.StoreSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool to the H2 or PostgreSQL database, migrated to the current schema when opened.
 *
 * <p>On H2, writes are serialized and the file is written only by them. H2 stores its maps one
 * after another while other sessions go on writing, so a store made in the middle of a
 * transaction can take a table's new row without the undo record written just before it; a
 * process killed before the next store leaves that row behind, rolled back for writers but seen
 * as its own by any later transaction that happens to get the same id (H2 calls these
 * "leftovers", see its {@code TxDecisionMaker}). That is how a killed ingest once left events
 * without their sources. With {@code WRITE_DELAY} 0 there is no background writer: H2 stores when
 * a transaction ends or its own writes fill the buffer, on the writing thread; with one write
 * transaction at a time, no store ever runs beside a half-done transaction.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** Commits after which a clean close on H2 compacts: a poll of many feeds, not adding one source. */
    private static final long COMPACT_AFTER_COMMITS = 50;
    /**
     * The newest migration's version ({@code MigrationsTest} holds it to Flyway's list). A database
     * whose history ends there, applied, is current: Flyway is not started, which saves every
     * command about a fifth of a second of classes (Flyway and its Jackson) it would load only to find nothing to do.
     */
    static final String NEWEST_MIGRATION = "18.0";

    private final HikariDataSource pool;
    /** Held by every write on H2, none on PostgreSQL, whose crash recovery needs no such care. */
    private final ReentrantLock writes;
    private final AtomicLong commits = new AtomicLong();
    private final List<Runnable> afterCommit = new CopyOnWriteArrayList<>();

    private Database(HikariDataSource pool, boolean h2) {
        this.pool = pool;
        this.writes = h2 ? new ReentrantLock(true) : null;
    }

    public static Database open(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        if (settings.isPostgres() && !settings.jdbcUrl().contains("reWriteBatchedInserts")) {
            // An ingest's batches of inserts go as multi-row INSERTs: a few statements per feed, not one per row.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return open(config, settings.jdbcUrl());
    }

    /**
     * The migrations of the schema, for a database at {@code url}. PostgreSQL also holds the
     * clustered scheduler's tables. Flyway takes an advisory lock there for the whole migration, so
     * of several nodes starting at once one migrates and the others wait, then find the schema current.
     */
    static FluentConfiguration migrations(String url) {
        String[] locations = url.startsWith("jdbc:postgresql:")
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"};
        return Flyway.configure().locations(locations).javaMigrations(new V3__NumericBands(),
                new V5__MatchIndexInMemory(), new V7__DropHotForeignKeys(), new V13_1__FullTextSearch(),
                new V14_0__DropH2FullText(), new V14_2__ArchiveArrival(), new V16_0__GroupedKeys());
    }

    /** A pool built from {@code config} (tests give it a data source of their own), migrated; {@code url} names it. */
    static Database open(HikariConfig config, String url) {
        config.setPoolName("currents-db");
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open database " + url + ": " + rootMessage(e), e);
        }
        try {
            if (!isCurrent(pool)) {
                migrations(url).dataSource(pool).load().migrate();
            }
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate database " + url + ": " + rootMessage(e), e);
        }
        boolean h2 = url.startsWith("jdbc:h2:");
        if (h2) {
            // Persistent in the file, set on every open: a URL of the operator's own gets it too.
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("SET WRITE_DELAY 0");
            } catch (SQLException e) {
                pool.close();
                throw new StoreException("cannot set up database " + url + ": " + e.getMessage(), e);
            }
        }
        return new Database(pool, h2);
    }

    /** Whether the schema's history ends with the newest migration, applied; false when there is no history to read. */
    static boolean isCurrent(DataSource pool) {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
                     + "ORDER BY \"installed_rank\" DESC")) {
            return rs.next() && NEWEST_MIGRATION.equals(rs.getString(1)) && rs.getBoolean(2);
        } catch (SQLException e) {
            // No history yet (a new database), or one Flyway must look at itself.
            return false;
        }
    }

    /** The pool itself, for the clustered scheduler's job store, which runs its own SQL on it. */
    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(SqlWork<T> work) {
        T result;
        lockWrites();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                result = work.run(c);
                c.commit();
                commits.incrementAndGet();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database transaction failed: " + e.getMessage(), e);
        } finally {
            unlockWrites();
        }
        // After the connection is back in the pool: a listener reading the database needs one.
        committed();
        return result;
    }

    /** Runs {@code work}, statements that commit each on its own, as a write (see above); no listener runs. */
    <T> T write(SqlWork<T> work) {
        lockWrites();
        try {
            return read(work);
        } finally {
            unlockWrites();
        }
    }

    /** Before the connection is taken: a thread waiting here holds none that the writer may need. */
    private void lockWrites() {
        if (writes != null) {
            writes.lock();
        }
    }

    private void unlockWrites() {
        if (writes != null) {
            writes.unlock();
        }
    }

    /** Runs {@code listener} after every transaction this process commits (it must not throw). */
    public void afterCommit(Runnable listener) {
        afterCommit.add(listener);
    }

    /** What is committed stays so: a listener that fails is logged here, and the transaction still succeeded. */
    private void committed() {
        for (Runnable listener : afterCommit) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("what runs after a commit failed; the transaction itself is committed", e);
            }
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
     * Closes the database; on H2, after a process that wrote much (a poll of many feeds), first
     * rewrites the file without the space its append-only store left behind (several times the
     * live data). Only when no other process is connected: a command line run beside a server
     * shares its file through {@code AUTO_SERVER}, and compacting would close it under the server.
     * Returns whether it compacted. Nothing to do on PostgreSQL, whose autovacuum reclaims space.
     */
    public boolean compactOnClose() {
        pool.close();
        String url = pool.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:h2:") || commits.get() < COMPACT_AFTER_COMMITS) {
            return false;
        }
        // On a connection of its own, after the pool: closing a pooled connection H2 has just shut
        // down would fail, though the compaction itself succeeded.
        try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                if (rs.next() && rs.getInt(1) > 1) {
                    return false;
                }
            }
            st.execute("SHUTDOWN COMPACT");
            return true;
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
