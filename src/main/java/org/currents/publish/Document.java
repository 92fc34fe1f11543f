package org.currents.publish;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A published resource: its content type (with charset), validators computed without rendering,
 * how long caches may keep it, and the body, rendered only when asked, so a conditional request
 * answered 304 costs no render.
 */
public record Document(String contentType, String etag, Instant lastModified, String cacheControl, Supplier<byte[]> body) {
    /** What a document that may change any minute allows caches: a minute. */
    public static final String CHANGING = "public, max-age=60";

    public Document {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(cacheControl, "cacheControl");
        Objects.requireNonNull(body, "body");
    }

    public Document(String contentType, String etag, Instant lastModified, Supplier<byte[]> body) {
        this(contentType, etag, lastModified, CHANGING, body);
    }
}
