package org.currents.config;

import java.time.Duration;

/**
 * How reports are merged into events: the time window either side of a report within which
 * events are candidates, the evidence score needed to join one, and how many events the
 * in-memory candidate index keeps.
 */
public record MatchSettings(Duration window, double threshold, int memoryEvents) {
}
