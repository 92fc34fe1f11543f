package org.currents.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant WEEK_ON = NOW.plus(Duration.ofDays(7));

    @Test
    void readsDelaySecondsAndHttpDates() {
        assertEquals(NOW.plusSeconds(120), RetryAfter.parse("120", NOW));
        assertEquals(NOW.plusSeconds(120), RetryAfter.parse(" 120 ", NOW));
        assertEquals(NOW.plusSeconds(120), RetryAfter.parse("0000000000120", NOW));
        assertEquals(NOW, RetryAfter.parse("0", NOW));
        assertEquals(NOW.plusSeconds(3600), RetryAfter.parse("Thu, 01 Jan 2026 01:00:00 GMT", NOW));
    }

    @Test
    void takesADateInThePastAsNow() {
        assertEquals(NOW, RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", NOW));
        assertEquals(NOW, RetryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT", NOW));
        assertEquals(NOW, RetryAfter.parse("Thu, 01 Jan 2026 00:00:00 GMT", NOW));
    }

    @Test
    void capsAbsurdDelaysAtAWeek() {
        assertEquals(WEEK_ON, RetryAfter.parse("604801", NOW));
        assertEquals(WEEK_ON, RetryAfter.parse("1000000000", NOW));
        assertEquals(WEEK_ON, RetryAfter.parse("99999999999999999999999999", NOW));
        assertEquals(WEEK_ON, RetryAfter.parse("Fri, 01 Jan 2100 00:00:00 GMT", NOW));
        assertEquals(NOW.plus(Duration.ofDays(7)).minusSeconds(1), RetryAfter.parse("604799", NOW));
    }

    @Test
    void answersNullForGarbage() {
        for (String garbage : Arrays.asList(null, "", "  ", "soon", "-5", "+5", "1.5", "12 s", "0x10",
                "Thu, 32 Jan 2026 00:00:00 GMT", "2026-01-01T01:00:00Z", "Mon, 01 Jan 2026 01:00:00 GMT")) {
            assertNull(RetryAfter.parse(garbage, NOW), garbage);
        }
    }
}
