package org.currents.config;

import java.net.URI;

/**
 * The web server: where it listens, and the public base URL every published link starts with
 * ({@code site.url}); null means {@code http://localhost:<port>/} once the port is known.
 */
public record ServerSettings(String host, int port, URI siteUrl) {
}
