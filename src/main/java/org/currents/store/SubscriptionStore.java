package org.currents.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions to this site's WebSub hub, kept in the database so that any node sharing it
 * serves them, and only one node delivers each change ({@link #claim}).
 */
public final class SubscriptionStore {
    private static final String COLUMNS = "SELECT id, topic, callback, secret, expires, delivered FROM websub_subscription";

    private final Database db;

    public SubscriptionStore(Database db) {
        this.db = db;
    }

    /** A verified subscription: its secret (null for none), when its lease ends, the ETag last delivered. */
    public record Subscription(long id, String topic, String callback, String secret, Instant expires, String delivered) {
    }

    /** Stores a verified subscription, replacing (renewing) the one of the same topic and callback. */
    public void subscribe(String topic, String callback, String secret, Instant expires, String delivered) {
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM websub_subscription WHERE topic = ? AND callback = ?", topic, callback);
            return Sql.update(c, "INSERT INTO websub_subscription (topic, callback, secret, expires, delivered) "
                    + "VALUES (?, ?, ?, ?, ?)", topic, callback, secret, expires, delivered);
        });
    }

    /** Removes the subscription of {@code callback} to {@code topic}; false when there was none. */
    public boolean unsubscribe(String topic, String callback) {
        return db.inTransaction(c -> Sql.update(c, "DELETE FROM websub_subscription WHERE topic = ? AND callback = ?",
                topic, callback) > 0);
    }

    public void remove(long id) {
        db.inTransaction(c -> Sql.update(c, "DELETE FROM websub_subscription WHERE id = ?", id));
    }

    public Optional<Subscription> find(String topic, String callback) {
        return db.read(c -> Sql.query(c, COLUMNS + " WHERE topic = ? AND callback = ?", SubscriptionStore::row,
                topic, callback)).stream().findFirst();
    }

    /** The subscriptions whose lease has not ended at {@code now}, by topic. */
    public List<Subscription> active(Instant now) {
        return db.read(c -> Sql.query(c, COLUMNS + " WHERE expires > ? ORDER BY topic, id", SubscriptionStore::row, now));
    }

    /** Forgets subscriptions whose lease ended before {@code now}; returns how many. */
    public int removeExpired(Instant now) {
        return db.write(c -> Sql.update(c, "DELETE FROM websub_subscription WHERE expires <= ?", now));
    }

    /**
     * Marks {@code etag} as delivered to a subscription unless it already was: true for exactly
     * one caller (one node) per subscription and version, which then sends it.
     */
    public boolean claim(long id, String etag) {
        return db.write(c -> Sql.update(c, "UPDATE websub_subscription SET delivered = ? WHERE id = ? AND delivered <> ?",
                etag, id, etag) > 0);
    }

    private static Subscription row(ResultSet rs) throws SQLException {
        OffsetDateTime expires = rs.getObject(5, OffsetDateTime.class);
        return new Subscription(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), expires.toInstant(),
                rs.getString(6));
    }
}
