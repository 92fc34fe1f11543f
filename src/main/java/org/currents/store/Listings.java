package org.currents.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.ContextSummary;
import org.currents.event.DayCount;
import org.currents.event.Event;

/** What the reader's pages list: days with their counts, a window of days, a context's history page by page, the busiest contexts. */
public final class Listings {
    private static final String NEWEST_FIRST = " ORDER BY e.published DESC, e.id DESC";

    private final Database db;

    public Listings(Database db) {
        this.db = db;
    }

    /** Days that have events, newest first, from the {@code offset}-th. */
    public List<DayCount> days(int offset, int limit) {
        return db.read(c -> Sql.query(c, "SELECT event_day, COUNT(*) FROM event GROUP BY event_day ORDER BY event_day DESC"
                + page(offset, limit), rs -> new DayCount(rs.getObject(1, LocalDate.class), rs.getInt(2))));
    }

    /** Days that have events, at most {@code limit}, newest first, on or before {@code last}. */
    public List<DayCount> daysUpTo(LocalDate last, int limit) {
        return db.read(c -> Sql.query(c, "SELECT event_day, COUNT(*) FROM event WHERE event_day <= ? GROUP BY event_day "
                + "ORDER BY event_day DESC" + page(0, limit), rs -> new DayCount(rs.getObject(1, LocalDate.class),
                rs.getInt(2)), last));
    }

    public int dayCount() {
        return db.read(c -> Sql.query(c, "SELECT COUNT(DISTINCT event_day) FROM event", rs -> rs.getInt(1)).get(0));
    }

    /** The first day after {@code day} that has events. */
    public Optional<LocalDate> dayAfter(LocalDate day) {
        return db.read(c -> Sql.query(c, "SELECT MIN(event_day) FROM event WHERE event_day > ?",
                rs -> Optional.ofNullable(rs.getObject(1, LocalDate.class)), day).get(0));
    }

    /** The newest {@code limit} events of one day. */
    public List<Event> onDay(LocalDate day, int limit) {
        return db.read(c -> EventRows.load(c, "SELECT " + EventRows.COLUMNS + " FROM event e WHERE e.event_day = ?"
                + NEWEST_FIRST + page(0, limit), day));
    }

    /** A context's events, newest first, from the {@code offset}-th. */
    public List<Event> inContext(String slug, int offset, int limit) {
        return db.read(c -> EventRows.load(c, "SELECT " + EventRows.COLUMNS + " FROM event e JOIN event_context ec "
                + "ON ec.event_id = e.id WHERE ec.context_slug = ?" + NEWEST_FIRST + page(offset, limit), slug));
    }

    /**
     * The stories and subjects with the most events between {@code from} and {@code to} (inclusive),
     * visible ones only; the summary's count is the count within those days.
     */
    public List<ContextSummary> busiest(LocalDate from, LocalDate to, int limit) {
        return db.read(c -> Sql.query(c, "SELECT x.slug, x.name, x.kind, x.version, x.updated, COUNT(*) AS events "
                + "FROM event_context ec JOIN event e ON e.id = ec.event_id JOIN context x ON x.slug = ec.context_slug "
                + "WHERE e.event_day BETWEEN ? AND ? AND x.hidden = FALSE AND x.kind IN ('STORY', 'SUBJECT') "
                + "GROUP BY x.slug, x.name, x.kind, x.version, x.updated ORDER BY events DESC, x.name"
                + page(0, limit), Listings::summary, from, to));
    }

    /**
     * The contexts most often filed beside {@code slug} (stories, subjects and categories, visible
     * ones); the summary's count is the number of events they share.
     */
    public List<ContextSummary> alongside(String slug, int limit) {
        return db.read(c -> Sql.query(c, "SELECT x.slug, x.name, x.kind, x.version, x.updated, COUNT(*) AS events "
                + "FROM event_context ec JOIN event_context mine ON mine.event_id = ec.event_id "
                + "JOIN context x ON x.slug = ec.context_slug WHERE mine.context_slug = ? AND ec.context_slug <> ? "
                + "AND x.hidden = FALSE AND x.kind <> 'SOURCE_GROUP' GROUP BY x.slug, x.name, x.kind, x.version, x.updated "
                + "ORDER BY events DESC, x.name" + page(0, limit), Listings::summary, slug, slug));
    }

    private static ContextSummary summary(ResultSet rs) throws SQLException {
        Context context = new Context(rs.getString("slug"), rs.getString("name"), ContextKind.valueOf(rs.getString("kind")));
        return new ContextSummary(context, rs.getInt("events"), Columns.instant(rs, "updated"), rs.getLong("version"), false);
    }

    private static String page(int offset, int limit) {
        return " OFFSET " + Math.max(offset, 0) + " ROWS FETCH FIRST " + Math.max(limit, 0) + " ROWS ONLY";
    }
}
