package org.currents.poll;

import java.time.Instant;

/**
 * How one poll of one source ended. {@code status} is the source's new status ({@code ok},
 * {@code not_modified}, {@code error}, {@code disabled}, or {@code skipped} when the source was
 * gone or disabled before the poll ran); {@code error} is the operator-facing message or null.
 */
public record PollOutcome(long sourceId, String status, int httpStatus, int created, int updated, String error,
                          Instant nextPoll) {

    public boolean failed() {
        return "error".equals(status) || "disabled".equals(status);
    }
}
