package org.currents.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.currents.websub.WebSubHub;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /websub}: a form-encoded hub request, size-bounded, handed to the {@link WebSubHub};
 * the answer is its status with a sentence saying why.
 */
final class WebSubHandler extends Handler.Abstract {
    static final String PATH = "/websub";
    /** Two URLs of 2,000 characters, a secret and a lease, form-encoded, fit well within this. */
    static final int MAX_BODY = 16 * 1024;

    private final WebSubHub hub;

    WebSubHandler(WebSubHub hub) {
        this.hub = hub;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            answer(response, callback, 405, "this is a WebSub hub: POST a form with hub.mode, hub.topic and hub.callback");
            return true;
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            answer(response, callback, 415, "a hub request is a form: send Content-Type application/x-www-form-urlencoded");
            return true;
        }
        byte[] body;
        try {
            body = body(request);
        } catch (IOException e) {
            answer(response, callback, 400, "cannot read the request body: " + e.getMessage());
            return true;
        }
        if (body == null) {
            UnreadBodies.closeAfterAnswer(request, response);
            answer(response, callback, 413, "the request body is over the limit of " + MAX_BODY + " bytes");
            return true;
        }
        Map<String, List<String>> form;
        try {
            form = form(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            answer(response, callback, 400, "the form is not valid application/x-www-form-urlencoded: " + e.getMessage());
            return true;
        }
        WebSubHub.Reply reply = hub.request(form);
        answer(response, callback, reply.status(), reply.message());
        return true;
    }

    /** The body, or null when it is over the limit. */
    private static byte[] body(Request request) throws IOException {
        if (request.getLength() > MAX_BODY) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static void answer(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    }
}
