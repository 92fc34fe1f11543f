package org.currents.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.currents.parse.JsonProblem;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads and checks API request bodies: size-bounded, JSON objects with known fields of the right types. */
final class ApiRequests {
    static final int MAX_JSON = 64 * 1024;
    static final int MAX_OPML = 8 * 1024 * 1024;

    private final ObjectMapper mapper;

    ApiRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] body(Request request, int max) {
        long declared = request.getLength();
        if (declared > max) {
            throw new ApiError(413, "body of " + declared + " bytes is over the limit of " + max, null);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw new ApiError(413, "body is over the limit of " + max + " bytes", null);
            }
            return body;
        } catch (IOException e) {
            throw new ApiError(400, "cannot read the request body: " + e.getMessage(), null);
        }
    }

    /** The body as a JSON object whose fields are all in {@code allowed}. */
    JsonNode object(Request request, Set<String> allowed) {
        byte[] body = body(request, MAX_JSON);
        JsonNode node;
        try {
            node = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "not valid JSON: " + JsonProblem.located(e), null);
        } catch (IOException e) {
            throw new ApiError(400, "cannot read JSON: " + e.getMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw new ApiError(400, "the body must be a JSON object", null);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ApiError(400, "unknown field '" + name + "'; known: " + String.join(", ", allowed), name);
            }
        }
        return node;
    }

    static String text(JsonNode body, String field, int maxLength) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ApiError(400, field + " must be a string", field);
        }
        String s = v.asText().strip();
        if (s.length() > maxLength) {
            throw new ApiError(400, field + " is longer than " + maxLength + " characters", field);
        }
        return s;
    }

    static Boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new ApiError(400, field + " must be true or false", field);
        }
        return v.asBoolean();
    }

    static List<String> texts(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray() || v.size() > 50) {
            throw new ApiError(400, field + " must be an array of at most 50 strings", field);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank() || e.asText().length() > 200) {
                throw new ApiError(400, field + " must hold non-empty strings of at most 200 characters", field);
            }
            out.add(e.asText().strip());
        }
        return out;
    }

    /** An interval in seconds between 60 and 7 days; null when absent. */
    static Duration interval(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 60 || v.asLong() > 7 * 86400) {
            throw new ApiError(400, field + " must be a whole number of seconds from 60 to 604800", field);
        }
        return Duration.ofSeconds(v.asLong());
    }
}
