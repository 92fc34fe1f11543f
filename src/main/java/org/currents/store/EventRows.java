package org.currents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventSource;

/** Reads events with their sources and contexts: one query for the rows, one each for the lists. */
final class EventRows {
    static final String COLUMNS = "e.id, e.slug, e.published, e.headline, e.summary, e.content_html, e.link, "
            + "e.cover_image, e.story_slug, e.first_seen, e.updated";

    private EventRows() {
    }

    /** The events a query selects (it must select {@link #COLUMNS} from {@code event e}), in its order. */
    static List<Event> load(Connection c, String sql, Object... params) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs);
                    rows.put(row.id, row);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<EventSource>> sources = sources(c, rows.keySet());
        Map<String, List<Context>> contexts = contexts(c, rows.keySet());
        List<Event> events = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            events.add(new Event(r.id, r.slug, r.published, r.headline, r.summary, r.contentHtml, r.link, r.coverImage,
                    sources.getOrDefault(r.id, List.of()), contexts.getOrDefault(r.id, List.of()), r.storySlug,
                    r.firstSeen, r.updated));
        }
        return events;
    }

    /**
     * Events with only what matching needs (id, slug, dates, headline, summary): candidates for the
     * reconciler, loaded many at a time; the one matched is then loaded whole.
     */
    static List<Event> loadThin(Connection c, List<String> ids) throws SQLException {
        List<Event> out = new ArrayList<>(ids.size());
        try (PreparedStatement st = c.prepareStatement("SELECT id, slug, published, headline, summary, first_seen, updated "
                + "FROM event WHERE id IN (" + marks(ids) + ")")) {
            bind(st, ids.toArray());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getString("id"), rs.getString("slug"), Columns.instant(rs, "published"),
                            rs.getString("headline"), rs.getString("summary"), "", null, null, List.of(), List.of(), null,
                            Columns.instant(rs, "first_seen"), Columns.instant(rs, "updated")));
                }
            }
        }
        return out;
    }

    private static Map<String, List<EventSource>> sources(Connection c, Iterable<String> ids) throws SQLException {
        Map<String, List<EventSource>> out = new HashMap<>();
        String sql = "SELECT event_id, source_id, outlet, article_url, feed_url FROM event_source WHERE event_id IN ("
                + marks(ids) + ") ORDER BY event_id, position";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, list(ids).toArray());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new EventSource(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    private static Map<String, List<Context>> contexts(Connection c, Iterable<String> ids) throws SQLException {
        Map<String, List<Context>> out = new HashMap<>();
        String sql = "SELECT ec.event_id, x.slug, x.name, x.kind FROM event_context ec JOIN context x "
                + "ON x.slug = ec.context_slug WHERE ec.event_id IN (" + marks(ids) + ") ORDER BY ec.event_id, ec.position";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, list(ids).toArray());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Context(rs.getString(2),
                            rs.getString(3), ContextKind.valueOf(rs.getString(4))));
                }
            }
        }
        return out;
    }

    static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
    }

    static String marks(Iterable<?> values) {
        return String.join(", ", Collections.nCopies(list(values).size(), "?"));
    }

    private static <T> List<T> list(Iterable<T> values) {
        List<T> out = new ArrayList<>();
        values.forEach(out::add);
        return out;
    }

    /** One event row before its lists are attached. */
    private static final class Row {
        final String id;
        final String slug;
        final java.time.Instant published;
        final String headline;
        final String summary;
        final String contentHtml;
        final String link;
        final String coverImage;
        final String storySlug;
        final java.time.Instant firstSeen;
        final java.time.Instant updated;

        Row(ResultSet rs) throws SQLException {
            id = rs.getString("id");
            slug = rs.getString("slug");
            published = Columns.instant(rs, "published");
            headline = rs.getString("headline");
            summary = rs.getString("summary");
            contentHtml = rs.getString("content_html");
            link = rs.getString("link");
            coverImage = rs.getString("cover_image");
            storySlug = rs.getString("story_slug");
            firstSeen = Columns.instant(rs, "first_seen");
            updated = Columns.instant(rs, "updated");
        }
    }
}
