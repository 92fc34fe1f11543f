package org.currents.config;

/** The database: a JDBC URL (H2 file by default, PostgreSQL for a cluster) and credentials. */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize) {
    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
