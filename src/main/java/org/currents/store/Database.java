package org.currents.store;

import org.currents.config.StoreSettings;

/** The connection pool to the H2 or PostgreSQL database, migrated to the current schema when opened. */
public final class Database implements AutoCloseable {
    public static Database open(StoreSettings settings) {
        throw new UnsupportedOperationException("pending");
    }

    @Override
    public void close() {
    }
}
