package org.currents.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.ContextSummary;

/** Contexts with their counts and versions. */
public final class ContextStore {
    private static final String SUMMARY = "SELECT x.slug, x.name, x.kind, x.version, x.updated, x.hidden, "
            + "(SELECT COUNT(*) FROM event_context ec WHERE ec.context_slug = x.slug) AS events FROM context x";

    private final Database db;

    public ContextStore(Database db) {
        this.db = db;
    }

    /** Every context with at least one event, hidden ones included, by name. */
    public List<ContextSummary> all() {
        return query(SUMMARY + " ORDER BY x.name, x.slug").stream().filter(s -> s.eventCount() > 0).toList();
    }

    public Optional<ContextSummary> find(String slug) {
        return query(SUMMARY + " WHERE x.slug = ?", slug).stream().filter(s -> s.eventCount() > 0).findFirst();
    }

    /**
     * The stamp of a context's feed and page: it moves whenever anything they show changes, an
     * event in the context or an event related to one of them (which shares a context with it,
     * so moves that context).
     */
    public Stamp feedStamp(String slug) {
        return stamp("SELECT MAX(x.version), MAX(x.updated) FROM context x WHERE x.slug IN "
                + "(SELECT ec2.context_slug FROM event_context ec2 WHERE ec2.event_id IN "
                + "(SELECT ec.event_id FROM event_context ec WHERE ec.context_slug = ?))", slug);
    }

    /** The stamp of an event's page: the newest of its contexts (its related events come from them). */
    public Stamp stampOf(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return new Stamp(0, null);
        }
        return stamp("SELECT MAX(x.version), MAX(x.updated) FROM context x WHERE x.slug IN (" + Sql.marks(slugs.size())
                + ")", slugs.toArray());
    }

    private Stamp stamp(String sql, Object... params) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                Sql.bind(st, params);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    OffsetDateTime updated = rs.getObject(2, OffsetDateTime.class);
                    return new Stamp(rs.getLong(1), updated == null ? null : updated.toInstant());
                }
            }
        });
    }

    /** Hides a context from listings and the OPML catalogue (its feed still answers), or shows it again. */
    public boolean setHidden(String slug, boolean hidden) {
        return db.inTransaction(c -> {
            // The home page and the catalogue list visible contexts: they change with this.
            Versions.next(c);
            try (PreparedStatement st = c.prepareStatement("UPDATE context SET hidden = ? WHERE slug = ?")) {
                st.setBoolean(1, hidden);
                st.setString(2, slug);
                return st.executeUpdate() > 0;
            }
        });
    }

    /** Renames a context: a new name, and a new slug when given; the old slug redirects to the new one. */
    public ContextSummary rename(String slug, String newName, String newSlug) {
        return db.inTransaction(c -> {
            ContextSummary old = require(c, slug);
            String target = newSlug == null ? slug : newSlug;
            String name = newName == null ? old.context().name() : newName;
            long v = Versions.next(c);
            if (target.equals(slug)) {
                Sql.update(c, "UPDATE context SET name = ?, version = ?, updated = CURRENT_TIMESTAMP WHERE slug = ?",
                        name, v, slug);
            } else {
                if (ContextMoves.exists(c, target)) {
                    throw new IllegalArgumentException("a context with slug '" + target + "' exists; merge into it instead");
                }
                Sql.update(c, "INSERT INTO context (slug, name, kind, version, updated, hidden) "
                        + "SELECT ?, ?, kind, ?, CURRENT_TIMESTAMP, hidden FROM context WHERE slug = ?", target, name, v, slug);
                ContextMoves.move(c, slug, target);
            }
            return summaries(c, SUMMARY + " WHERE x.slug = ?", target).get(0);
        });
    }

    /** Files every event of {@code slug} under {@code into} as well, then removes {@code slug}, which redirects to {@code into}. */
    public ContextSummary merge(String slug, String into) {
        if (slug.equals(into)) {
            throw new IllegalArgumentException("a context cannot be merged into itself");
        }
        return db.inTransaction(c -> {
            require(c, slug);
            require(c, into);
            long v = Versions.next(c);
            Sql.update(c, "UPDATE context SET version = ?, updated = CURRENT_TIMESTAMP WHERE slug = ?", v, into);
            // The events that join 'into' join it now: after its archive pages, which stay as they were.
            Sql.update(c, "UPDATE event_context SET arrival = ? WHERE context_slug = ?", v, slug);
            ContextMoves.move(c, slug, into);
            return summaries(c, SUMMARY + " WHERE x.slug = ?", into).get(0);
        });
    }

    /** Where an old (renamed or merged) slug lives now, following chains of renames. */
    public Optional<String> aliasOf(String slug) {
        return db.read(c -> {
            String current = slug;
            for (int hops = 0; hops < 16; hops++) {
                String next = ContextMoves.alias(c, current);
                if (next == null) {
                    return current.equals(slug) ? Optional.<String>empty() : Optional.of(current);
                }
                current = next;
            }
            return Optional.of(current);
        });
    }

    private ContextSummary require(java.sql.Connection c, String slug) throws SQLException {
        List<ContextSummary> found = summaries(c, SUMMARY + " WHERE x.slug = ?", slug);
        if (found.isEmpty()) {
            throw new java.util.NoSuchElementException("no context '" + slug + "'");
        }
        return found.get(0);
    }

    private List<ContextSummary> query(String sql, Object... params) {
        return db.read(c -> summaries(c, sql, params));
    }

    private static List<ContextSummary> summaries(java.sql.Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            Sql.bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                List<ContextSummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(summary(rs));
                }
                return out;
            }
        }
    }

    private static ContextSummary summary(ResultSet rs) throws SQLException {
        Context context = new Context(rs.getString("slug"), rs.getString("name"), ContextKind.valueOf(rs.getString("kind")));
        return new ContextSummary(context, rs.getInt("events"), Columns.instant(rs, "updated"), rs.getLong("version"),
                rs.getBoolean("hidden"));
    }
}
