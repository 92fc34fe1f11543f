package org.currents.config;

/** The admin API's bearer token; null when none is configured, and then changes are refused. */
public record AdminSettings(String token) {
}
