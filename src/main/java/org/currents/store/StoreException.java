package org.currents.store;

/** A database failure; the transaction it happened in was rolled back, so nothing stored was lost. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when a unique key was taken by a concurrent transaction (SQLSTATE 23505 in H2 and PostgreSQL). */
    public boolean isUniqueViolation() {
        return getCause() instanceof java.sql.SQLException e && "23505".equals(e.getSQLState());
    }
}
