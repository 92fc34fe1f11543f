package org.currents.publish;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A published resource: its content type (with charset), validators computed without rendering,
 * and the body, rendered only when asked, so a conditional request answered 304 costs no render.
 */
public record Document(String contentType, String etag, Instant lastModified, Supplier<byte[]> body) {
    public Document {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(body, "body");
    }
}
