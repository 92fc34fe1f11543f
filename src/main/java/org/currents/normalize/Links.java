package org.currents.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.currents.event.ArticleUrls;

/** Resolves and canonicalizes the URLs feeds give, keeping only http(s) ones. */
final class Links {
    private static final int MAX_LENGTH = 2048;

    private Links() {
    }

    /** {@code href} resolved against {@code base}; null unless the result is an absolute http(s) URL. */
    static String absolute(String href, String base) {
        if (href == null || href.isBlank() || href.length() > MAX_LENGTH) {
            return null;
        }
        String h = href.strip();
        if (base == null && h.indexOf(':') < 0) {
            return null; // no scheme, so relative, and nothing to resolve it against (most guids)
        }
        try {
            URI uri = new URI(h);
            if (!uri.isAbsolute() && base != null) {
                uri = new URI(base.strip()).resolve(uri);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The form two reports of one article share: lower-case scheme and host, no default port,
     * no fragment, no tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}).
     */
    static String canonical(String absolute) {
        if (absolute == null) {
            return null;
        }
        try {
            URI u = new URI(absolute);
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
                port = -1;
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            StringBuilder out = new StringBuilder(scheme).append("://").append(u.getHost().toLowerCase(Locale.ROOT));
            if (port != -1) {
                out.append(':').append(port);
            }
            out.append(path);
            String query = ArticleUrls.cleanQuery(u.getRawQuery());
            if (!query.isEmpty()) {
                out.append('?').append(query);
            }
            return out.toString();
        } catch (URISyntaxException | RuntimeException e) {
            return absolute;
        }
    }
}
