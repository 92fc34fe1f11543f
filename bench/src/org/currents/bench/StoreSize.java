package org.currents.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.currents.config.StoreSettings;
import org.currents.store.Database;
import org.currents.store.StoreException;

/** The size of a benchmark's database after the run, measured as the issue defines it. */
final class StoreSize {
    /** Set when {@link Database#compactOnClose()} threw on the last H2 measurement. */
    static boolean compactFault;

    private StoreSize() {
    }

    /**
     * H2: opens the closed file again (the migrations have nothing to do), lets
     * {@link Database#compactOnClose()} rewrite it as a clean server shutdown does, and returns the
     * file's bytes. PostgreSQL: the tables of the run's schema with their indexes and TOAST.
     */
    static long afterCleanShutdown(StoreSettings store, Path dataDir) throws Exception {
        String url = store.jdbcUrl();
        if (url.startsWith("jdbc:h2:")) {
            long start = System.nanoTime();
            Database db = Database.open(store);
            try {
                db.compactOnClose();
            } catch (StoreException e) {
                // Known fault (reported, not ours to fix here): SHUTDOWN COMPACT completes, then Hikari's
                // close of the connection H2 has already closed throws. Shown in full, and flagged in the
                // result, so it is not mistaken for a measurement of an uncompacted file.
                System.out.println("COMPACT-FAULT Database.compactOnClose() threw after SHUTDOWN COMPACT:");
                e.printStackTrace(System.out);
                compactFault = true;
            } finally {
                db.close();
            }
            Path file = dataDir.resolve("currents.mv.db");
            System.out.printf("h2: compacted in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return Files.size(file);
        }
        String schema = url.replaceAll(".*[?&]currentSchema=([^&]+).*", "$1");
        try (Connection c = DriverManager.getConnection(url, store.user(), store.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                     + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema
                     + "' AND c.relkind = 'r'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** H2 file bytes as the run left them, before compaction (0 on PostgreSQL). */
    static long h2FileNow(Path dataDir) throws Exception {
        Path file = dataDir.resolve("currents.mv.db");
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
