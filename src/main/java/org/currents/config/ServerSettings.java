package org.currents.config;

import java.net.URI;
import java.time.Duration;

/**
 * The web server: where it listens, the public base URL every published link starts with
 * ({@code site.url}; null means {@code http://localhost:<port>/} once the port is known), the
 * memory for rendered documents and how often other nodes' changes are looked for.
 */
public record ServerSettings(String host, int port, URI siteUrl, long cacheBytes, Duration checkEvery) {
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;

    public ServerSettings(String host, int port, URI siteUrl) {
        this(host, port, siteUrl, DEFAULT_CACHE_BYTES, Duration.ofSeconds(1));
    }
}
