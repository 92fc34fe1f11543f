package org.currents.fetch;

import java.net.URI;
import java.util.Objects;

/** What to fetch, with the validators of the last successful fetch (each may be null). */
public record FetchRequest(URI url, String etag, String lastModified) {
    public FetchRequest {
        Objects.requireNonNull(url, "url");
    }
}
