package org.currents.event;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The form reports of one article share however it was linked: scheme and a leading
 * {@code www.} dropped, host lower-cased, default port, fragment, tracking parameters
 * ({@code utm_*}, {@code fbclid}, {@code gclid}) and a trailing slash removed:
 * {@code example.org/a/b?id=1}.
 */
public final class ArticleUrls {
    private ArticleUrls() {
    }

    /** The article key of an absolute http(s) URL; null for anything else. */
    public static String key(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                return null;
            }
            String host = u.getHost().toLowerCase(Locale.ROOT);
            host = host.startsWith("www.") ? host.substring(4) : host;
            int port = u.getPort();
            StringBuilder out = new StringBuilder(host);
            if (port != -1 && port != 80 && port != 443) {
                out.append(':').append(port);
            }
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            out.append(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
            String query = cleanQuery(u.getRawQuery());
            if (!query.isEmpty()) {
                out.append('?').append(query);
            }
            return out.toString();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The query without tracking parameters. */
    public static String cleanQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String part : raw.split("&")) {
            String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.startsWith("utm_") && !name.equals("fbclid") && !name.equals("gclid")) {
                kept.add(part);
            }
        }
        return String.join("&", kept);
    }
}
