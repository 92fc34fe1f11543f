package org.currents.source;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where this instance publishes: its base URL ({@code site.url}, or {@code http://localhost:<port>/})
 * and the port it listens on. A feed there is its own: taken as a source, Currents would poll its
 * own events back in as new ones.
 */
public record OwnSite(URI baseUri, int port) {

    /** Why {@code url} is this instance's own feed, or null when it is not. */
    public String refusal(String url) {
        String base = SourceUrls.key(baseUri.toString());
        String key = SourceUrls.key(url);
        if (key.equals(base) || key.startsWith(base + "/") || key.startsWith(base + "?")) {
            return url + " is this instance's own feed (it publishes under " + baseUri + "); taken as a source it "
                    + "would poll its own events back in";
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        if (uri.getHost() == null || port <= 0 || effectivePort(uri) != port || !isThisMachine(uri.getHost())) {
            return null;
        }
        return url + " is this instance's own address (this machine, port " + port + "); taken as a source it would "
                + "poll its own events back in";
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Loopback, the wildcard address, localhost, or an address of one of this machine's interfaces; no DNS. */
    private static boolean isThisMachine(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(h);
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
