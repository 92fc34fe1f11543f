package org.currents.fetch;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.currents.config.FetchSettings;
import org.currents.fetch.FetchResult.Failed;
import org.currents.fetch.FetchResult.FailureKind;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Fetches source feeds over HTTP(S) and from allowed local directories, within limits. Safe for
 * the poll threads to share; never throws, whatever the URL or the server does: it returns
 * {@link Failed} with a message naming the URL.
 */
public final class FeedFetcher implements AutoCloseable {
    private final HttpClient client;
    private final HttpFetcher http;
    private final FileFetcher files;
    private final Semaphore slots;
    private final AddressGuard guard;

    public FeedFetcher(FetchSettings settings, Clock clock) {
        this.client = new HttpClient();
        client.setFollowRedirects(false);
        client.setConnectTimeout(settings.connectTimeout().toMillis());
        client.setIdleTimeout(settings.readTimeout().toMillis());
        client.setMaxConnectionsPerDestination(settings.maxPerHost());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, settings.userAgent()));
        this.guard = new AddressGuard(settings.allow(), settings.publicAddresses());
        client.setSocketAddressResolver(new GuardedResolver(guard));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client: " + e.getMessage(), e);
        }
        this.http = new HttpFetcher(client, settings, clock);
        this.files = new FileFetcher(settings.fileBase(), settings.fileRoots(), settings.maxBodyBytes());
        this.slots = new Semaphore(Math.max(1, settings.maxConcurrent()));
    }

    /**
     * Why every fetch of {@code url} would be refused, or null: a scheme we do not fetch, a file
     * outside the allowed directories, or a host the address guard refuses that is known without
     * asking DNS (an address literal, {@code localhost}). Host names are judged where they are
     * resolved, at every fetch. Does no I/O beyond looking at the file system for file URLs.
     */
    public String refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return files.refusal(url);
        }
        return HttpTarget.refusal(url, guard);
    }

    public FetchResult fetch(FetchRequest request) {
        URI url = request.url();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return files.fetch(request);
        }
        if (!HttpTarget.isHttp(url)) {
            return new Failed(url, FailureKind.NOT_ALLOWED, 0, url + ": only http, https and file URLs are fetched", null);
        }
        String problem = HttpTarget.problem(url);
        if (problem != null) {
            return new Failed(url, FailureKind.NOT_ALLOWED, 0, url + " " + problem, null);
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(url, FailureKind.NETWORK, 0, "interrupted before fetching " + url, null);
        }
        try {
            return http.fetch(request);
        } finally {
            slots.release();
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the HTTP client: " + e.getMessage(), e);
        }
    }
}
