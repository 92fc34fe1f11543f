package org.currents.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.currents.store.ContextStore;
import org.currents.store.SourceStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The API under {@code /api}: sources with their poll status and contexts with their counts, as JSON. */
final class ApiHandler extends Handler.Abstract.NonBlocking {
    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
    private static final Pattern SOURCE = Pattern.compile("/api/sources/(\\d{1,18})");

    private final SourceStore sources;
    private final ContextStore contexts;
    private final ObjectMapper mapper;
    private final ApiJson json;

    ApiHandler(SourceStore sources, ContextStore contexts, ObjectMapper mapper) {
        this.sources = sources;
        this.contexts = contexts;
        this.mapper = mapper;
        this.json = new ApiJson(mapper);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return false;
        }
        try {
            JsonNode body = route(request.getMethod(), path);
            send(response, callback, HttpStatus.OK_200, body);
        } catch (ApiError e) {
            send(response, callback, e.status(), json.error(e.getMessage(), e.field()));
        } catch (RuntimeException e) {
            log.error("API request {} {} failed", request.getMethod(), path, e);
            send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, json.error("internal error; it is logged", null));
        }
        return true;
    }

    private JsonNode route(String method, String path) {
        boolean get = HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method);
        if (path.equals("/api/sources")) {
            requireGet(get, method);
            ArrayNode list = mapper.createArrayNode();
            sources.all().forEach(s -> list.add(json.source(s)));
            return list;
        }
        Matcher m = SOURCE.matcher(path);
        if (m.matches()) {
            requireGet(get, method);
            long id = Long.parseLong(m.group(1));
            return json.source(sources.find(id).orElseThrow(() -> new ApiError(404, "no source " + id, "id")));
        }
        if (path.equals("/api/contexts")) {
            requireGet(get, method);
            ArrayNode list = mapper.createArrayNode();
            contexts.all().forEach(c -> list.add(json.context(c)));
            return list;
        }
        throw new ApiError(404, "no API route " + path, null);
    }

    private static void requireGet(boolean get, String method) {
        if (!get) {
            throw new ApiError(405, method + " is not supported here", null);
        }
    }

    private void send(Response response, Callback callback, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write API response", e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
