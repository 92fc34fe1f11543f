package org.currents.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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

    /**
     * Why every request to the http(s) {@code url} would be refused, or null: a bad URL, or a host
     * the guard refuses that is known without asking DNS (an address literal, {@code localhost}).
     * Host names are judged where they are resolved, at every request.
     */
    static String refusal(URI url, AddressGuard guard) {
        String problem = problem(url);
        if (problem != null) {
            return url + " " + problem;
        }
        String host = url.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (guard.allowsHost(bare)) {
            return null;
        }
        String lower = bare.toLowerCase(Locale.ROOT);
        boolean local = lower.equals("localhost") || lower.endsWith(".localhost");
        if (!local && !AddressRange.isAddress(bare)) {
            return null;
        }
        try {
            InetAddress address = local ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bare);
            if (!guard.allows(address)) {
                return host + " is a private, loopback or reserved address, which the address guard refuses at every "
                        + "fetch (allow it with fetch.allow)";
            }
        } catch (UnknownHostException e) {
            return url + " has an address that cannot be read";
        }
        return null;
    }
}
