package org.currents.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.MergeNote;

/** Reads events with their sources and contexts: one query for the rows, one each for the lists. */
final class EventRows {
    /** An event was updated when its row or any of its source rows (a report joining) was last written. */
    static final String COLUMNS = "e.id, e.slug, e.published, e.headline, e.summary, e.content_html, e.link, "
            + "e.cover_image, e.story_slug, e.first_seen, GREATEST(e.updated, COALESCE((SELECT MAX(s.written) FROM "
            + "event_source s WHERE s.event_id = e.id), e.updated)) AS updated";
    /** The columns related ranking reads: the summary's start is enough to compare texts. */
    private static final String RANKED = "e.id, e.slug, e.published, e.headline, SUBSTRING(e.summary FROM 1 FOR "
            + RelatedPool.SUMMARY_CHARS + ") AS summary, '' AS content_html, NULL AS link, NULL AS cover_image, "
            + "e.story_slug, e.first_seen, e.updated";
    /** Bound on the values of one IN list, well inside what both databases accept. */
    private static final int CHUNK = 1000;

    private EventRows() {
    }

    /** The events a query selects (it must select {@link #COLUMNS} from {@code event e}), in its order. */
    static List<Event> load(Connection c, String sql, Object... params) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row r : Sql.query(c, sql, Row::new, params)) {
            rows.put(r.id, r);
        }
        return withLists(c, rows);
    }

    /** The events with these ids, in no particular order; ids not found are left out. */
    static List<Event> load(Connection c, List<String> ids) throws SQLException {
        List<Event> out = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            out.addAll(load(c, "SELECT " + COLUMNS + " FROM event e WHERE e.id IN (" + Sql.marks(chunk.size()) + ")",
                    chunk.toArray()));
        }
        return out;
    }

    /** Every event of these days, as matching needs them (content left out). */
    static List<Event> loadOnDays(Connection c, Collection<LocalDate> days) throws SQLException {
        List<Event> out = new ArrayList<>();
        for (List<LocalDate> chunk : chunks(List.copyOf(days))) {
            String in = " IN (" + Sql.marks(chunk.size()) + ")";
            Map<String, Row> rows = new LinkedHashMap<>();
            for (Row r : Sql.query(c, "SELECT e.id, e.slug, e.published, e.headline, e.summary, '' AS content_html, "
                    + "NULL AS link, NULL AS cover_image, e.story_slug, e.first_seen, e.updated FROM event e "
                    + "WHERE e.event_day" + in, Row::new, chunk.toArray())) {
                rows.put(r.id, r);
            }
            String ofDays = "IN (SELECT id FROM event WHERE event_day" + in + ")";
            out.addAll(assemble(rows, sources(c, ofDays, chunk), contexts(c, ofDays, chunk)));
        }
        return out;
    }

    /**
     * What related events are ranked from, loaded as ranking needs them (headline, the start of
     * the summary, dates, story and contexts; no sources): the newest {@code perContext} events of
     * each context in {@code slugs}, and the {@code near} events published nearest {@code around}
     * (half after, half at or before), at most {@code window} away, whatever their contexts. One
     * query for the rows (per thousand slugs), one for their contexts.
     */
    static RelatedPool relatedPool(Connection c, List<String> slugs, int perContext, Instant around, int near,
                                   Duration window) throws SQLException {
        Map<String, List<Ranked>> bySlug = new HashMap<>();
        List<Row> nearRows = new ArrayList<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean wantNear = near > 0 && around != null;
        List<List<String>> chunks = chunks(slugs);
        for (int n = 0; n < Math.max(1, chunks.size()); n++) {
            List<String> chunk = chunks.isEmpty() ? List.of() : chunks.get(n);
            List<String> parts = new ArrayList<>();
            List<Object> params = new ArrayList<>(chunk);
            if (!chunk.isEmpty()) {
                parts.add("SELECT t.context_slug, t.rn, " + RANKED + " FROM (SELECT ec.context_slug, ec.event_id, "
                        + "ROW_NUMBER() OVER (PARTITION BY ec.context_slug ORDER BY x.published DESC, x.id DESC) AS rn "
                        + "FROM event_context ec JOIN event x ON x.id = ec.event_id WHERE ec.context_slug IN ("
                        + Sql.marks(chunk.size()) + ")) t JOIN event e ON e.id = t.event_id WHERE t.rn <= " + perContext);
            }
            if (wantNear && n == 0) {
                // Nearest on either side: each half is an indexed range read of event_published.
                int half = (near + 1) / 2;
                String nearby = "(SELECT CAST(NULL AS VARCHAR(160)) AS context_slug, CAST(0 AS BIGINT) AS rn, " + RANKED
                        + " FROM event e WHERE ";
                parts.add(nearby + "e.published > ? AND e.published <= ? ORDER BY e.published, e.id FETCH FIRST " + half
                        + " ROWS ONLY)");
                parts.add(nearby + "e.published <= ? AND e.published >= ? ORDER BY e.published DESC, e.id DESC "
                        + "FETCH FIRST " + half + " ROWS ONLY)");
                params.addAll(List.of(around, around.plus(window), around, around.minus(window)));
            }
            if (parts.isEmpty()) {
                continue;
            }
            Sql.query(c, String.join(" UNION ALL ", parts), rs -> {
                Row r = new Row(rs);
                String slug = rs.getString("context_slug");
                if (slug == null) {
                    nearRows.add(r);
                } else {
                    bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(new Ranked(rs.getLong("rn"), r.id));
                }
                rows.putIfAbsent(r.id, r);
                return null;
            }, params.toArray());
        }
        Map<String, List<Context>> contexts = new HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(rows.keySet()))) {
            contexts.putAll(contexts(c, "IN (" + Sql.marks(chunk.size()) + ")", chunk));
        }
        Map<String, Event> byId = new HashMap<>();
        for (Event e : assemble(rows, Map.of(), contexts)) {
            byId.put(e.id(), e);
        }
        Map<String, List<Event>> out = new HashMap<>();
        bySlug.forEach((slug, ranked) -> out.put(slug, ranked.stream().sorted(java.util.Comparator.comparingLong(Ranked::rn))
                .map(r -> byId.get(r.id())).toList()));
        List<Event> nearest = nearRows.stream().map(r -> r.id).distinct().map(byId::get)
                .sorted(java.util.Comparator.comparing(Event::published).thenComparing(Event::id).reversed()).toList();
        return new RelatedPool(out, nearest);
    }

    private record Ranked(long rn, String id) {
    }

    static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i += CHUNK) {
            out.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
        }
        return out;
    }

    private static List<Event> withLists(Connection c, Map<String, Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = List.copyOf(rows.keySet());
        String in = "IN (" + Sql.marks(ids.size()) + ")";
        return assemble(rows, sources(c, in, ids), contexts(c, in, ids));
    }

    private static List<Event> assemble(Map<String, Row> rows, Map<String, List<EventSource>> sources,
                                        Map<String, List<Context>> contexts) {
        List<Event> events = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            events.add(new Event(r.id, r.slug, r.published, r.headline, r.summary, r.contentHtml, r.link, r.coverImage,
                    sources.getOrDefault(r.id, List.of()), contexts.getOrDefault(r.id, List.of()), r.storySlug,
                    r.firstSeen, r.updated));
        }
        return events;
    }

    private static Map<String, List<EventSource>> sources(Connection c, String idIn, List<?> params) throws SQLException {
        Map<String, List<EventSource>> out = new HashMap<>();
        Sql.query(c, "SELECT event_id, source_id, outlet, article_url, feed_url, headline, reported, item_key, "
                + "merge_score, merge_reasons, summary FROM event_source WHERE event_id " + idIn + " ORDER BY event_id, position", rs -> {
                    double score = rs.getDouble("merge_score");
                    MergeNote note = rs.wasNull() ? null : new MergeNote(score, rs.getString("merge_reasons"));
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new EventSource(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString("headline"),
                            Columns.instant(rs, "reported"), rs.getLong("item_key"), note, rs.getString("summary")));
                    return null;
                }, params.toArray());
        return out;
    }

    private static Map<String, List<Context>> contexts(Connection c, String idIn, List<?> params) throws SQLException {
        Map<String, List<Context>> out = new HashMap<>();
        Sql.query(c, "SELECT ec.event_id, x.slug, x.name, x.kind FROM event_context ec JOIN context x "
                + "ON x.slug = ec.context_slug WHERE ec.event_id " + idIn + " ORDER BY ec.event_id, ec.position", rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Context(rs.getString(2),
                            rs.getString(3), ContextKind.valueOf(rs.getString(4))));
                    return null;
                }, params.toArray());
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
