package org.currents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Runs SQL with positional parameters: binds values (instants as UTC timestamps), reads rows, sends batches. */
final class Sql {
    private Sql() {
    }

    /** "?, ?, ?" for an IN list of {@code n} values. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                st.setNull(i + 1, Types.NULL);
            } else if (p instanceof Instant t) {
                st.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            } else {
                st.setObject(i + 1, p);
            }
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            return st.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.read(rs));
                }
                return out;
            }
        }
    }

    /** One statement, many parameter rows, sent as one JDBC batch; nothing is sent for no rows. */
    static void batch(Connection c, String sql, Collection<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (Object[] r : rows) {
                bind(st, r);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Reads one row of a result set into a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
