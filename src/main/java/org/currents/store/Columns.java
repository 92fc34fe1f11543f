package org.currents.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between Java values and portable SQL column values (UTC timestamps, nullable ints). */
final class Columns {
    private Columns() {
    }

    static void setInstant(PreparedStatement st, int i, Instant value) throws SQLException {
        if (value == null) {
            st.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            st.setObject(i, value.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setLong(PreparedStatement st, int i, Long value) throws SQLException {
        if (value == null) {
            st.setNull(i, Types.BIGINT);
        } else {
            st.setLong(i, value);
        }
    }

    /** Cuts text to what a column holds, so an oversized feed field is shortened, not a failed ingest. */
    static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
