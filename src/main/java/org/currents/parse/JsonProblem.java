package org.currents.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON text, in a sentence for the person who sent it: Jackson's message
 * without the "[Source: REDACTED ...]" it puts inside, and where the problem is.
 */
public final class JsonProblem {
    /** Jackson's "(start marker at [Source: ...; line: 1, column: 1])". */
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");

    private JsonProblem() {
    }

    /** The problem, as "Unexpected end-of-input: expected close marker for Object (opened at line 1, column 1)". */
    public static String of(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "cannot be read" : e.getOriginalMessage();
        return START_MARKER.matcher(message).replaceAll(" (opened at line $1, column $2)");
    }

    /** As {@link #of}, followed by where the parser stopped: "..., at line 1, column 2". */
    public static String located(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? of(e)
                : of(e) + ", at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
