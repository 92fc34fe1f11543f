package org.currents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.currents.event.Context;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventReconciler;

/** Events, their sources, contexts and identity keys. Lists are newest first. */
public final class EventStore {
    private static final String NEWEST_FIRST = " ORDER BY e.published DESC, e.id DESC";

    private final Database db;
    private final Clock clock;

    public EventStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Matches each draft to a stored event (by item key, then match keys, then the reconciler's
     * fuzzy match over fingerprint candidates) or creates one; all drafts in one transaction.
     */
    public IngestResult ingest(List<EventDraft> drafts, EventReconciler reconciler) {
        if (drafts.isEmpty()) {
            return new IngestResult(0, 0, 0);
        }
        createContexts(drafts);
        for (int attempt = 1; ; attempt++) {
            try {
                EventWriter[] writer = new EventWriter[1];
                IngestResult result = db.inTransaction(c -> {
                    writer[0] = new EventWriter(c, reconciler, clock.instant());
                    return writer[0].ingest(drafts);
                });
                db.inTransaction(c -> {
                    writer[0].stampVersions(c);
                    return null;
                });
                return result;
            } catch (StoreException e) {
                // Another source stored the same article at the same moment; run again and merge with it.
                if (attempt == 3 || !e.isUniqueViolation()) {
                    throw e;
                }
            }
        }
    }

    /**
     * Creates the contexts the drafts name that do not exist yet, each in its own short
     * statement before the ingest, so concurrent ingests never wait on each other's new
     * contexts. A context with no event is listed nowhere, so an ingest that fails after this
     * shows nothing half-done.
     */
    private void createContexts(List<EventDraft> drafts) {
        Map<String, Context> wanted = new LinkedHashMap<>();
        drafts.forEach(d -> d.contexts().forEach(x -> wanted.putIfAbsent(x.slug(), x)));
        if (wanted.isEmpty()) {
            return;
        }
        db.read(c -> {
            List<String> slugs = List.copyOf(wanted.keySet());
            Set<String> existing = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT slug FROM context WHERE slug IN (" + EventRows.marks(slugs)
                    + ")")) {
                EventRows.bind(st, slugs.toArray());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        existing.add(rs.getString(1));
                    }
                }
            }
            for (Context x : wanted.values()) {
                if (existing.contains(x.slug())) {
                    continue;
                }
                try (PreparedStatement st = c.prepareStatement("INSERT INTO context (slug, name, kind, version, updated, hidden) "
                        + "VALUES (?, ?, ?, 0, ?, FALSE)")) {
                    st.setString(1, x.slug());
                    st.setString(2, Columns.fit(x.name(), 500));
                    st.setString(3, x.kind().name());
                    Columns.setInstant(st, 4, clock.instant());
                    st.executeUpdate();
                } catch (SQLException raced) {
                    // Another ingest created it between our look and our insert: it exists, as wanted.
                }
            }
            return null;
        });
    }

    public Optional<Event> find(String id) {
        return one("SELECT " + EventRows.COLUMNS + " FROM event e WHERE e.id = ?", id);
    }

    public Optional<Event> find(LocalDate day, String slug) {
        return one("SELECT " + EventRows.COLUMNS + " FROM event e WHERE e.event_day = ? AND e.slug = ?", day, slug);
    }

    public List<Event> latest(int limit) {
        return list("SELECT " + EventRows.COLUMNS + " FROM event e" + NEWEST_FIRST + limit(limit));
    }

    public List<Event> inContext(String contextSlug, int limit) {
        return list("SELECT " + EventRows.COLUMNS + " FROM event e JOIN event_context ec ON ec.event_id = e.id "
                + "WHERE ec.context_slug = ?" + NEWEST_FIRST + limit(limit), contextSlug);
    }

    public List<Event> onDay(LocalDate day) {
        return list("SELECT " + EventRows.COLUMNS + " FROM event e WHERE e.event_day = ?" + NEWEST_FIRST, day);
    }

    /** The latest day before {@code day} that has events. */
    public Optional<LocalDate> dayBefore(LocalDate day) {
        return db.read(c -> day(c, "SELECT MAX(event_day) FROM event WHERE event_day < ?", day));
    }

    public Optional<LocalDate> latestDay() {
        return db.read(c -> day(c, "SELECT MAX(event_day) FROM event"));
    }

    /**
     * Events other than {@code eventId} in any of the contexts {@code slugs}: the most recent
     * {@code perContext} of each, so a huge context cannot crowd out a small one.
     */
    public List<Event> sharingContexts(String eventId, List<String> slugs, int perContext) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + EventRows.COLUMNS + " FROM event e WHERE e.id <> ? AND e.id IN (");
        for (int i = 0; i < slugs.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ").append("SELECT event_id FROM (SELECT ec.event_id FROM event_context ec "
                    + "JOIN event x ON x.id = ec.event_id WHERE ec.context_slug = ? ORDER BY x.published DESC, x.id DESC")
                    .append(limit(perContext)).append(") t").append(i);
        }
        sql.append(")").append(NEWEST_FIRST);
        Object[] params = new Object[slugs.size() + 1];
        params[0] = eventId;
        for (int i = 0; i < slugs.size(); i++) {
            params[i + 1] = slugs.get(i);
        }
        return list(sql.toString(), params);
    }

    /** Deletes the events whose every source is {@code sourceId}; returns how many. */
    public int deleteReportedOnlyBy(long sourceId) {
        return db.inTransaction(c -> {
            String only = "SELECT event_id FROM event_source GROUP BY event_id HAVING MIN(source_id) = ? AND MAX(source_id) = ?";
            List<String> ids = new java.util.ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(only)) {
                st.setLong(1, sourceId);
                st.setLong(2, sourceId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            long v = Versions.next(c);
            String in = " IN (" + EventRows.marks(ids) + ")";
            ContextMoves.update(c, "UPDATE context SET version = " + v + " WHERE slug IN (SELECT context_slug FROM "
                    + "event_context WHERE event_id" + in + ")", ids.toArray());
            // event_band has no index on event_id (see V3__NumericBands): this delete scans it, which is rare enough.
            for (String table : List.of("event_source", "event_context", "event_key", "event_band")) {
                ContextMoves.update(c, "DELETE FROM " + table + " WHERE event_id" + in, ids.toArray());
            }
            ContextMoves.update(c, "DELETE FROM event WHERE id" + in, ids.toArray());
            return ids.size();
        });
    }

    public long count() {
        return db.read(c -> number(c, "SELECT COUNT(*) FROM event"));
    }

    /** A counter that moves whenever any event is created or changed. */
    public long version() {
        return db.read(c -> number(c, "SELECT counter_value FROM counter WHERE name = 'events'"));
    }

    /** The stamp of everything: the events counter and the last change of any event. */
    public Stamp stamp() {
        return new Stamp(version(), lastUpdated().orElse(null));
    }

    public Optional<Instant> lastUpdated() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT MAX(updated) AS updated FROM event");
                 ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Columns.instant(rs, "updated")) : Optional.empty();
            }
        });
    }

    private Optional<Event> one(String sql, Object... params) {
        return list(sql, params).stream().findFirst();
    }

    private List<Event> list(String sql, Object... params) {
        return db.read(c -> EventRows.load(c, sql, params));
    }

    private static String limit(int n) {
        return " FETCH FIRST " + Math.max(n, 0) + " ROWS ONLY";
    }

    private static Optional<LocalDate> day(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            EventRows.bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, LocalDate.class)) : Optional.empty();
            }
        }
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
