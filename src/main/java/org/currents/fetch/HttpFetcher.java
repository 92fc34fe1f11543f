package org.currents.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.currents.config.FetchSettings;
import org.currents.fetch.FetchResult.Failed;
import org.currents.fetch.FetchResult.FailureKind;
import org.currents.fetch.FetchResult.Fetched;
import org.currents.fetch.FetchResult.NotModified;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Fetches http(s) feeds with Jetty's client: conditional requests, gzip, redirects followed by
 * hand (each hop re-checked, loops and chains bounded), timeouts, and a body cap applied to the
 * decoded bytes as they stream in, so a compression bomb stops at the cap.
 */
final class HttpFetcher {
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
    private static final int INITIAL_BUFFER = 1 << 20;

    private final HttpClient client;
    private final FetchSettings settings;
    private final Clock clock;

    HttpFetcher(HttpClient client, FetchSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    FetchResult fetch(FetchRequest request) {
        URI url = request.url();
        Deadline deadline = Deadline.after(settings.totalTimeout());
        Set<String> seen = new HashSet<>();
        boolean permanent = true;
        for (int hop = 0; ; hop++) {
            if (!seen.add(url.toString())) {
                return failed(request.url(), FailureKind.REDIRECT_LOOP, 0, "redirect loop at " + url);
            }
            if (hop > settings.maxRedirects()) {
                return failed(request.url(), FailureKind.TOO_MANY_REDIRECTS, 0, "more than " + settings.maxRedirects()
                        + " redirects (fetch.max-redirects), last to " + url);
            }
            Exchange exchange = exchange(request, url, deadline);
            if (exchange.failure != null) {
                return exchange.failure;
            }
            try {
                int status = exchange.response.getStatus();
                if (!isRedirect(status)) {
                    return outcome(request.url(), url, exchange, permanent && hop > 0 ? url : null);
                }
                Redirect redirect = redirect(request.url(), url, exchange.response);
                if (redirect.failure != null) {
                    return redirect.failure;
                }
                permanent &= status == 301 || status == 308;
                url = redirect.target;
            } finally {
                exchange.release();
            }
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Where a redirect leads, or why it is not followed. */
    private record Redirect(URI target, Failed failure) {
    }

    private static Redirect redirect(URI asked, URI url, Response response) {
        int status = response.getStatus();
        String location = response.getHeaders().get(HttpHeader.LOCATION);
        if (location == null) {
            return new Redirect(null, failed(asked, FailureKind.HTTP_ERROR, status, url + " answered " + status
                    + " without a Location"));
        }
        URI next;
        try {
            next = url.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            return new Redirect(null, failed(asked, FailureKind.HTTP_ERROR, status, url + " redirects to a bad URL: "
                    + location));
        }
        if (!HttpTarget.isHttp(next)) {
            String scheme = next.getScheme() == null ? "scheme-less" : next.getScheme().toLowerCase(Locale.ROOT);
            return new Redirect(null, failed(asked, FailureKind.NOT_ALLOWED, status, url + " redirects to " + next
                    + ", a " + scheme + ": URL, which is never followed"));
        }
        String problem = HttpTarget.problem(next);
        if (problem != null) {
            return new Redirect(null, failed(asked, FailureKind.HTTP_ERROR, status, url + " redirects to " + next
                    + ", which " + problem));
        }
        return new Redirect(next, null);
    }

    /** The end of the chain: a body, "not modified", or a failure from the status. */
    private FetchResult outcome(URI asked, URI url, Exchange exchange, URI movedTo) {
        int status = exchange.response.getStatus();
        if (status == 304) {
            return new NotModified(asked, movedTo);
        }
        if (status >= 200 && status < 300) {
            return body(asked, exchange, movedTo);
        }
        return statusFailure(asked, url, exchange.response);
    }

    private Exchange exchange(FetchRequest original, URI url, Deadline deadline) {
        long left = deadline.remainingMillis();
        if (left == 0) {
            return Exchange.failed(timedOut(original.url(), url, deadline));
        }
        Request req;
        try {
            req = client.newRequest(url);
        } catch (IllegalArgumentException e) {
            // HttpTarget should have caught what the client refuses; this keeps fetch() from throwing if not.
            return Exchange.failed(failed(original.url(), FailureKind.NOT_ALLOWED, 0, "cannot request " + url + ": "
                    + e.getMessage()));
        }
        req.timeout(left, TimeUnit.MILLISECONDS)
                .idleTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    h.put(HttpHeader.ACCEPT, ACCEPT);
                    h.put(HttpHeader.ACCEPT_ENCODING, "gzip, deflate");
                    if (original.etag() != null) {
                        h.put(HttpHeader.IF_NONE_MATCH, original.etag());
                    }
                    if (original.lastModified() != null) {
                        h.put(HttpHeader.IF_MODIFIED_SINCE, original.lastModified());
                    }
                });
        InputStreamResponseListener listener = new InputStreamResponseListener();
        req.send(listener);
        try {
            Response response = listener.get(left, TimeUnit.MILLISECONDS);
            return new Exchange(response, listener, req, deadline, null);
        } catch (TimeoutException e) {
            req.abort(e);
            return Exchange.failed(timedOut(original.url(), url, deadline));
        } catch (ExecutionException e) {
            return Exchange.failed(failure(original.url(), url, e.getCause(), deadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            req.abort(e);
            return Exchange.failed(failed(original.url(), FailureKind.NETWORK, 0, "interrupted while fetching " + url));
        }
    }

    private static Failed timedOut(URI asked, URI url, Deadline deadline) {
        String via = asked.equals(url) ? "" : " (redirected from " + asked + ")";
        return failed(asked, FailureKind.TIMEOUT, 0, "gave up on " + url + via + " after "
                + deadline.budget().toMillis() + " ms, the limit for the whole fetch (fetch.total-timeout)");
    }

    private Failed statusFailure(URI asked, URI url, Response response) {
        int status = response.getStatus();
        if (status == 410) {
            return failed(asked, FailureKind.GONE, status, url + " is gone (410)");
        }
        if (status == 429 || status == 503) {
            return new Failed(asked, FailureKind.RATE_LIMITED, status, url + " answered " + status + " (rate limited)",
                    RetryAfter.parse(response.getHeaders().get(HttpHeader.RETRY_AFTER), clock.instant()));
        }
        return failed(asked, FailureKind.HTTP_ERROR, status, url + " answered HTTP " + status);
    }

    /** Once the deadline has passed, whatever the client reports is the deadline's doing. */
    private static Failed failure(URI asked, URI url, Throwable cause, Deadline deadline) {
        return deadline.remainingMillis() == 0 ? timedOut(asked, url, deadline) : networkFailure(asked, url, cause);
    }

    static Failed networkFailure(URI asked, URI url, Throwable cause) {
        Throwable t = cause;
        while (t != null) {
            if (t instanceof GuardedResolver.AddressRefusedException) {
                return failed(asked, FailureKind.ADDRESS_REFUSED, 0, "refused to fetch " + url + ": " + t.getMessage());
            }
            if (t instanceof TimeoutException) {
                return failed(asked, FailureKind.TIMEOUT, 0, "timed out fetching " + url + ": " + t.getMessage());
            }
            if (t instanceof UnknownHostException) {
                return failed(asked, FailureKind.NETWORK, 0, "unknown host in " + url);
            }
            if (t instanceof ConnectException) {
                return failed(asked, FailureKind.NETWORK, 0, "cannot connect to " + url + ": " + t.getMessage());
            }
            if (t instanceof BodyTooLargeException) {
                return failed(asked, FailureKind.TOO_LARGE, 0, url + ": " + t.getMessage());
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return failed(asked, FailureKind.NETWORK, 0, "cannot fetch " + url + ": " + cause);
    }

    static Failed failed(URI url, FailureKind kind, int status, String message) {
        return new Failed(url, kind, status, message, null);
    }

    private FetchResult body(URI asked, Exchange exchange, URI movedTo) {
        Response response = exchange.response;
        URI url = exchange.request.getURI();
        long max = settings.maxBodyBytes();
        long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        String encoding = response.getHeaders().get(HttpHeader.CONTENT_ENCODING);
        if (declared > max && encoding == null) {
            exchange.request.abort(new BodyTooLargeException(declared, max));
            return failed(asked, FailureKind.TOO_LARGE, response.getStatus(), url + " declares " + declared
                    + " bytes, over the limit of " + max + " (fetch.max-bytes)");
        }
        // Presize from the declared length, within reason: it is the server's word, and may pass what an int holds.
        Body body = new Body((int) Math.min(Math.max(declared, 8192), INITIAL_BUFFER));
        byte[] buffer = new byte[16 * 1024];
        InputStream raw = exchange.listener.getInputStream();
        // The client decodes gzip itself; deflate we inflate here, inside the same size cap.
        try (InputStream in = "deflate".equalsIgnoreCase(encoding == null ? "" : encoding.strip())
                ? Inflation.of(raw) : raw) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (body.size() + n > max) {
                    exchange.request.abort(new BodyTooLargeException(body.size() + n, max));
                    return failed(asked, FailureKind.TOO_LARGE, response.getStatus(), url + " sent more than " + max
                            + " bytes (after decompression; fetch.max-bytes)");
                }
                body.write(buffer, 0, n);
            }
        } catch (IOException e) {
            return failure(asked, url, e, exchange.deadline);
        }
        return new Fetched(asked, response.getStatus(), body.bytes(),
                response.getHeaders().get(HttpHeader.CONTENT_TYPE), response.getHeaders().get(HttpHeader.ETAG),
                response.getHeaders().get(HttpHeader.LAST_MODIFIED), movedTo);
    }

    /**
     * One request and its response, with the body still to be read, or the failure that ended
     * it. The request's own timeout is the time left before the deadline, so it bounds the body.
     */
    private record Exchange(Response response, InputStreamResponseListener listener, Request request, Deadline deadline,
                            Failed failure) {

        static Exchange failed(Failed failure) {
            return new Exchange(null, null, null, null, failure);
        }

        /**
         * Gives the connection back. The client holds it until the body is read or dropped, so a
         * redirect, 304 or error page left unread would stall every later fetch from the host.
         * Closing drops what is left, aborting a body that is still arriving.
         */
        void release() {
            try {
                listener.close();
            } catch (IOException e) {
                // Closing only discards buffered content; there is nothing left to report.
            }
        }
    }

    /** A body's bytes, not copied again when the declared length sized the buffer right, as it mostly does. */
    private static final class Body extends ByteArrayOutputStream {
        Body(int size) {
            super(size);
        }

        byte[] bytes() {
            return count == buf.length ? buf : toByteArray();
        }
    }

    /** Raised to abort a download that passed the body cap. */
    static final class BodyTooLargeException extends Exception {
        BodyTooLargeException(long size, long max) {
            super("body of at least " + size + " bytes, over the limit of " + max);
        }
    }
}
