package org.currents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The events counter: one new value per changing transaction, shared by everything it touches. */
final class Versions {
    private Versions() {
    }

    static long next(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE counter SET counter_value = counter_value + 1 WHERE name = 'events'")) {
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("SELECT counter_value FROM counter WHERE name = 'events'");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
