package org.currents.store;

import com.zaxxer.hikari.HikariConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A real database whose statements are counted as the driver runs them: every execute,
 * executeQuery, executeUpdate and executeBatch on any statement of any pooled connection.
 */
public final class CountingDatabase {
    private final AtomicLong statements = new AtomicLong();
    private final Database database;

    public CountingDatabase(org.currents.config.StoreSettings settings) {
        String h2Url = settings.jdbcUrl();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(h2Url);
        h2.setUser(settings.user());
        h2.setPassword(settings.password());
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4);
        config.setDataSource((javax.sql.DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (p, m, args) -> {
                    Object r = invoke(h2, m, args);
                    return r instanceof Connection c ? counted(c, Connection.class) : r;
                }));
        this.database = Database.open(config, h2Url);
    }

    public Database database() {
        return database;
    }

    /** Statements run since the last call. */
    public long take() {
        return statements.getAndSet(0);
    }

    @SuppressWarnings("unchecked")
    private <T> T counted(T target, Class<T> type) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            Object r = invoke(target, m, args);
            if (r instanceof java.sql.CallableStatement s) {
                return counted(s, java.sql.CallableStatement.class);
            }
            if (r instanceof java.sql.PreparedStatement s) {
                return counted(s, java.sql.PreparedStatement.class);
            }
            return r instanceof Statement s ? counted(s, Statement.class) : r;
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
