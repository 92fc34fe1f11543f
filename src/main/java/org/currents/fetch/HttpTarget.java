package org.currents.fetch;

import java.net.URI;
import java.util.Locale;

/**
 * What an http(s) URL needs before it is handed to the client, which throws on some (no host,
 * a registry-style authority such as {@code bad_host}) instead of failing the request. Checked
 * for the URL a source holds and again for every redirect target, which a server chooses.
 */
final class HttpTarget {
    private HttpTarget() {
    }

    static boolean isHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** Why {@code url} cannot be requested, to follow the URL in a message; null when it can. */
    static String problem(URI url) {
        if (!isHttp(url)) {
            return "is not an http or https URL";
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return "has no valid host name";
        }
        int port = url.getPort();
        if (port == 0 || port > 65_535) {
            return "has an impossible port " + port;
        }
        return null;
    }
}
