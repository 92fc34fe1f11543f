package org.currents.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventReconciler;
import org.currents.event.EventSource;
import org.currents.event.Slugs;

/**
 * One ingest transaction: matches each draft to a stored event or creates one, writes what
 * changed, and moves the version of every context it touched.
 */
final class EventWriter {
    private static final int MAX_KEY = 300;
    private static final int MAX_CANDIDATES = 30;
    /** Reports further apart than this are never the same happening (the reconciler's rule too). */
    private static final Duration WINDOW = Duration.ofHours(48);

    private final Connection c;
    private final EventReconciler reconciler;
    private final Instant now;
    private boolean changed;
    private final Map<String, ContextKind> touchedContexts = new LinkedHashMap<>();

    EventWriter(Connection c, EventReconciler reconciler, Instant now) {
        this.c = c;
        this.reconciler = reconciler;
        this.now = now;
    }

    IngestResult ingest(List<EventDraft> drafts) throws SQLException {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (EventDraft draft : drafts) {
            Optional<Event> existing = byKey(draft);
            if (existing.isEmpty()) {
                Optional<Event> matched = reconciler.match(draft, candidates(draft));
                existing = matched.isPresent() ? load(matched.get().id()) : matched;
            }
            if (existing.isEmpty()) {
                Event event = insertWithFreeSlug(draft);
                created++;
                remember(event.id(), event.published(), draft, true);
                continue;
            }
            Event merged = reconciler.merge(existing.get(), draft, now);
            if (merged.equals(existing.get())) {
                unchanged++;
            } else {
                update(existing.get(), merged);
                updated++;
            }
            remember(existing.get().id(), existing.get().published(), draft, false);
        }
        return new IngestResult(created, updated, unchanged);
    }

    private Optional<Event> byKey(EventDraft draft) throws SQLException {
        List<String> keys = new ArrayList<>();
        keys.add(key(draft.itemKey()));
        draft.matchKeys().stream().map(EventWriter::key).forEach(keys::add);
        String found = null;
        try (PreparedStatement st = c.prepareStatement("SELECT key_value, event_id FROM event_key WHERE key_value IN ("
                + EventRows.marks(keys) + ")")) {
            EventRows.bind(st, keys.toArray());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    // The item's own key wins over a shared link.
                    if (found == null || rs.getString(1).equals(keys.get(0))) {
                        found = rs.getString(2);
                    }
                }
            }
        }
        return found == null ? Optional.empty() : load(found);
    }

    /** Events sharing a fingerprint band with the draft and published within the merge window of it. */
    private List<Event> candidates(EventDraft draft) throws SQLException {
        if (draft.fingerprint().isEmpty()) {
            return List.of();
        }
        List<Long> bands = List.copyOf(draft.fingerprint());
        List<String> ids = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT event_id FROM event_band WHERE band IN ("
                + EventRows.marks(bands) + ") AND published_at BETWEEN ? AND ? FETCH FIRST " + MAX_CANDIDATES
                + " ROWS ONLY")) {
            int i = 1;
            for (long b : bands) {
                st.setLong(i++, b);
            }
            st.setLong(i++, draft.published().minus(WINDOW).getEpochSecond());
            st.setLong(i, draft.published().plus(WINDOW).getEpochSecond());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids.isEmpty() ? List.of() : EventRows.loadThin(c, ids);
    }

    private Optional<Event> load(String id) throws SQLException {
        return EventRows.load(c, "SELECT " + EventRows.COLUMNS + " FROM event e WHERE e.id = ?", id).stream().findFirst();
    }

    /** The first n such that slug (n = 1) or slug-n is not yet used on the day. */
    private int firstFree(String base, LocalDate day) throws SQLException {
        for (int n = 1; ; n++) {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM event WHERE event_day = ? AND slug = ?")) {
                st.setObject(1, day);
                st.setString(2, n == 1 ? base : base + "-" + n);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return n;
                    }
                }
            }
        }
    }

    /**
     * Creates the draft's event under the first slug free on its day. A concurrent ingest may take
     * the same slug between our look and our insert; the insert then fails alone (a savepoint
     * keeps the rest of the transaction) and the next slug is tried.
     */
    private Event insertWithFreeSlug(EventDraft draft) throws SQLException {
        String id = idFor(draft.itemKey());
        String base = Slugs.of(draft.headline());
        int n = firstFree(base, LocalDate.ofInstant(draft.published(), ZoneOffset.UTC));
        for (int attempt = 0; ; attempt++, n++) {
            Event event = reconciler.create(draft, id, n == 1 ? base : base + "-" + n, now);
            Savepoint before = c.setSavepoint();
            try {
                insert(event);
                c.releaseSavepoint(before);
                return event;
            } catch (SQLException clash) {
                c.rollback(before);
                if (attempt >= 20 || !isUniqueViolation(clash)) {
                    throw clash;
                }
            }
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        // SQLSTATE 23505 in both H2 and PostgreSQL.
        return "23505".equals(e.getSQLState());
    }

    private void insert(Event e) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO event (id, event_day, slug, published, headline, summary, "
                + "content_html, link, cover_image, story_slug, first_seen, updated) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, e.id());
            st.setObject(2, e.date());
            st.setString(3, e.slug());
            Columns.setInstant(st, 4, e.published());
            bindText(st, 5, e);
            Columns.setInstant(st, 11, e.firstSeen());
            Columns.setInstant(st, 12, e.updated());
            st.executeUpdate();
        }
        writeLists(e, List.of());
    }

    private void update(Event old, Event e) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE event SET headline = ?, summary = ?, content_html = ?, "
                + "link = ?, cover_image = ?, story_slug = ?, updated = ? WHERE id = ?")) {
            bindText(st, 1, e);
            Columns.setInstant(st, 7, e.updated());
            st.setString(8, e.id());
            st.executeUpdate();
        }
        for (String table : List.of("event_source", "event_context")) {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM " + table + " WHERE event_id = ?")) {
                st.setString(1, e.id());
                st.executeUpdate();
            }
        }
        writeLists(e, old.contexts());
    }

    private static void bindText(PreparedStatement st, int from, Event e) throws SQLException {
        st.setString(from, Columns.fit(e.headline(), 2000));
        st.setString(from + 1, Columns.fit(e.summary(), 10_000));
        st.setString(from + 2, Columns.fit(e.contentHtml(), 1_000_000));
        st.setString(from + 3, Columns.fit(e.link(), 2048));
        st.setString(from + 4, Columns.fit(e.coverImage(), 2048));
        st.setString(from + 5, e.storySlug());
    }

    /** Writes sources and contexts, and marks the event and every context it is or was in as changed. */
    private void writeLists(Event e, List<Context> before) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO event_source (event_id, position, source_id, outlet, "
                + "article_url, feed_url) VALUES (?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            for (EventSource s : e.sources()) {
                st.setString(1, e.id());
                st.setInt(2, i++);
                st.setLong(3, s.sourceId());
                st.setString(4, Columns.fit(s.outlet(), 500));
                st.setString(5, Columns.fit(s.articleUrl(), 2048));
                st.setString(6, Columns.fit(s.feedUrl(), 2048));
                st.addBatch();
            }
            st.executeBatch();
        }
        changed = true;
        for (Context x : e.contexts()) {
            touchedContexts.merge(x.slug(), x.kind(), (a, b) -> a.weight() >= b.weight() ? a : b);
        }
        for (Context x : before) {
            touchedContexts.putIfAbsent(x.slug(), x.kind());
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO event_context (event_id, context_slug, position) "
                + "VALUES (?, ?, ?)")) {
            int i = 0;
            for (Context x : e.contexts()) {
                st.setString(1, e.id());
                st.setString(2, x.slug());
                st.setInt(3, i++);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /**
     * Moves the events counter and gives every context the ingest touched that new version, in a
     * short transaction of its own after the ingest committed ({@code c} is its connection).
     * Ingests thus never wait on each other for the counter, and versions still grow in the order
     * changes became visible, which is what validators built from the highest version need. A
     * context seen as a stronger kind than stored is upgraded to it.
     */
    void stampVersions(Connection c) throws SQLException {
        if (!changed) {
            return;
        }
        long v = Versions.next(c);
        try (PreparedStatement st = c.prepareStatement("UPDATE context SET version = ?, updated = ?, kind = ? WHERE slug = ?")) {
            Map<String, ContextKind> stored = kinds(c, touchedContexts.keySet());
            for (Map.Entry<String, ContextKind> x : touchedContexts.entrySet()) {
                ContextKind old = stored.getOrDefault(x.getKey(), x.getValue());
                ContextKind kind = old.weight() >= x.getValue().weight() ? old : x.getValue();
                st.setLong(1, v);
                Columns.setInstant(st, 2, now);
                st.setString(3, kind.name());
                st.setString(4, x.getKey());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private Map<String, ContextKind> kinds(Connection c, Set<String> slugs) throws SQLException {
        Map<String, ContextKind> out = new HashMap<>();
        if (slugs.isEmpty()) {
            return out;
        }
        List<String> list = List.copyOf(slugs);
        try (PreparedStatement st = c.prepareStatement("SELECT slug, kind FROM context WHERE slug IN ("
                + EventRows.marks(list) + ")")) {
            EventRows.bind(st, list.toArray());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), ContextKind.valueOf(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Stores the draft's keys and bands for the event, leaving keys already held by another event alone. */
    private void remember(String eventId, Instant published, EventDraft draft, boolean newEvent) throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key(draft.itemKey()));
        draft.matchKeys().stream().map(EventWriter::key).forEach(keys::add);
        // A new event's keys were all looked up and not found, and it has no bands yet: plain inserts.
        // A known event may hold some already, which stay as they are.
        try (PreparedStatement st = c.prepareStatement(newEvent
                ? "INSERT INTO event_key (key_value, event_id) VALUES (?, ?)"
                : "INSERT INTO event_key (key_value, event_id) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM event_key WHERE key_value = ?)")) {
            for (String k : keys) {
                st.setString(1, k);
                st.setString(2, eventId);
                if (!newEvent) {
                    st.setString(3, k);
                }
                st.addBatch();
            }
            st.executeBatch();
        }
        try (PreparedStatement st = c.prepareStatement(newEvent
                ? "INSERT INTO event_band (band, event_id, published_at) VALUES (?, ?, ?)"
                : "INSERT INTO event_band (band, event_id, published_at) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM event_band WHERE band = ? AND event_id = ?)")) {
            for (long band : draft.fingerprint()) {
                st.setLong(1, band);
                st.setString(2, eventId);
                st.setLong(3, published.getEpochSecond());
                if (!newEvent) {
                    st.setLong(4, band);
                    st.setString(5, eventId);
                }
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Keys longer than the column are stored by their hash; the same key always maps the same way. */
    private static String key(String k) {
        return k.length() <= MAX_KEY ? k : "sha256:" + sha256(k);
    }

    static String idFor(String itemKey) {
        return sha256(itemKey).substring(0, 24);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
