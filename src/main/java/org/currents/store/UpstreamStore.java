package org.currents.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The subscriptions this site holds at its sources' WebSub hubs, one row per callback token, so
 * that they outlive a restart and any node can answer the hub or renew them
 * ({@link #claim} lets one node of a cluster send each renewal).
 */
public final class UpstreamStore {
    private static final String COLUMNS = "SELECT id, source_id, hub, topic, token, secret, state, expires, renew_at "
            + "FROM websub_upstream";

    private final Database db;

    public UpstreamStore(Database db) {
        this.db = db;
    }

    /** What a subscription is in: asked and not yet verified, verified, refused by the hub, or being ended. */
    public enum State { PENDING, ACTIVE, DENIED, UNSUBSCRIBING }

    /** A subscription at a hub: its callback token and secret, its state, its lease's end (null before one is granted). */
    public record Upstream(long id, long sourceId, String hub, String topic, String token, String secret, State state,
                           Instant expires, Instant renewAt) {
        /** Whether the hub pushes this source's changes to us at {@code now}. */
        public boolean pushing(Instant now) {
            return state == State.ACTIVE && expires != null && expires.isAfter(now);
        }
    }

    /** Records a subscription about to be asked for (pending until the hub verifies it). */
    public void add(long sourceId, String hub, String topic, String token, String secret, Instant renewAt) {
        db.write(c -> Sql.update(c, "INSERT INTO websub_upstream (source_id, hub, topic, token, secret, state, renew_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", sourceId, hub, topic, token, secret, State.PENDING.name(), renewAt));
    }

    public Optional<Upstream> byToken(String token) {
        return db.read(c -> Sql.query(c, COLUMNS + " WHERE token = ?", UpstreamStore::row, token)).stream().findFirst();
    }

    /** The source's subscriptions, the one being ended included. */
    public List<Upstream> ofSource(long sourceId) {
        return db.read(c -> Sql.query(c, COLUMNS + " WHERE source_id = ? ORDER BY id", UpstreamStore::row, sourceId));
    }

    /** Subscriptions whose next request is due at {@code now}. */
    public List<Upstream> due(Instant now) {
        return db.read(c -> Sql.query(c, COLUMNS + " WHERE renew_at <= ? ORDER BY renew_at", UpstreamStore::row, now));
    }

    /** Subscriptions of sources that are gone or disabled, not yet being ended. */
    public List<Upstream> orphaned() {
        return db.read(c -> Sql.query(c, COLUMNS + " u WHERE state <> ? AND NOT EXISTS "
                + "(SELECT 1 FROM source s WHERE s.id = u.source_id AND s.enabled)", UpstreamStore::row,
                State.UNSUBSCRIBING.name()));
    }

    /**
     * Moves a due subscription's next request to {@code next}, unless another node did first:
     * true for exactly one caller, which then sends the request.
     */
    public boolean claim(Upstream u, Instant next) {
        return db.write(c -> Sql.update(c, "UPDATE websub_upstream SET renew_at = ? WHERE id = ? AND renew_at = ?",
                next, u.id(), u.renewAt()) > 0);
    }

    /** The hub verified the subscription: active until {@code expires}, renewed at {@code renewAt}. */
    public void activate(long id, Instant expires, Instant renewAt) {
        db.write(c -> Sql.update(c, "UPDATE websub_upstream SET state = ?, expires = ?, renew_at = ? WHERE id = ?",
                State.ACTIVE.name(), expires, renewAt, id));
    }

    /** A new state (denied, unsubscribing, pending again), with when to look at it next. */
    public void mark(long id, State state, Instant renewAt) {
        db.write(c -> Sql.update(c, "UPDATE websub_upstream SET state = ?, renew_at = ? WHERE id = ?", state.name(),
                renewAt, id));
    }

    public void remove(long id) {
        db.write(c -> Sql.update(c, "DELETE FROM websub_upstream WHERE id = ?", id));
    }

    private static Upstream row(ResultSet rs) throws SQLException {
        OffsetDateTime expires = rs.getObject(8, OffsetDateTime.class);
        return new Upstream(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), State.valueOf(rs.getString(7)), expires == null ? null : expires.toInstant(),
                rs.getObject(9, OffsetDateTime.class).toInstant());
    }
}
