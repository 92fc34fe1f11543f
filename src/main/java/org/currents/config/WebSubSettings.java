package org.currents.config;

import java.net.URI;
import java.time.Duration;

/**
 * The WebSub hub at {@code /websub}: the lease granted when none is asked for and the longest
 * one granted, and how a failed delivery is retried (attempts per change, first wait, doubled
 * after each failure) before the subscriber is dropped. As a subscriber: the public base of our
 * callbacks (null: subscribe to no hub), the lease asked for, and the poll interval of a source
 * whose changes are pushed. {@code externalHub} is a hub pinged when our feeds change (or null).
 */
public record WebSubSettings(Duration lease, Duration maxLease, int attempts, Duration retry, URI callbackBase,
                             Duration subscribeLease, Duration fallbackInterval, URI externalHub) {

    /** The hub side alone: no subscribing, no external hub. */
    public WebSubSettings(Duration lease, Duration maxLease, int attempts, Duration retry) {
        this(lease, maxLease, attempts, retry, null, Duration.ofDays(10), Duration.ofHours(6), null);
    }

    /**
     * When a subscription request a hub did not accept, verify or allow is made again, and an
     * unsubscription it never confirmed is forgotten: the fallback interval, or the lease if shorter.
     */
    public Duration subscribeRetry() {
        return fallbackInterval.compareTo(subscribeLease) < 0 ? fallbackInterval : subscribeLease;
    }
}
