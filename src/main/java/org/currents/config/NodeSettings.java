package org.currents.config;

import java.time.Duration;
import java.util.Objects;

/**
 * This node in a cluster: its name (unique among the nodes sharing a database), what it does
 * ({@code web}: serve the site and the API; {@code poll}: poll the sources), and how often it
 * checks in with the other nodes' schedulers.
 */
public record NodeSettings(String name, boolean web, boolean poll, Duration checkinInterval) {
    public NodeSettings {
        Objects.requireNonNull(name, "name");
        if (!web && !poll) {
            throw new IllegalArgumentException("a node needs at least one role");
        }
    }

    /** The roles as written in {@code node.roles}: {@code web}, {@code poll} or {@code web,poll}. */
    public String roles() {
        return web && poll ? "web,poll" : web ? "web" : "poll";
    }
}
