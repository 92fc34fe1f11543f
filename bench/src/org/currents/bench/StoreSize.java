package org.currents.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.currents.config.StoreSettings;

/** The size of a benchmark's database after the run, measured as the issue defines it. */
final class StoreSize {
    private StoreSize() {
    }

    /**
     * H2: the file's bytes once {@code App.close()} closed it, compacting as every clean stop after
     * a poll does. PostgreSQL: the tables of the run's schema with their indexes and TOAST.
     */
    static long afterCleanShutdown(StoreSettings store, Path dataDir) throws Exception {
        String url = store.jdbcUrl();
        if (url.startsWith("jdbc:h2:")) {
            return Files.size(dataDir.resolve("currents.mv.db"));
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
