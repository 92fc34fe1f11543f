package org.currents.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.currents.config.FetchSettings;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Calls the callbacks of WebSub subscribers (verification of intent, content distribution)
 * behind the same address guard as source fetches, so a subscriber cannot make us reach inside
 * the network: no redirects followed, short timeouts, and only a little of any answer read.
 */
public final class CallbackClient implements AutoCloseable {
    /** A verification answer is a challenge we chose (64 characters); anything longer is not one. */
    private static final int MAX_ANSWER = 4096;

    private final HttpClient client;
    private final AddressGuard guard;
    private final Duration timeout;

    public CallbackClient(FetchSettings settings) {
        this.guard = new AddressGuard(settings.allow(), settings.publicAddresses());
        this.timeout = settings.readTimeout();
        this.client = new HttpClient();
        client.setFollowRedirects(false);
        client.setConnectTimeout(settings.connectTimeout().toMillis());
        client.setIdleTimeout(settings.readTimeout().toMillis());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, settings.userAgent()));
        client.setSocketAddressResolver(new GuardedResolver(guard));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the callback HTTP client: " + e.getMessage(), e);
        }
    }

    /** What a callback answered: its status and the start of its body, or why there was no answer (status 0). */
    public record Answer(int status, String body, String failure) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Why no request to {@code url} would be allowed (not http(s), or an address the guard refuses), or null. */
    public String refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return url + " is not an http or https URL";
        }
        return HttpTarget.refusal(url, guard);
    }

    public Answer get(URI url) {
        return send(url, HttpMethod.GET, null, null, Map.of());
    }

    public Answer post(URI url, String contentType, byte[] body, Map<String, String> headers) {
        return send(url, HttpMethod.POST, contentType, body, headers);
    }

    private Answer send(URI url, HttpMethod method, String contentType, byte[] body, Map<String, String> headers) {
        String refused = refusal(url);
        if (refused != null) {
            return new Answer(0, "", refused);
        }
        Request request;
        try {
            request = client.newRequest(url).method(method).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IllegalArgumentException e) {
            return new Answer(0, "", "cannot request " + url + ": " + e.getMessage());
        }
        request.headers(h -> headers.forEach(h::put));
        if (body != null) {
            request.body(new BytesRequestContent(contentType, body));
        }
        try {
            ContentResponse response = new CompletableResponseListener(request, MAX_ANSWER).send()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new Answer(response.getStatus(), new String(response.getContent(), StandardCharsets.UTF_8), null);
        } catch (TimeoutException e) {
            request.abort(e);
            return new Answer(0, "", url + " did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Answer(0, "", url + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            return new Answer(0, "", "interrupted while calling " + url);
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the callback HTTP client: " + e.getMessage(), e);
        }
    }
}
