package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.currents.event.Event;
import org.currents.event.SearchQuery;

/**
 * Full-text search over events' headlines, summaries and context names, ranked, each database
 * with its own index (PostgreSQL's in {@link V13_1__FullTextSearch}). An event matches when every word of the
 * query is in its headline or summary or in the name of one of its contexts.
 *
 * <p>PostgreSQL ranks with {@code ts_rank} over the weighted headline and summary vectors (English
 * stemming: "sinking" finds "sinks"), plus a share for each context
 * whose name matches. On H2 the words come from a {@link WordIndex} in memory (whole words,
 * no stemming) and the rank is counted by hand: a word in the headline weighs 3, in a
 * context's name 2, in the summary 1. Ties go to the newest event.
 */
public final class EventSearch {
    private static final String NEWEST = "e.published DESC, e.id DESC";
    private static final String PG_TERM = "plainto_tsquery('english', ?)";

    private final Database db;
    private final boolean postgres;
    private final WordIndex words = new WordIndex();

    public EventSearch(Database db) {
        this.db = db;
        this.postgres = db.isPostgres();
    }

    /** Reads what is not in H2's word index yet (every event, at start); nothing to do on PostgreSQL. */
    public void warm() {
        if (!postgres) {
            db.read(c -> {
                words.update(c);
                return null;
            });
        }
    }

    /** The matching events, best first, from the {@code offset}-th. */
    public List<Event> search(SearchQuery query, int offset, int limit) {
        if (!postgres) {
            return db.read(c -> h2(c, query, offset, limit));
        }
        List<Object> params = new ArrayList<>();
        String sql = postgres(query, params) + " OFFSET " + Math.max(offset, 0) + " ROWS FETCH FIRST "
                + Math.max(limit, 0) + " ROWS ONLY";
        return db.read(c -> EventRows.load(c, sql, params.toArray()));
    }

    private static String postgres(SearchQuery query, List<Object> params) {
        // Terms are letters and digits only (SearchQuery), so joining them with | is a well-formed
        // tsquery; a term that is an English stop word drops out of either query.
        String any = String.join(" | ", query.terms());
        StringBuilder where = new StringBuilder("numnode(to_tsquery('english', ?)) > 0");
        params.add(any);
        for (String term : query.terms()) {
            where.append(" AND (numnode(" + PG_TERM + ") = 0 OR " + V13_1__FullTextSearch.EVENT_VECTOR + " @@ " + PG_TERM
                    + " OR e.id IN (SELECT ec.event_id FROM event_context ec JOIN context x ON x.slug = ec.context_slug "
                    + "WHERE " + V13_1__FullTextSearch.CONTEXT_VECTOR + " @@ " + PG_TERM + "))");
            params.add(term);
            params.add(term);
            params.add(term);
        }
        String rank = "ts_rank(" + V13_1__FullTextSearch.EVENT_VECTOR + ", to_tsquery('english', ?)) + 0.4 * (SELECT COUNT(*) "
                + "FROM event_context ec JOIN context x ON x.slug = ec.context_slug WHERE ec.event_id = e.id AND "
                + V13_1__FullTextSearch.CONTEXT_VECTOR + " @@ to_tsquery('english', ?))";
        List<Object> ordered = new ArrayList<>();
        ordered.add(any);
        ordered.add(any);
        ordered.addAll(params);
        params.clear();
        params.addAll(ordered);
        return "SELECT " + EventRows.COLUMNS + ", " + rank + " AS rank FROM event e WHERE " + where
                + " ORDER BY rank DESC, " + NEWEST;
    }

    /**
     * Per term, the events whose text holds it (weight 1, from the {@link WordIndex}) or one of
     * whose contexts' names does (weight 2); an event must be hit by every term. A term in the
     * headline adds 2 more. Ranked here, then only the page is read.
     */
    private List<Event> h2(Connection c, SearchQuery query, int offset, int limit) throws SQLException {
        Map<String, Integer> weights = null;
        for (String term : query.terms()) {
            Map<String, Integer> hits = new HashMap<>();
            words.eventsWith(c, term).forEach(id -> hits.merge(id, 1, Integer::sum));
            Sql.query(c, "SELECT DISTINCT ec.event_id FROM event_context ec JOIN context x ON x.slug = ec.context_slug "
                    + "WHERE REGEXP_LIKE(x.name, ?, 'i')", rs -> hits.merge(rs.getString(1), 2, Integer::sum), wordPattern(term));
            if (weights != null) {
                Map<String, Integer> before = weights;
                hits.keySet().retainAll(before.keySet());
                hits.replaceAll((id, w) -> w + before.get(id));
            }
            weights = hits;
        }
        List<Ranked> ranked = new ArrayList<>();
        for (List<String> chunk : EventRows.chunks(List.copyOf(weights.keySet()))) {
            Map<String, Integer> w = weights;
            Sql.query(c, "SELECT id, headline, published FROM event WHERE id IN (" + Sql.marks(chunk.size()) + ")", rs -> {
                Set<String> headline = WordIndex.words(rs.getString(2));
                int rank = w.get(rs.getString(1)) + 2 * (int) query.terms().stream().filter(headline::contains).count();
                return ranked.add(new Ranked(rs.getString(1), rank, rs.getObject(3, OffsetDateTime.class).toInstant()));
            }, chunk.toArray());
        }
        ranked.sort(Comparator.comparingInt(Ranked::rank).reversed().thenComparing(Ranked::published, Comparator.reverseOrder())
                .thenComparing(Ranked::id, Comparator.reverseOrder()));
        List<String> page = ranked.stream().skip(Math.max(offset, 0)).limit(Math.max(limit, 0)).map(Ranked::id).toList();
        Map<String, Event> byId = new HashMap<>();
        EventRows.load(c, page).forEach(e -> byId.put(e.id(), e));
        return page.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** {@code term} (letters and digits only) as a whole word. */
    private static String wordPattern(String term) {
        return "(?<![\\p{L}\\p{N}])" + term + "(?![\\p{L}\\p{N}])";
    }

    private record Ranked(String id, int rank, Instant published) {
    }
}
