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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.currents.config.StoreSettings;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool to the H2 or PostgreSQL database, migrated to the current schema when opened.
 *
 * <p>On H2, writes are serialized, and the file is written only when we store. H2 stores its maps one
 * after another while other sessions go on writing, so a store made in the middle of a
 * transaction can take a table's new row without the undo record written just before it; a
 * process killed before the next store leaves that row behind, rolled back for writers but seen
 * as its own by any later transaction that happens to get the same id (H2 calls these
 * "leftovers", see its {@code TxDecisionMaker}). That is how a killed ingest once left events
 * without their sources. So H2 never stores on its own: {@code WRITE_DELAY} is set beyond reach
 * (its background writer stores only when that much time has passed) and H2 is built without a
 * memory-triggered store. We store instead, with {@code CHECKPOINT}, holding the write lock, at
 * most {@link #STORE_EVERY_MS} after a commit and when the database closes: with one write
 * transaction at a time, no store ever runs beside a half-done transaction. Many commits share
 * one store, and the pages they have in common are written once (with a store at every commit,
 * writing the file was most of an ingest's write). A killed process loses the commits of the
 * last {@link #STORE_EVERY_MS} at most, whole, never part of one.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** Commits after which a clean close on H2 compacts: a poll of many feeds, not adding one source. */
    private static final long COMPACT_AFTER_COMMITS = 50;
    /** How long, at most, a commit stays in memory only on H2: what a killed process can lose. */
    static final long STORE_EVERY_MS = 200;
    private static final int STORE_ANYWAY_EVERY = 25;

    private final HikariDataSource pool;
    /** Held by every write on H2, none on PostgreSQL, whose crash recovery needs no such care. */
    private final ReentrantLock writes;
    private final AtomicLong commits = new AtomicLong();
    private final List<Runnable> afterCommit = new CopyOnWriteArrayList<>();
    /** On H2, stores what was committed into the file, between writes; none on PostgreSQL. */
    private final ScheduledExecutorService storer;
    private volatile boolean unsaved;
    private int idleRounds;

    private Database(HikariDataSource pool, boolean h2) {
        this.pool = pool;
        this.writes = h2 ? new ReentrantLock(true) : null;
        if (h2) {
            storer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "h2-store");
                t.setDaemon(true);
                return t;
            });
            storer.scheduleWithFixedDelay(this::storeCommitted, STORE_EVERY_MS, STORE_EVERY_MS, TimeUnit.MILLISECONDS);
        } else {
            storer = null;
        }
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
        boolean h2 = url.startsWith("jdbc:h2:");
        // H2 writes its file only when told to (see the class comment), from before the migration,
        // which is stored once it is done. Persistent in the file, set on every open: a URL of the
        // operator's own gets it too.
        h2Statement(pool, url, "SET WRITE_DELAY " + Integer.MAX_VALUE);
        // PostgreSQL also holds the clustered scheduler's tables. Flyway takes an advisory lock there
        // for the whole migration, so of several nodes starting at once one migrates and the others
        // wait, then find the schema current.
        String[] locations = url.startsWith("jdbc:postgresql:")
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"};
        try {
            Flyway.configure().dataSource(pool).locations(locations)
                    .javaMigrations(new V3__NumericBands(), new V5__MatchIndexInMemory(),
                            new V7__DropHotForeignKeys(), new V13_1__FullTextSearch(), new V14_0__DropH2FullText(),
                            new V14_2__ArchiveArrival()).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate database " + url + ": " + rootMessage(e), e);
        }
        h2Statement(pool, url, "CHECKPOINT");
        return new Database(pool, h2);
    }

    private static void h2Statement(HikariDataSource pool, String url, String sql) {
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            pool.close();
            throw new StoreException("cannot set up database " + url + ": " + e.getMessage(), e);
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
                unsaved = true;
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
            T result = read(work);
            unsaved = true;
            return result;
        } finally {
            unlockWrites();
        }
    }

    /**
     * Holding the write lock, so no transaction is half done: H2 writes what was committed since
     * the last time into its file. Many commits share one store, and the pages they have in common
     * are written once.
     */
    void storeCommitted() {
        // Another process sharing the file through AUTO_SERVER writes in this one's H2 without
        // telling us: what it committed is stored at least every STORE_ANYWAY_EVERY rounds.
        if (!unsaved && ++idleRounds % STORE_ANYWAY_EVERY != 0) {
            return;
        }
        lockWrites();
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            unsaved = false;
            st.execute("CHECKPOINT");
        } catch (SQLException | RuntimeException e) {
            unsaved = true;
            if (!pool.isClosed()) {
                log.warn("cannot write the committed changes into the H2 file; they are kept in memory and "
                        + "tried again in {} ms: {}", STORE_EVERY_MS, e.getMessage());
            }
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
        stopStoring();
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
        stopStoring();
        pool.close();
    }

    /** The last store: what was committed is in the file before the pool closes. */
    private void stopStoring() {
        if (storer != null && !storer.isShutdown()) {
            storer.shutdownNow();
            if (!pool.isClosed()) {
                storeCommitted();
            }
        }
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
