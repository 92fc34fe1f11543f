package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.Slugs;
import org.currents.event.StoryNames;

/**
 * Writes what one ingest decided, in JDBC batches: new events under the first slug free on their
 * day, the changed parts of changed events, new identity keys and the contexts they name (created
 * when new, and given the ingest's version). The caller moves the events counter to the version.
 */
final class EventRowWriter {
    private final Connection c;
    private final long version;
    private final Instant now;
    private final Map<String, ContextKind> touched = new LinkedHashMap<>();
    private final List<Object[]> sourceRows = new ArrayList<>();
    private final List<Object[]> relisted = new ArrayList<>();
    private final List<Object[]> dropped = new ArrayList<>();
    private final List<Object[]> contextRows = new ArrayList<>();
    private final Map<String, Context> named = new LinkedHashMap<>();
    private final Map<String, ContextKind> stored = new HashMap<>();
    /** Slugs of headlines, made before the ingest lock: a new event's headline is one of its drafts'. */
    private final Map<String, String> slugs;

    EventRowWriter(Connection c, long version, Instant now, Map<String, String> slugs) {
        this.c = c;
        this.version = version;
        this.now = now;
        this.slugs = slugs;
    }

    /** Writes it all; returns the created events as stored, under their free slugs. */
    List<Event> write(Collection<Event> created, Collection<Event> changed, Map<String, Event> before,
                      Map<Long, String> keys) throws SQLException {
        List<Event> stored = withFreeSlugs(created);
        List<Object[]> eventRows = new ArrayList<>();
        for (Event e : stored) {
            eventRows.add(new Object[] {e.id(), e.date(), e.slug(), e.published(), headline(e), summary(e),
                    content(e), Columns.fit(e.link(), 2048), Columns.fit(e.coverImage(), 2048), e.storySlug(),
                    e.firstSeen(), e.updated(), version, version});
            lists(e, null);
        }
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> touches = new ArrayList<>();
        List<Object[]> cleared = new ArrayList<>();
        for (Event e : changed) {
            Event old = before.get(e.id());
            int sourceRows = this.sourceRows.size() + relisted.size() + dropped.size();
            if (!lists(e, old)) {
                cleared.add(new Object[] {e.id()});
            }
            if (!sameText(old, e)) {
                updates.add(new Object[] {headline(e), summary(e), content(e), Columns.fit(e.link(), 2048),
                        Columns.fit(e.coverImage(), 2048), e.storySlug(), e.updated(), version, e.id()});
            } else if (this.sourceRows.size() + relisted.size() + dropped.size() == sourceRows) {
                // Only its contexts changed: the row keeps its text, and only its stamps move. (A
                // report that joined says so in its own source row, and the row is left alone.)
                touches.add(new Object[] {e.updated(), version, e.id()});
            }
        }
        ensureContexts();
        Sql.batch(c, "INSERT INTO event (id, event_day, slug, published, headline, summary, content_html, link, "
                + "cover_image, story_slug, first_seen, updated, seq, arrival) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                eventRows);
        Sql.batch(c, "UPDATE event SET headline = ?, summary = ?, content_html = ?, link = ?, cover_image = ?, "
                + "story_slug = ?, updated = ?, seq = ? WHERE id = ?", updates);
        Sql.batch(c, "UPDATE event SET updated = ?, seq = ? WHERE id = ?", touches);
        Map<String, Long> arrivals = arrivals(cleared);
        Sql.batch(c, "UPDATE event_source SET source_id = ?, outlet = ?, article_url = ?, feed_url = ?, headline = ?, "
                + "reported = ?, item_key = ?, written = ?, seq = ? WHERE event_id = ? AND position = ?", relisted);
        Sql.batch(c, "DELETE FROM event_source WHERE event_id = ? AND position = ?", dropped);
        Sql.batch(c, "DELETE FROM event_context WHERE event_id = ?", cleared);
        for (Object[] row : contextRows) {
            row[3] = arrivals.getOrDefault(row[0] + " " + row[1], version);
        }
        Sql.batch(c, "INSERT INTO event_source (event_id, position, source_id, outlet, article_url, feed_url, headline, "
                + "reported, item_key, merge_score, merge_reasons, written, seq, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sourceRows);
        Sql.batch(c, "INSERT INTO event_context (event_id, context_slug, position, arrival) VALUES (?, ?, ?, ?)",
                contextRows);
        List<Object[]> keyRows = new ArrayList<>();
        keys.forEach((k, id) -> keyRows.add(new Object[] {k, id}));
        Sql.batch(c, "INSERT INTO event_key (key_hash, event_id) VALUES (?, ?)", keyRows);
        stampContexts();
        return stored;
    }

    /**
     * Queues the rows of the event's sources and contexts that are new or changed since {@code old};
     * returns false when its context rows must be deleted first (a context's kind changed: the list
     * is no longer {@code old}'s with more at its end). A report listed again at its position keeps
     * the merge note and summary it was listed with ({@link org.currents.match.EventMerger}): only
     * what its feed says of it is rewritten, so an {@code old} read without those (as
     * {@link RecentEvents} keeps events) never writes them away. A position another report now
     * holds (a split) is written anew.
     */
    private boolean lists(Event e, Event old) {
        for (Context x : e.contexts()) {
            touched.merge(x.slug(), x.kind(), (a, b) -> a.weight() >= b.weight() ? a : b);
            named.putIfAbsent(x.slug(), x);
        }
        if (old != null) {
            old.contexts().forEach(x -> touched.putIfAbsent(x.slug(), x.kind()));
        }
        List<EventSource> was = old == null ? List.of() : old.sources();
        for (int i = 0; i < e.sources().size(); i++) {
            EventSource s = e.sources().get(i);
            if (i < was.size() && s.equals(was.get(i))) {
                continue;
            }
            if (i < was.size() && s.sameReport(was.get(i))) {
                relisted.add(new Object[] {s.sourceId(), Columns.fit(s.outlet(), 500), Columns.fit(s.articleUrl(), 2048),
                        Columns.fit(s.feedUrl(), 2048), Columns.fit(s.headline(), 500), s.published(), s.reportKey(),
                        e.updated(), version, e.id(), i});
                continue;
            }
            if (i < was.size()) {
                dropped.add(new Object[] {e.id(), i});
            }
            sourceRows.add(new Object[] {e.id(), i, s.sourceId(), Columns.fit(s.outlet(), 500),
                    Columns.fit(s.articleUrl(), 2048), Columns.fit(s.feedUrl(), 2048), Columns.fit(s.headline(), 500),
                    s.published(), s.reportKey(), s.merge() == null ? null : s.merge().score(),
                    s.merge() == null ? null : Columns.fit(s.merge().reasons(), 1000), e.updated(), version,
                    Columns.fit(s.summary(), 600)});
        }
        for (int i = e.sources().size(); i < was.size(); i++) {
            dropped.add(new Object[] {e.id(), i});
        }
        boolean appendContexts = old != null && isPrefix(old.contexts(), e.contexts());
        int firstContext = appendContexts ? old.contexts().size() : 0;
        for (int i = firstContext; i < e.contexts().size(); i++) {
            contextRows.add(new Object[] {e.id(), e.contexts().get(i).slug(), i, version});
        }
        return old == null || appendContexts;
    }

    /**
     * When the events {@code cleared} were filed under each of their contexts, by "id slug": rows
     * written again keep it, so rewriting an event's contexts does not move it between the pages
     * of a context's archives (only a context it newly joins takes this ingest's version).
     */
    private Map<String, Long> arrivals(List<Object[]> cleared) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        List<String> ids = cleared.stream().map(row -> (String) row[0]).toList();
        for (List<String> chunk : EventRows.chunks(ids)) {
            for (Map.Entry<String, Long> row : Sql.query(c, "SELECT event_id, context_slug, arrival FROM event_context "
                    + "WHERE event_id IN (" + Sql.marks(chunk.size()) + ")", rs -> Map.entry(rs.getString(1) + " "
                    + rs.getString(2), rs.getLong(3)), chunk.toArray())) {
                out.put(row.getKey(), row.getValue());
            }
        }
        return out;
    }

    private static boolean sameText(Event a, Event b) {
        return a != null && a.headline().equals(b.headline()) && a.summary().equals(b.summary())
                && a.contentHtml().equals(b.contentHtml()) && java.util.Objects.equals(a.link(), b.link())
                && java.util.Objects.equals(a.coverImage(), b.coverImage())
                && java.util.Objects.equals(a.storySlug(), b.storySlug());
    }

    private static <T> boolean isPrefix(List<T> a, List<T> b) {
        return a.size() <= b.size() && a.equals(b.subList(0, a.size()));
    }

    /** The events with the first slug (base, base-2, …) free on their day, in one query for the lot. */
    private List<Event> withFreeSlugs(Collection<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<String> taken = new HashSet<>();
        // Each event's day and first slug, looked up through the (event_day, slug) index.
        Map<String, Object[]> pairs = new LinkedHashMap<>();
        events.forEach(e -> pairs.putIfAbsent(e.date() + "/" + slugOf(e.headline()),
                new Object[] {e.date(), slugOf(e.headline())}));
        for (List<Object[]> chunk : EventRows.chunks(List.copyOf(pairs.values()))) {
            Sql.query(c, "SELECT event_day, slug FROM event WHERE (event_day, slug) IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")) + ")",
                    rs -> taken.add(rs.getObject(1, LocalDate.class) + "/" + rs.getString(2)),
                    chunk.stream().flatMap(Arrays::stream).toArray());
        }
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            String base = slugOf(e.headline());
            String slug = base;
            for (int n = 2; taken.contains(e.date() + "/" + slug) || n > 2 && exists(e.date(), slug); n++) {
                slug = base + "-" + n;
            }
            taken.add(e.date() + "/" + slug);
            out.add(new Event(e.id(), slug, e.published(), e.headline(), e.summary(), e.contentHtml(), e.link(),
                    e.coverImage(), e.sources(), e.contexts(), e.storySlug(), e.firstSeen(), e.updated()));
        }
        return out;
    }

    private String slugOf(String headline) {
        String slug = slugs.get(headline);
        return slug != null ? slug : Slugs.of(headline);
    }

    private boolean exists(LocalDate day, String slug) throws SQLException {
        return !Sql.query(c, "SELECT 1 FROM event WHERE event_day = ? AND slug = ?", rs -> true, day, slug).isEmpty();
    }

    /** Creates the contexts the events name that do not exist yet, with the strongest kind they were seen as. */
    private void ensureContexts() throws SQLException {
        if (touched.isEmpty()) {
            return;
        }
        stored.putAll(kinds(touched.keySet()));
        List<Object[]> rows = new ArrayList<>();
        for (Context x : named.values()) {
            if (!stored.containsKey(x.slug())) {
                ContextKind kind = touched.get(x.slug());
                rows.add(new Object[] {x.slug(), Columns.fit(x.name(), 500), kind.name(), version, now});
                stored.put(x.slug(), kind);
            }
        }
        Sql.batch(c, "INSERT INTO context (slug, name, kind, version, updated, hidden) VALUES (?, ?, ?, ?, ?, FALSE)",
                rows);
    }

    /**
     * Every context the ingest touched gets its version; one seen as a stronger kind than stored
     * is upgraded, and a subject with a story's name that recurs over days becomes a story.
     */
    private void stampContexts() throws SQLException {
        promoteRecurringStories();
        List<Object[]> rows = new ArrayList<>();
        touched.forEach((slug, kind) -> {
            ContextKind old = stored.getOrDefault(slug, kind);
            rows.add(new Object[] {version, now, (old.weight() >= kind.weight() ? old : kind).name(), slug});
        });
        Sql.batch(c, "UPDATE context SET version = ?, updated = ?, kind = ? WHERE slug = ?", rows);
    }

    private void promoteRecurringStories() throws SQLException {
        List<String> candidates = new ArrayList<>();
        touched.forEach((slug, kind) -> {
            Context c = named.get(slug);
            if (kind == ContextKind.SUBJECT && stored.get(slug) == ContextKind.SUBJECT && c != null
                    && StoryNames.isStoryLike(c.name())) {
                candidates.add(slug);
            }
        });
        for (List<String> chunk : EventRows.chunks(candidates)) {
            Sql.query(c, "SELECT ec.context_slug, COUNT(*), COUNT(DISTINCT e.event_day) FROM event_context ec JOIN event e "
                    + "ON e.id = ec.event_id WHERE ec.context_slug IN (" + Sql.marks(chunk.size()) + ") "
                    + "GROUP BY ec.context_slug", rs -> {
                        // Rows of this ingest are counted too: they were written before the stamp.
                        if (rs.getInt(2) >= StoryNames.MIN_EVENTS && rs.getInt(3) >= StoryNames.MIN_DAYS) {
                            touched.put(rs.getString(1), ContextKind.STORY);
                        }
                        return null;
                    }, chunk.toArray());
        }
    }

    private Map<String, ContextKind> kinds(Collection<String> slugs) throws SQLException {
        Map<String, ContextKind> out = new HashMap<>();
        for (List<String> chunk : EventRows.chunks(List.copyOf(slugs))) {
            Sql.query(c, "SELECT slug, kind FROM context WHERE slug IN (" + Sql.marks(chunk.size()) + ")",
                    rs -> out.put(rs.getString(1), ContextKind.valueOf(rs.getString(2))), chunk.toArray());
        }
        return out;
    }

    private static String headline(Event e) {
        return Columns.fit(e.headline(), 2000);
    }

    private static String summary(Event e) {
        return Columns.fit(e.summary(), 10_000);
    }

    private static String content(Event e) {
        return Columns.fit(e.contentHtml(), 1_000_000);
    }
}
