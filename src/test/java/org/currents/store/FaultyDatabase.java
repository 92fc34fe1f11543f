package org.currents.store;

import com.zaxxer.hikari.HikariConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.currents.config.StoreSettings;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A real H2 database whose driver fails a batch when {@code fails} says so for its SQL, as a full
 * disk or a lost connection would: the transaction it is in rolls back, and nothing else changes.
 */
public final class FaultyDatabase {
    private FaultyDatabase() {
    }

    public static Database open(StoreSettings settings, Predicate<String> fails) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(settings.jdbcUrl());
        h2.setUser(settings.user());
        h2.setPassword(settings.password());
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(8);
        config.setDataSource((DataSource) Proxy.newProxyInstance(FaultyDatabase.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, args) -> {
                    Object r = invoke(h2, m, args);
                    return r instanceof Connection c ? connection(c, fails) : r;
                }));
        return Database.open(config, settings.jdbcUrl());
    }

    private static Connection connection(Connection c, Predicate<String> fails) {
        return (Connection) Proxy.newProxyInstance(FaultyDatabase.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, args) -> {
                    Object r = invoke(c, m, args);
                    if (m.getName().equals("prepareStatement") && r instanceof PreparedStatement s) {
                        String sql = (String) args[0];
                        return Proxy.newProxyInstance(FaultyDatabase.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (q, n, a) -> {
                                    if (n.getName().equals("executeBatch") && fails.test(sql)) {
                                        throw new SQLException("injected failure of " + sql);
                                    }
                                    return invoke(s, n, a);
                                });
                    }
                    return r;
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
