package org.currents.store;

import java.util.ArrayList;
import java.util.List;
import org.currents.event.Event;
import org.currents.event.SearchQuery;

/**
 * Full-text search over events' headlines, summaries and context names, ranked, each database
 * with its own index (see {@link V13_1__FullTextSearch}). An event matches when every word of the
 * query is in its headline or summary or in the name of one of its contexts.
 *
 * <p>PostgreSQL ranks with {@code ts_rank} over the weighted headline and summary vectors (English
 * stemming: "sinking" finds "sinks"), plus a share for each context
 * whose name matches. H2's full-text index matches whole words without stemming and has no rank
 * of its own, so the rank is counted the same way by hand: a word in the headline weighs 3, in a
 * context's name 2, in the summary 1. Ties go to the newest event.
 */
public final class EventSearch {
    private static final String NEWEST = "e.published DESC, e.id DESC";
    private static final String PG_TERM = "plainto_tsquery('english', ?)";

    private final Database db;
    private final boolean postgres;

    public EventSearch(Database db) {
        this.db = db;
        this.postgres = db.isPostgres();
    }

    /** The matching events, best first, from the {@code offset}-th. */
    public List<Event> search(SearchQuery query, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = postgres ? postgres(query, params) : h2(query, params);
        sql += " OFFSET " + Math.max(offset, 0) + " ROWS FETCH FIRST " + Math.max(limit, 0) + " ROWS ONLY";
        String statement = sql;
        return db.read(c -> EventRows.load(c, statement, params.toArray()));
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

    private static String h2(SearchQuery query, List<Object> params) {
        // Each term's full-text lookup runs once, as a derived table: hits in an event's own text
        // weigh 1 and in a context's name 2; an event must be hit by every term. A term in the
        // headline adds 2 more, checked only on the events that matched.
        StringBuilder hits = new StringBuilder();
        StringBuilder headline = new StringBuilder("0");
        List<Object> rankParams = new ArrayList<>();
        int i = 0;
        for (String term : query.terms()) {
            hits.append(i == 0 ? "" : " UNION ALL ").append("SELECT CASE WHEN f.\"TABLE\" = 'EVENT' THEN ")
                    .append("CAST(f.KEYS[1] AS VARCHAR) ELSE ec.event_id END AS id, ").append(i).append(" AS term, ")
                    .append("CASE WHEN f.\"TABLE\" = 'EVENT' THEN 1 ELSE 2 END AS w FROM FT_SEARCH_DATA(?, 0, 0) f ")
                    .append("LEFT JOIN event_context ec ON f.\"TABLE\" = 'CONTEXT' AND ec.context_slug = CAST(f.KEYS[1] AS VARCHAR) ")
                    .append("WHERE f.\"TABLE\" = 'EVENT' OR ec.event_id IS NOT NULL");
            params.add(term);
            headline.append(" + CASE WHEN REGEXP_LIKE(e.headline, ?, 'i') THEN 2 ELSE 0 END");
            rankParams.add("(?<![\\p{L}\\p{N}])" + term + "(?![\\p{L}\\p{N}])");
            i++;
        }
        List<Object> ordered = new ArrayList<>(rankParams);
        ordered.addAll(params);
        params.clear();
        params.addAll(ordered);
        return "SELECT " + EventRows.COLUMNS + ", r.w + " + headline + " AS rank FROM (SELECT h.id, SUM(h.w) AS w FROM ("
                + hits + ") h GROUP BY h.id HAVING COUNT(DISTINCT h.term) = " + query.terms().size()
                + ") r JOIN event e ON e.id = r.id ORDER BY rank DESC, " + NEWEST;
    }
}
