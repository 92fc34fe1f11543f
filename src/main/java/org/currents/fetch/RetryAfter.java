package org.currents.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a Retry-After header, delay seconds or an HTTP date, into the instant to try again:
 * never before now (a date already past means now) and never more than a week on, whatever a
 * server asks; null when absent or unreadable.
 */
final class RetryAfter {
    private static final Duration LONGEST = Duration.ofDays(7);

    private RetryAfter() {
    }

    static Instant parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Instant latest = now.plus(LONGEST);
        if (v.matches("[0-9]+")) {
            String digits = v.replaceFirst("^0+(?=.)", "");
            // Too many digits for a long is still a delay, just a silly one: cap it rather than drop it.
            return digits.length() > 9 ? latest : earliest(now.plusSeconds(Long.parseLong(digits)), latest);
        }
        Instant at;
        try {
            at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
        return at.isBefore(now) ? now : earliest(at, latest);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
