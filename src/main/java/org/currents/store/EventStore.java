package org.currents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.currents.event.Event;

/** Events, their sources, contexts and identity keys. Lists are newest first. */
public final class EventStore {
    private static final String NEWEST_FIRST = " ORDER BY e.published DESC, e.id DESC";

    /** Older than a feed's edge (published, id), in the order of {@link #NEWEST_FIRST}. */
    private static final String OLDER = " AND (e.published < ? OR (e.published = ? AND e.id < ?))";

    private final Database db;

    public EventStore(Database db) {
        this.db = db;
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

    /**
     * The history of the feed of the newest {@code current} events of context {@code contextSlug}
     * (null: of all events): where its current document ends and which months hold the rest, with
     * how many each. Two queries.
     */
    public FeedHistory history(String contextSlug, int current) {
        return db.read(c -> {
            Object[] scoped = contextSlug == null ? new Object[0] : new Object[] {contextSlug};
            List<Object[]> edge = Sql.query(c, "SELECT e.published, e.id" + scope(contextSlug) + NEWEST_FIRST
                    + " OFFSET " + Math.max(current - 1, 0) + " ROWS FETCH FIRST 1 ROWS ONLY",
                    rs -> new Object[] {Columns.instant(rs, "published"), rs.getString("id")}, scoped);
            if (edge.isEmpty() || current <= 0) {
                return FeedHistory.COMPLETE;
            }
            Instant published = (Instant) edge.get(0)[0];
            String id = (String) edge.get(0)[1];
            String year = "EXTRACT(YEAR FROM e.event_day)";
            String month = "EXTRACT(MONTH FROM e.event_day)";
            List<FeedHistory.Month> months = Sql.query(c, "SELECT " + year + ", " + month + ", COUNT(*)"
                    + scope(contextSlug) + OLDER + " GROUP BY " + year + ", " + month + " ORDER BY 1 DESC, 2 DESC",
                    rs -> new FeedHistory.Month(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getInt(3)),
                    with(scoped, published, published, id));
            return new FeedHistory(published, id, months);
        });
    }

    /**
     * Events of {@code month} that the feed of {@code history} archives (those of context
     * {@code contextSlug}, null: of all events, older than its current document's oldest), taken in
     * the order they joined the feed: {@code take} of them after the first {@code skip}; newest first.
     * That order is append-only (an event joining later, whatever its date, comes after every event
     * already there), so a stretch of it, once full, keeps its events.
     */
    public List<Event> archived(String contextSlug, FeedHistory history, YearMonth month, int skip, int take) {
        if (history.edgeId() == null || skip < 0 || take <= 0) {
            return List.of();
        }
        Object[] scoped = contextSlug == null ? new Object[0] : new Object[] {contextSlug};
        String joined = contextSlug == null ? "e.arrival" : "ec.arrival";
        List<Event> page = new java.util.ArrayList<>(list("SELECT " + EventRows.COLUMNS + scope(contextSlug) + OLDER
                + " AND e.event_day >= ? AND e.event_day < ? ORDER BY " + joined + ", e.id OFFSET " + skip
                + " ROWS FETCH FIRST " + take + " ROWS ONLY", with(scoped, history.edgePublished(),
                history.edgePublished(), history.edgeId(), month.atDay(1), month.plusMonths(1).atDay(1))));
        page.sort(java.util.Comparator.comparing(Event::published).thenComparing(Event::id).reversed());
        return page;
    }

    private static String scope(String contextSlug) {
        return contextSlug == null ? " FROM event e WHERE 1 = 1"
                : " FROM event e JOIN event_context ec ON ec.event_id = e.id WHERE ec.context_slug = ?";
    }

    private static Object[] with(Object[] first, Object... more) {
        Object[] out = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
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
     * What related events are ranked from, for a whole page at once: the newest
     * {@code perContext} events of each of the contexts {@code slugs}, so a huge context cannot
     * crowd out a small one, and the {@code near} events published nearest {@code around}, at
     * most {@code window} away, whatever their contexts. Each event carries its headline, the
     * start of its summary, dates, story and contexts only.
     */
    public RelatedPool relatedPool(java.util.Collection<String> slugs, int perContext, java.time.Instant around, int near,
                                   java.time.Duration window) {
        if (slugs.isEmpty() && (near <= 0 || around == null)) {
            return RelatedPool.EMPTY;
        }
        return db.read(c -> EventRows.relatedPool(c, List.copyOf(new java.util.TreeSet<>(slugs)), perContext, around,
                near, window));
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
            String in = " IN (" + Sql.marks(ids.size()) + ")";
            Sql.update(c, "UPDATE context SET version = " + v + " WHERE slug IN (SELECT context_slug FROM "
                    + "event_context WHERE event_id" + in + ")", ids.toArray());
            // event_key has no index on event_id (see V5): this delete scans it, which is rare enough.
            for (String table : List.of("event_source", "event_context", "event_key")) {
                Sql.update(c, "DELETE FROM " + table + " WHERE event_id" + in, ids.toArray());
            }
            Sql.update(c, "DELETE FROM event WHERE id" + in, ids.toArray());
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
            // The joins of the last ingest that wrote sources are at the top of the source rows' index.
            try (PreparedStatement st = c.prepareStatement("SELECT MAX(t) AS updated FROM (SELECT MAX(updated) AS t "
                    + "FROM event UNION ALL SELECT MAX(written) FROM event_source WHERE seq = (SELECT MAX(seq) FROM event_source)) x");
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
            Sql.bind(st, params);
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
