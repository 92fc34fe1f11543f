package org.currents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.currents.source.Source;
import org.currents.source.SourceSpec;
import org.currents.source.SourceStatus;
import org.currents.source.SourceUrls;

/** Sources and their poll status. */
public final class SourceStore {
    private static final String COLUMNS = "id, feed_url, title, site_url, contexts, interval_seconds, enabled, etag, "
            + "last_modified, last_polled, next_poll, last_status, last_http_status, items_new, items_updated, "
            + "consecutive_errors, failing_since, last_error";

    private final Database db;

    public SourceStore(Database db) {
        this.db = db;
    }

    public List<Source> all() {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM source ORDER BY id"));
    }

    public Optional<Source> find(long id) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM source WHERE id = ?", id)).stream().findFirst();
    }

    public Optional<Source> findByUrl(String feedUrl) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM source WHERE feed_url = ?", feedUrl))
                .stream().findFirst();
    }

    /** Adds the source, or updates title, site and contexts of the one with the same URL. */
    public Source upsert(SourceSpec spec) {
        return db.inTransaction(c -> {
            List<Source> existing = query(c, "SELECT " + COLUMNS + " FROM source WHERE feed_url = ?", spec.feedUrl());
            if (existing.isEmpty()) {
                insert(c, spec);
            } else {
                try (PreparedStatement st = c.prepareStatement("UPDATE source SET feed_url = ?, title = ?, site_url = ?, "
                        + "contexts = ?, interval_seconds = ? WHERE id = ?")) {
                    bindSpec(st, spec);
                    st.setLong(6, existing.get(0).id());
                    st.executeUpdate();
                }
            }
            return query(c, "SELECT " + COLUMNS + " FROM source WHERE feed_url = ?", spec.feedUrl()).get(0);
        });
    }

    public void saveStatus(long id, SourceStatus s) {
        db.inTransaction(c -> {
            saveStatus(c, id, s);
            return null;
        });
    }

    /** The statuses of several polls, by source id, in one transaction. */
    public void saveStatuses(Map<Long, SourceStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            for (Map.Entry<Long, SourceStatus> e : statuses.entrySet()) {
                saveStatus(c, e.getKey(), e.getValue());
            }
            return null;
        });
    }

    /** The same, in a transaction already open: an ingest's, when the status reports what it stored. */
    static void saveStatus(Connection c, long id, SourceStatus s) throws SQLException {
        Sql.update(c, "UPDATE source SET etag = ?, last_modified = ?, last_polled = ?, next_poll = ?, last_status = ?, "
                + "last_http_status = ?, items_new = ?, items_updated = ?, consecutive_errors = ?, failing_since = ?, "
                + "last_error = ? WHERE id = ?", Columns.fit(s.etag(), 1024), Columns.fit(s.lastModified(), 200),
                s.lastPolled(), s.nextPoll(), s.lastStatus(), s.lastHttpStatus(), s.itemsNew(), s.itemsUpdated(),
                s.consecutiveErrors(), s.failingSince(), Columns.fit(s.lastError(), 4000), id);
    }

    /** After a permanent redirect: the source's feed URL becomes {@code newUrl}, unless another source has it. */
    public void updateUrl(long id, String newUrl) {
        if (findByUrl(newUrl).isEmpty()) {
            update("UPDATE source SET feed_url = ? WHERE id = ?", st -> {
                st.setString(1, newUrl);
                st.setLong(2, id);
            });
        }
    }

    public void setEnabled(long id, boolean enabled) {
        update("UPDATE source SET enabled = ? WHERE id = ?", st -> {
            st.setBoolean(1, enabled);
            st.setLong(2, id);
        });
    }

    /**
     * Adds or merges every spec in one transaction: all or nothing. A spec whose URL names a
     * stored source (see {@link SourceUrls#key}) adds its contexts to it; returns how many were added.
     */
    public ImportResult importAll(List<SourceSpec> specs) {
        return db.inTransaction(c -> {
            java.util.Map<String, Source> stored = new java.util.HashMap<>();
            for (Source s : query(c, "SELECT " + COLUMNS + " FROM source")) {
                stored.put(SourceUrls.key(s.feedUrl()), s);
            }
            int added = 0;
            int merged = 0;
            for (SourceSpec spec : specs) {
                Source existing = stored.get(SourceUrls.key(spec.feedUrl()));
                if (existing == null) {
                    insert(c, spec);
                    added++;
                } else {
                    List<String> contexts = new ArrayList<>(existing.contexts());
                    spec.contexts().stream().filter(x -> !contexts.contains(x)).forEach(contexts::add);
                    try (PreparedStatement st = c.prepareStatement("UPDATE source SET contexts = ? WHERE id = ?")) {
                        st.setString(1, Columns.fit(String.join("\n", contexts), 8000));
                        st.setLong(2, existing.id());
                        st.executeUpdate();
                    }
                    merged++;
                }
            }
            return new ImportResult(added, merged);
        });
    }

    /** Changes what an operator may change of a source; null fields stay as they are. */
    public Optional<Source> update(long id, String title, List<String> contexts, java.time.Duration interval,
                                   boolean clearInterval, Boolean enabled) {
        return db.inTransaction(c -> {
            List<Source> found = query(c, "SELECT " + COLUMNS + " FROM source WHERE id = ?", id);
            if (found.isEmpty()) {
                return Optional.<Source>empty();
            }
            Source s = found.get(0);
            Duration every = clearInterval ? null : interval != null ? interval : s.interval();
            try (PreparedStatement st = c.prepareStatement("UPDATE source SET title = ?, contexts = ?, interval_seconds = ?, "
                    + "enabled = ? WHERE id = ?")) {
                st.setString(1, Columns.fit(title != null ? title : s.title(), 500));
                st.setString(2, Columns.fit(String.join("\n", contexts != null ? contexts : s.contexts()), 8000));
                Columns.setLong(st, 3, every == null ? null : every.toSeconds());
                st.setBoolean(4, enabled != null ? enabled : s.enabled());
                st.setLong(5, id);
                st.executeUpdate();
            }
            return query(c, "SELECT " + COLUMNS + " FROM source WHERE id = ?", id).stream().findFirst();
        });
    }

    /** Counts of an import: sources added, and sources already stored that the import merged into. */
    public record ImportResult(int added, int merged) {
    }

    /** Removes the source; the events it reported stay. */
    public boolean delete(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM source WHERE id = ?")) {
                st.setLong(1, id);
                return st.executeUpdate() > 0;
            }
        });
    }

    private static void insert(Connection c, SourceSpec spec) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO source (feed_url, title, site_url, contexts, "
                + "interval_seconds, enabled, last_status, last_http_status, items_new, items_updated, "
                + "consecutive_errors) VALUES (?, ?, ?, ?, ?, TRUE, 'never', 0, 0, 0, 0)")) {
            bindSpec(st, spec);
            st.executeUpdate();
        }
    }

    private void update(String sql, Binder binder) {
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                binder.bind(st);
                return st.executeUpdate();
            }
        });
    }

    private static void bindSpec(PreparedStatement st, SourceSpec spec) throws SQLException {
        st.setString(1, spec.feedUrl());
        st.setString(2, Columns.fit(spec.title(), 500));
        st.setString(3, Columns.fit(spec.siteUrl(), 2048));
        st.setString(4, Columns.fit(String.join("\n", spec.contexts()), 8000));
        Columns.setLong(st, 5, spec.interval() == null ? null : spec.interval().toSeconds());
    }

    private static List<Source> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<Source> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(source(rs));
                }
                return out;
            }
        }
    }

    private static Source source(ResultSet rs) throws SQLException {
        long interval = rs.getLong("interval_seconds");
        Duration every = rs.wasNull() ? null : Duration.ofSeconds(interval);
        String contexts = rs.getString("contexts");
        SourceStatus status = new SourceStatus(rs.getString("etag"), rs.getString("last_modified"),
                Columns.instant(rs, "last_polled"), Columns.instant(rs, "next_poll"), rs.getString("last_status"),
                rs.getInt("last_http_status"), rs.getInt("items_new"), rs.getInt("items_updated"),
                rs.getInt("consecutive_errors"), Columns.instant(rs, "failing_since"), rs.getString("last_error"));
        return new Source(rs.getLong("id"), rs.getString("feed_url"), rs.getString("title"), rs.getString("site_url"),
                contexts.isEmpty() ? List.of() : Arrays.asList(contexts.split("\n")), every, rs.getBoolean("enabled"),
                status);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }
}
