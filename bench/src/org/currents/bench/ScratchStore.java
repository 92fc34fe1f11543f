package org.currents.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.currents.config.StoreSettings;

/**
 * A database of the kind a benchmark measures, for a pass that must not touch the measured one:
 * an H2 file in a folder of its own (with the measured URL's settings), or a PostgreSQL schema of
 * its own beside the measured one. Gone when closed. A warm-up pass into an in-memory H2 database
 * left the JIT compiling the file store's code, or the PostgreSQL driver's, in the timed pass.
 */
final class ScratchStore implements AutoCloseable {
    final StoreSettings settings;
    private final WorkDir dir;
    private final String schema;

    ScratchStore(StoreSettings measured, String name) throws Exception {
        String url = measured.jdbcUrl();
        if (measured.isPostgres()) {
            if (!url.contains("currentSchema=")) {
                throw new IllegalArgumentException("the PostgreSQL URL names no currentSchema: " + url);
            }
            dir = null;
            schema = url.replaceAll(".*[?&]currentSchema=([^&]+).*", "$1") + "_" + name;
            settings = new StoreSettings(url.replaceAll("currentSchema=[^&]+", "currentSchema=" + schema),
                    measured.user(), measured.password(), measured.poolSize());
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
        } else {
            dir = new WorkDir("currents-scratch-" + name);
            schema = null;
            int options = url.indexOf(';');
            settings = new StoreSettings("jdbc:h2:file:" + dir.path.resolve("scratch")
                    + (options < 0 ? "" : url.substring(options)), measured.user(), measured.password(), measured.poolSize());
        }
    }

    @Override
    public void close() throws IOException, SQLException {
        if (schema != null) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } else if (Files.exists(dir.path)) {
            dir.close();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
