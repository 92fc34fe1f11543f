package org.currents.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Rules for feed URLs: which we poll, and when two name the same feed. */
public final class SourceUrls {
    private static final int MAX_URL = 2048;

    private SourceUrls() {
    }

    /** The same for two URLs of one feed: scheme and host lower-cased, a trailing slash dropped. */
    public static String key(String url) {
        String u = url.strip();
        try {
            URI uri = new URI(u);
            if (uri.getScheme() != null && uri.getHost() != null) {
                String rest = u.substring(u.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length());
                u = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + rest;
            }
        } catch (URISyntaxException e) {
            // not a URL we can normalize; compare it as written
        }
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Null when {@code url} is a feed URL we may poll, else why not. */
    public static String check(String url) {
        if (url.isEmpty()) {
            return "empty xmlUrl";
        }
        if (url.length() > MAX_URL) {
            return "xmlUrl longer than " + MAX_URL + " characters";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                return null;
            }
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "xmlUrl scheme '" + scheme + "' is not http, https or file";
            }
            if (uri.getHost() == null) {
                return "xmlUrl has no host: " + (url.length() > 80 ? url.substring(0, 80) + "…" : url);
            }
            return null;
        } catch (URISyntaxException e) {
            return "xmlUrl is not a URL: " + e.getReason();
        }
    }

}
