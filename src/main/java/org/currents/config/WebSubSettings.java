package org.currents.config;

import java.time.Duration;

/**
 * The WebSub hub at {@code /websub}: the lease granted when none is asked for and the longest
 * one granted, and how a failed delivery is retried (attempts per change, first wait, doubled
 * after each failure) before the subscriber is dropped.
 */
public record WebSubSettings(Duration lease, Duration maxLease, int attempts, Duration retry) {
}
