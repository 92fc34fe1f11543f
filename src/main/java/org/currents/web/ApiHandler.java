package org.currents.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.currents.event.Event;
import org.currents.event.Slugs;
import org.currents.poll.PollOutcome;
import org.currents.poll.SourceAdmin;
import org.currents.publish.SiteLinks;
import org.currents.source.OpmlException;
import org.currents.source.Source;
import org.currents.source.SourceSpec;
import org.currents.store.ContextStore;
import org.currents.store.EventIngest;
import org.currents.store.EventSplit;
import org.currents.store.EventStore;
import org.currents.store.SourceStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API under {@code /api}: sources, OPML, contexts and a day's events as JSON. Reads are
 * public; every change needs the admin bearer token. Errors are JSON with a message and the field
 * at fault.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
    private static final Pattern SOURCE = Pattern.compile("/api/sources/(\\d{1,18})(/refresh)?");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SPLIT = Pattern.compile("/api/events/([0-9a-f]{1,40})/split");
    private static final Set<String> SPLIT_REQUEST = Set.of("source_url");
    private static final Pattern CONTEXT = Pattern.compile("/api/contexts/([a-z0-9-]{1,160})(/merge)?");
    private static final Set<String> NEW_SOURCE = Set.of("feed_url", "title", "site_url", "contexts", "interval_seconds",
            "validate");
    private static final Set<String> SOURCE_CHANGE = Set.of("title", "contexts", "interval_seconds", "enabled");
    private static final Set<String> CONTEXT_CHANGE = Set.of("name", "slug", "hidden");

    private final SourceStore sources;
    private final ContextStore contexts;
    private final EventStore events;
    private final EventIngest ingest;
    private final SiteLinks links;
    private final SourceAdmin admin;
    private final AdminAuth auth;
    private final ObjectMapper mapper;
    private final ApiJson json;
    private final ApiRequests requests;

    ApiHandler(WebServices services, SiteLinks links, AdminAuth auth, ObjectMapper mapper) {
        this.sources = services.sources();
        this.contexts = services.contexts();
        this.events = services.events();
        this.ingest = services.ingest();
        this.links = links;
        this.admin = services.admin();
        this.auth = auth;
        this.mapper = mapper;
        this.json = new ApiJson(mapper);
        this.requests = new ApiRequests(mapper);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return false;
        }
        String method = request.getMethod();
        try {
            if (path.equals("/api/opml") && (method.equals("GET") || method.equals("HEAD"))) {
                send(response, callback, 200, "text/x-opml; charset=utf-8", admin.exportOpml());
                return true;
            }
            Reply reply = route(request, method, path);
            send(response, callback, reply.status, "application/json; charset=utf-8", bytes(reply.body));
        } catch (ApiError e) {
            if (e.status() == 401) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"currents\"");
            }
            UnreadBodies.closeAfterAnswer(request, response);
            send(response, callback, e.status(), "application/json; charset=utf-8", bytes(json.error(e.getMessage(), e.field())));
        } catch (SourceAdmin.InvalidInput e) {
            send(response, callback, 400, "application/json; charset=utf-8", bytes(json.error(e.getMessage(), e.field())));
        } catch (OpmlException e) {
            send(response, callback, 400, "application/json; charset=utf-8", bytes(json.error(e.getMessage(), "opml")));
        } catch (RuntimeException e) {
            log.error("API request {} {} failed", method, path, e);
            send(response, callback, 500, "application/json; charset=utf-8",
                    bytes(json.error("internal error; it is logged", null)));
        }
        return true;
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply route(Request request, String method, String path) {
        if (path.equals("/api/sources")) {
            if (isRead(method)) {
                ArrayNode list = mapper.createArrayNode();
                sources.all().forEach(s -> list.add(json.source(s)));
                return new Reply(200, list);
            }
            requireMethod(method, "POST");
            auth.requireAdmin(request);
            return new Reply(201, json.source(addSource(requests.object(request, NEW_SOURCE))));
        }
        Matcher m = SOURCE.matcher(path);
        if (m.matches()) {
            long id = Long.parseLong(m.group(1));
            if (m.group(2) != null) {
                requireMethod(method, "POST");
                auth.requireAdmin(request);
                PollOutcome outcome = admin.refresh(id).orElseThrow(() -> noSource(id));
                ObjectNode body = json.source(sources.find(id).orElseThrow(() -> noSource(id)));
                body.put("refresh", outcome.status());
                return new Reply(200, body);
            }
            if (isRead(method)) {
                return new Reply(200, json.source(sources.find(id).orElseThrow(() -> noSource(id))));
            }
            auth.requireAdmin(request);
            if (method.equals("PATCH")) {
                JsonNode b = requests.object(request, SOURCE_CHANGE);
                boolean clearInterval = b.has("interval_seconds") && b.get("interval_seconds").isNull();
                Source changed = admin.update(id, ApiRequests.text(b, "title", 500), ApiRequests.texts(b, "contexts"),
                        ApiRequests.interval(b, "interval_seconds"), clearInterval, ApiRequests.bool(b, "enabled"))
                        .orElseThrow(() -> noSource(id));
                return new Reply(200, json.source(changed));
            }
            requireMethod(method, "DELETE");
            boolean withEvents = "delete".equals(Request.extractQueryParameters(request).getValue("events"));
            if (!admin.remove(id, withEvents)) {
                throw noSource(id);
            }
            return new Reply(200, mapper.createObjectNode().put("deleted", id));
        }
        if (path.equals("/api/opml")) {
            requireMethod(method, "POST");
            auth.requireAdmin(request);
            SourceAdmin.ImportReport report = admin.importOpml(requests.body(request, ApiRequests.MAX_OPML));
            ObjectNode body = mapper.createObjectNode().put("added", report.added()).put("merged", report.merged());
            ArrayNode skipped = body.putArray("skipped");
            report.skipped().forEach(s -> skipped.addObject().put("outline", s.text()).put("reason", s.reason()));
            return new Reply(200, body);
        }
        if (path.equals("/api/contexts")) {
            requireMethod(method, "GET");
            ArrayNode list = mapper.createArrayNode();
            contexts.all().forEach(c -> list.add(json.context(c)));
            return new Reply(200, list);
        }
        m = CONTEXT.matcher(path);
        if (m.matches()) {
            return context(request, method, m.group(1), m.group(2) != null);
        }
        if (path.equals("/api/events")) {
            if (!isRead(method)) {
                requireMethod(method, "GET");
            }
            LocalDate day = day(Request.extractQueryParameters(request).getValue("day"));
            ObjectNode body = mapper.createObjectNode().put("day", day.toString());
            ArrayNode list = body.putArray("events");
            for (Event e : events.onDay(day)) {
                list.add(json.event(e, links));
            }
            return new Reply(200, body);
        }
        m = SPLIT.matcher(path);
        if (m.matches()) {
            requireMethod(method, "POST");
            auth.requireAdmin(request);
            return split(m.group(1), requests.object(request, SPLIT_REQUEST));
        }
        throw new ApiError(404, "no API route " + path + "; see the README for the routes", null);
    }

    /** Takes a wrongly merged report out of an event into an event of its own; the split sticks on later polls. */
    private Reply split(String eventId, JsonNode body) {
        String url = ApiRequests.text(body, "source_url", 2048);
        if (url == null || url.isBlank()) {
            throw new ApiError(400, "source_url is required: the article URL of the report to split out", "source_url");
        }
        EventSplit.Result r;
        try {
            r = ingest.split(eventId, url);
        } catch (java.util.NoSuchElementException e) {
            throw new ApiError(404, e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage(), "source_url");
        }
        ObjectNode out = mapper.createObjectNode();
        out.set("event", json.event(r.original(), links));
        out.set("split", json.event(r.split(), links));
        return new Reply(200, out);
    }

    private Source addSource(JsonNode b) {
        String url = ApiRequests.text(b, "feed_url", 2048);
        if (url == null || url.isEmpty()) {
            throw new ApiError(400, "feed_url is required", "feed_url");
        }
        var contextsGiven = ApiRequests.texts(b, "contexts");
        SourceSpec spec = new SourceSpec(url, ApiRequests.text(b, "title", 500), ApiRequests.text(b, "site_url", 2048),
                contextsGiven == null ? java.util.List.of() : contextsGiven, ApiRequests.interval(b, "interval_seconds"));
        Boolean validate = ApiRequests.bool(b, "validate");
        return admin.add(spec, validate == null || validate);
    }

    private Reply context(Request request, String method, String slug, boolean merge) {
        if (isRead(method) && !merge) {
            return new Reply(200, json.context(contexts.find(slug).orElseThrow(() -> noContext(slug))));
        }
        requireMethod(method, merge ? "POST" : "PATCH");
        auth.requireAdmin(request);
        try {
            if (merge) {
                String into = ApiRequests.text(requests.object(request, Set.of("into")), "into", 160);
                if (into == null || !Slugs.isSlug(into)) {
                    throw new ApiError(400, "into must be the slug of another context", "into");
                }
                return new Reply(200, json.context(contexts.merge(slug, into)));
            }
            JsonNode b = requests.object(request, CONTEXT_CHANGE);
            String name = ApiRequests.text(b, "name", 200);
            String newSlug = ApiRequests.text(b, "slug", 160);
            if (name != null && name.isEmpty()) {
                throw new ApiError(400, "name must not be empty", "name");
            }
            if (newSlug != null && !Slugs.isSlug(newSlug)) {
                throw new ApiError(400, "slug must be lower-case letters, digits and single hyphens", "slug");
            }
            Boolean hidden = ApiRequests.bool(b, "hidden");
            contexts.find(slug).orElseThrow(() -> noContext(slug));
            String current = slug;
            if (name != null || newSlug != null) {
                current = contexts.rename(slug, name, newSlug).context().slug();
            }
            if (hidden != null) {
                contexts.setHidden(current, hidden);
            }
            String finalSlug = current;
            return new Reply(200, json.context(contexts.find(finalSlug).orElseThrow(() -> noContext(finalSlug))));
        } catch (NoSuchElementException e) {
            throw new ApiError(404, e.getMessage(), merge ? "into" : "slug");
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, e.getMessage(), "slug");
        }
    }

    private static LocalDate day(String value) {
        if (value == null || value.isEmpty()) {
            throw new ApiError(400, "day is required, as YYYY-MM-DD", "day");
        }
        try {
            if (DAY.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new ApiError(400, "day must be a date written YYYY-MM-DD", "day");
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiError(405, method + " is not supported here (try " + allowed + ")", null);
        }
    }

    private static ApiError noSource(long id) {
        return new ApiError(404, "no source " + id, "id");
    }

    private static ApiError noContext(String slug) {
        return new ApiError(404, "no context '" + slug + "'", "slug");
    }

    private byte[] bytes(JsonNode body) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write API response", e);
        }
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
