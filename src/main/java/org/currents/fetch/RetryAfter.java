package org.currents.fetch;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header: delay seconds or an HTTP date; null when absent or unreadable. */
final class RetryAfter {
    private static final long MAX_SECONDS = 7 * 24 * 3600;

    private RetryAfter() {
    }

    static Instant parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return now.plusSeconds(Math.min(Long.parseLong(v), MAX_SECONDS));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant latest = now.plusSeconds(MAX_SECONDS);
            return at.isAfter(latest) ? latest : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
