package org.currents.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Rules for feed URLs: which we poll, and when two name the same feed. */
public final class SourceUrls {
    private static final int MAX_URL = 2048;
    /** Query parameters that track a click and never choose the feed. */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid",
            "mc_cid", "mc_eid", "_ga", "_hsenc", "_hsmi", "mkt_tok");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "[0:0:0:0:0:0:0:1]");

    private SourceUrls() {
    }

    /**
     * The same for two URLs of one feed: scheme and host lower-cased, the default port dropped,
     * {@code localhost} and the loopback addresses as one, tracking parameters ({@code utm_*},
     * {@code fbclid}, ...) and the fragment dropped, a trailing slash dropped.
     */
    public static String key(String url) {
        String u = url.strip();
        try {
            URI uri = new URI(u);
            if (uri.getScheme() != null && uri.getHost() != null) {
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                String host = uri.getHost().toLowerCase(Locale.ROOT);
                host = LOOPBACK.contains(host) || host.startsWith("127.") && host.matches("[0-9.]+") ? "localhost" : host;
                int port = uri.getPort();
                boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
                String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                String query = withoutTracking(uri.getRawQuery());
                String user = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
                u = scheme + "://" + user + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
            } else if (uri.getRawFragment() != null) {
                u = u.substring(0, u.indexOf('#'));
            }
        } catch (URISyntaxException e) {
            // not a URL we can normalize; compare it as written
        }
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String withoutTracking(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty())
                .filter(p -> {
                    String name = (p.contains("=") ? p.substring(0, p.indexOf('=')) : p).toLowerCase(Locale.ROOT);
                    return !name.startsWith("utm_") && !TRACKING.contains(name);
                })
                .collect(Collectors.joining("&"));
    }

    /** Null when {@code url} is a feed URL we may poll, else why not, in words for the person who gave it. */
    public static String check(String url) {
        if (url.isEmpty()) {
            return "no feed URL given";
        }
        if (url.length() > MAX_URL) {
            return "the feed URL is longer than " + MAX_URL + " characters";
        }
        String shown = url.length() > 80 ? url.substring(0, 80) + "…" : url;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                return null;
            }
            if (scheme.isEmpty()) {
                return "'" + shown + "' is not a feed URL: it has no scheme (write http://…, https://… or file:…)";
            }
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "'" + shown + "' is not a feed URL: scheme '" + scheme + "' is not http, https or file";
            }
            if (uri.getHost() == null) {
                return "'" + shown + "' is not a feed URL: it has no host name";
            }
            return null;
        } catch (URISyntaxException e) {
            return "'" + shown + "' is not a URL (" + e.getReason().toLowerCase(Locale.ROOT) + " at character "
                    + (e.getIndex() + 1) + "); write http://…, https://… or file:…";
        }
    }
}
