package org.currents.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.currents.websub.SubscriberCallback;
import org.currents.websub.WebSubHub;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /websub/callback/{token}}: where hubs reach this site as a subscriber, a GET to verify
 * intent and a POST to deliver content (size-bounded), both judged by the {@link SubscriberCallback}.
 */
final class SubscriberCallbackHandler extends Handler.Abstract {
    static final String PREFIX = "/websub/callback/";

    private final SubscriberCallback subscriber;

    SubscriberCallbackHandler(SubscriberCallback subscriber) {
        this.subscriber = subscriber;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        String token = path.substring(PREFIX.length());
        if (HttpMethod.GET.is(request.getMethod())) {
            String query = request.getHttpURI().getQuery();
            Map<String, List<String>> form;
            try {
                form = WebSubHandler.form(query == null ? "" : query);
            } catch (IllegalArgumentException e) {
                answer(response, callback, 400, "the query is not valid: " + e.getMessage());
                return true;
            }
            WebSubHub.Reply reply = subscriber.verify(token, form);
            answer(response, callback, reply.status(), reply.message());
            return true;
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
            answer(response, callback, 405, "a WebSub callback takes a hub's GET (verification) or POST (content)");
            return true;
        }
        long max = subscriber.maxBytes();
        if (request.getLength() > max) {
            UnreadBodies.closeAfterAnswer(request, response);
            answer(response, callback, 413, "the delivery is over the limit of " + max + " bytes (fetch.max-bytes)");
            return true;
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            // One byte over the limit is enough to refuse it; the rest is never read.
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            answer(response, callback, 400, "cannot read the delivery: " + e.getMessage());
            return true;
        }
        WebSubHub.Reply reply = subscriber.deliver(token, request.getHeaders().get("X-Hub-Signature"),
                request.getHeaders().get(HttpHeader.CONTENT_TYPE), body);
        answer(response, callback, reply.status(), reply.message());
        return true;
    }

    private static void answer(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // The echoed challenge is the whole body: no newline after it.
        response.write(true, ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
