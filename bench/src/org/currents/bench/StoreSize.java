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
    static long afterCleanShutdown(StoreSettings store) throws Exception {
        String url = store.jdbcUrl();
        if (!store.isPostgres()) {
            return Files.size(h2File(store));
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
    static long h2FileNow(StoreSettings store) throws Exception {
        return store.isPostgres() ? 0 : Files.size(h2File(store));
    }

    /** The file of an H2 URL (jdbc:h2:file:PATH;OPTIONS). */
    private static Path h2File(StoreSettings store) {
        String url = store.jdbcUrl().replaceFirst("^jdbc:h2:(file:)?", "");
        int options = url.indexOf(';');
        return Path.of((options < 0 ? url : url.substring(0, options)) + ".mv.db");
    }
}
