package org.currents.config;

import java.time.Duration;

/**
 * Scheduling: the default poll interval and the bounds adaptive intervals stay within, the
 * longest backoff after errors, how long a source may fail before it is disabled, and how many
 * polls run at once.
 */
public record PollSettings(
        Duration defaultInterval,
        Duration minInterval,
        Duration maxInterval,
        Duration maxBackoff,
        Duration disableAfter,
        int threads) {
}
