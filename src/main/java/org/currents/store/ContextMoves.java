package org.currents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The SQL of moving a context's events to another context, for renames and merges, inside their transaction. */
final class ContextMoves {
    private ContextMoves() {
    }

    /** Moves every event of {@code from} to {@code to}, removes {@code from}, and leaves an alias behind. */
    static void move(Connection c, String from, String to) throws SQLException {
        // Events in both keep their place in 'to'; the rest move over.
        update(c, "DELETE FROM event_context WHERE context_slug = ? AND event_id IN "
                + "(SELECT event_id FROM event_context WHERE context_slug = ?)", from, to);
        update(c, "UPDATE event_context SET context_slug = ? WHERE context_slug = ?", to, from);
        update(c, "UPDATE event SET story_slug = ? WHERE story_slug = ?", to, from);
        update(c, "DELETE FROM context WHERE slug = ?", from);
        update(c, "UPDATE context_alias SET new_slug = ? WHERE new_slug = ?", to, from);
        update(c, "DELETE FROM context_alias WHERE old_slug = ?", to);
        update(c, "INSERT INTO context_alias (old_slug, new_slug) VALUES (?, ?)", from, to);
    }

    static boolean exists(Connection c, String slug) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM context WHERE slug = ?")) {
            st.setString(1, slug);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    static String alias(Connection c, String slug) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT new_slug FROM context_alias WHERE old_slug = ?")) {
            st.setString(1, slug);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            Sql.bind(st, params);
            return st.executeUpdate();
        }
    }
}
