package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The SQL of moving a context's events to another context, for renames and merges, inside their transaction. */
final class ContextMoves {
    private ContextMoves() {
    }

    /** Moves every event of {@code from} to {@code to}, removes {@code from}, and leaves an alias behind. */
    static void move(Connection c, String from, String to) throws SQLException {
        // Events in both keep their place in 'to'; the rest move over.
        Sql.update(c, "DELETE FROM event_context WHERE context_slug = ? AND event_id IN "
                + "(SELECT event_id FROM event_context WHERE context_slug = ?)", from, to);
        Sql.update(c, "UPDATE event_context SET context_slug = ? WHERE context_slug = ?", to, from);
        Sql.update(c, "UPDATE event SET story_slug = ? WHERE story_slug = ?", to, from);
        Sql.update(c, "DELETE FROM context WHERE slug = ?", from);
        Sql.update(c, "UPDATE context_alias SET new_slug = ? WHERE new_slug = ?", to, from);
        Sql.update(c, "DELETE FROM context_alias WHERE old_slug = ?", to);
        Sql.update(c, "INSERT INTO context_alias (old_slug, new_slug) VALUES (?, ?)", from, to);
    }

    static boolean exists(Connection c, String slug) throws SQLException {
        return !Sql.query(c, "SELECT 1 FROM context WHERE slug = ?", rs -> true, slug).isEmpty();
    }

    static String alias(Connection c, String slug) throws SQLException {
        List<String> found = Sql.query(c, "SELECT new_slug FROM context_alias WHERE old_slug = ?", rs -> rs.getString(1), slug);
        return found.isEmpty() ? null : found.get(0);
    }
}
