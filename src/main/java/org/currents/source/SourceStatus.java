package org.currents.source;

import java.time.Instant;

/**
 * What the last polls of a source did: HTTP validators for the next conditional request, when it
 * ran and runs next, and how it ended. {@code lastStatus} is one of {@code never}, {@code ok},
 * {@code not_modified}, {@code error}, {@code disabled}, or {@code pushed} (its hub sent the feed; WebSub). {@code failingSince} is the start of
 * the current run of errors, null when the last poll succeeded.
 */
public record SourceStatus(
        String etag,
        String lastModified,
        Instant lastPolled,
        Instant nextPoll,
        String lastStatus,
        int lastHttpStatus,
        int itemsNew,
        int itemsUpdated,
        int consecutiveErrors,
        Instant failingSince,
        String lastError) {

    public static final SourceStatus NEVER_POLLED =
            new SourceStatus(null, null, null, null, "never", 0, 0, 0, 0, null, null);
}
