package org.currents.fetch;

import java.net.URI;
import java.time.Instant;

/** How a fetch ended: a body, "not modified", or a failure. Expected outcomes, so values. */
public sealed interface FetchResult {

    /** The URL asked for. */
    URI url();

    /**
     * A body. {@code movedTo} is the target of a permanent redirect (301, 308) met on the way,
     * which the source's stored URL should become; null if there was none.
     */
    record Fetched(URI url, int status, byte[] body, String contentType, String etag, String lastModified,
                   URI movedTo) implements FetchResult {
    }

    /** A 304: nothing changed since the validators were given. */
    record NotModified(URI url, URI movedTo) implements FetchResult {
    }

    /**
     * A failure, with a message fit for an operator (it names the URL and what went wrong).
     * {@code httpStatus} is 0 when no response was read; {@code retryAfter} is when the server
     * asked to be tried again (429/503 Retry-After), else null.
     */
    record Failed(URI url, FailureKind kind, int httpStatus, String message, Instant retryAfter)
            implements FetchResult {
    }

    enum FailureKind {
        /** 410: the feed is gone for good; the source should be disabled. */
        GONE,
        /** 429 or 503 with or without Retry-After. */
        RATE_LIMITED,
        /** Any other 4xx/5xx. */
        HTTP_ERROR,
        TIMEOUT,
        TOO_LARGE,
        /** The address guard refused the host (private, loopback, metadata...). */
        ADDRESS_REFUSED,
        REDIRECT_LOOP,
        TOO_MANY_REDIRECTS,
        /** A scheme we do not fetch, or a file outside the allowed directories. */
        NOT_ALLOWED,
        NETWORK
    }
}
