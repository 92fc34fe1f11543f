package org.currents.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.currents.App;
import org.currents.config.SettingsLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over real HTTP: every route, the token rules, bad input, and renames that redirect. */
class AdminApiTest {
    private static final String TOKEN = "s3cret-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static App app;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        app = App.open(new SettingsLoader("test").load(Map.of("config", "config", "data", data.toString(), "port", "0",
                "host", "127.0.0.1"), Map.of("CURRENTS_ADMIN_TOKEN", TOKEN)));
        app.importConfiguredSources();
        app.poller().pollAll();
        app.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.baseUri().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void changesNeedTheTokenReadsDoNot() throws Exception {
        assertEquals(200, call("GET", "/api/sources", null, null).statusCode());
        HttpResponse<String> none = call("POST", "/api/sources", "{\"feed_url\":\"file:feeds/world-wire.rss\"}", null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"));
        assertEquals("close", none.headers().firstValue("connection").orElse(""),
                "refused with its body unread: the client is told the connection goes");
        assertEquals(403, call("POST", "/api/sources", "{}", "wrong").statusCode());
        assertEquals(403, call("DELETE", "/api/sources/1", null, "s3cret-token-but-longer").statusCode());
    }

    @Test
    void addsChangesRefreshesAndDeletesASource() throws Exception {
        Path feed = Path.of("feeds/api-test-copy.rss");
        Files.copy(Path.of("feeds/world-wire.rss"), feed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            HttpResponse<String> added = call("POST", "/api/sources", "{\"feed_url\":\"file:feeds/api-test-copy.rss\","
                    + "\"title\":\"Copy\",\"contexts\":[\"Tests\"]}", TOKEN);
            assertEquals(201, added.statusCode(), added.body());
            long id = json(added).path("id").asLong();
            assertEquals("Copy", json(call("GET", "/api/sources/" + id, null, null)).path("title").asText());
            JsonNode changed = json(call("PATCH", "/api/sources/" + id, "{\"title\":\"Renamed\",\"interval_seconds\":600,"
                    + "\"enabled\":false}", TOKEN));
            assertEquals("Renamed", changed.path("title").asText());
            assertEquals(600, changed.path("interval_seconds").asInt());
            assertTrue(!changed.path("enabled").asBoolean());
            HttpResponse<String> refreshed = call("POST", "/api/sources/" + id + "/refresh", null, TOKEN);
            assertEquals(200, refreshed.statusCode(), refreshed.body());
            long events = app.events().count();
            assertEquals(200, call("DELETE", "/api/sources/" + id, null, TOKEN).statusCode());
            assertEquals(404, call("GET", "/api/sources/" + id, null, null).statusCode());
            assertEquals(events, app.events().count(), "its events stay");
        } finally {
            Files.deleteIfExists(feed);
        }
    }

    @Test
    void refusesBadInputWithTheFieldAtFaultAndChangesNothing() throws Exception {
        int before = app.sources().all().size();
        String[][] bad = {
                {"{\"feed_url\":\"javascript:alert(1)\"}", "feed_url"},
                {"{\"feed_url\":\"file:feeds/none.rss\"}", "feed_url"},
                {"{\"feed_url\":\"file:feeds/world-wire.rss\",\"colour\":\"red\"}", "colour"},
                {"{\"feed_url\":42}", "feed_url"},
                {"{\"feed_url\":\"file:feeds/x.rss\",\"interval_seconds\":\"soon\"}", "interval_seconds"},
                {"{\"feed_url\":\"file:feeds/x.rss\",\"contexts\":\"not a list\"}", "contexts"},
        };
        for (String[] b : bad) {
            HttpResponse<String> r = call("POST", "/api/sources", b[0], TOKEN);
            assertEquals(400, r.statusCode(), b[0] + " -> " + r.body());
            assertEquals(b[1], json(r).path("field").asText(), r.body());
        }
        HttpResponse<String> notJson = call("POST", "/api/sources", "{\"title\": [1, 2", TOKEN);
        assertEquals(400, notJson.statusCode());
        // A sentence with the place, not Jackson's "[Source: REDACTED ...]".
        assertEquals("not valid JSON: Unexpected end-of-input: expected close marker for Array (opened at line 1, "
                + "column 11), at line 1, column 16", json(notJson).path("error").asText());
        assertEquals(400, call("POST", "/api/sources", "[1,2]", TOKEN).statusCode());
        assertEquals(413, call("POST", "/api/sources", "{\"title\":\"" + "x".repeat(70_000) + "\"}", TOKEN).statusCode());
        assertEquals(404, call("PATCH", "/api/sources/999999", "{\"title\":\"x\"}", TOKEN).statusCode());
        assertEquals(405, call("PUT", "/api/sources", "{}", TOKEN).statusCode());
        assertEquals(before, app.sources().all().size());
    }

    @Test
    void importsAndExportsOpmlAllOrNothing() throws Exception {
        int before = app.sources().all().size();
        String opml = "<opml version=\"2.0\"><body><outline text=\"Imported\"><outline text=\"A\" xmlUrl=\"https://a.example/feed\"/>"
                + "<outline text=\"Dup\" xmlUrl=\"HTTPS://A.example/feed/\"/><outline text=\"Empty folder\"/></outline>"
                + "<outline text=\"WW\" xmlUrl=\"file:feeds/world-wire.rss\"/></body></opml>";
        JsonNode report = json(call("POST", "/api/opml", opml, TOKEN));
        assertEquals(1, report.path("added").asInt(), report.toString());
        assertEquals(1, report.path("merged").asInt(), report.toString());
        assertEquals(1, report.path("skipped").size(), report.toString());
        HttpResponse<String> hostile = call("POST", "/api/opml", "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><opml><body><outline text=\"&x;\" xmlUrl=\"https://b.example/\"/></body></opml>", TOKEN);
        assertEquals(400, hostile.statusCode());
        assertTrue(!hostile.body().contains("root:"), hostile.body());
        assertEquals(before + 1, app.sources().all().size(), "the hostile import added nothing");
        HttpResponse<String> export = call("GET", "/api/opml", null, null);
        assertEquals(200, export.statusCode());
        assertTrue(export.body().contains("xmlUrl=\"https://a.example/feed\""), export.body());
    }

    @Test
    void importingItsOwnOpmlAddsNothingAndSaysWhy() throws Exception {
        int before = app.sources().all().size();
        String own = http.send(HttpRequest.newBuilder(app.baseUri().resolve("opml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        int entries = own.split("xmlUrl=").length - 1;
        assertTrue(entries > 3, own);
        JsonNode report = json(call("POST", "/api/opml", own, TOKEN));
        assertEquals(0, report.path("added").asInt(), report.toString());
        assertEquals(0, report.path("merged").asInt(), report.toString());
        assertEquals(entries, report.path("skipped").size(), report.toString());
        report.path("skipped").forEach(s -> assertTrue(s.path("reason").asText().contains("is this instance's own feed"),
                s.toString()));
        assertEquals(before, app.sources().all().size());
    }

    @Test
    void refusesPrivateAddressesOwnFeedsAndDuplicatesEvenWithoutValidating() throws Exception {
        int before = app.sources().all().size();
        HttpResponse<String> inside = call("POST", "/api/sources", "{\"feed_url\":\"http://10.0.0.7/feed\",\"validate\":false}",
                TOKEN);
        assertEquals(400, inside.statusCode());
        assertEquals("10.0.0.7 is a private, loopback or reserved address, which the address guard refuses at every fetch "
                + "(allow it with fetch.allow)", json(inside).path("error").asText());
        HttpResponse<String> self = call("POST", "/api/sources", "{\"feed_url\":\"" + app.baseUri() + "feed.rss\","
                + "\"validate\":false}", TOKEN);
        assertEquals(400, self.statusCode());
        assertTrue(json(self).path("error").asText().contains("this instance's own feed"), self.body());
        long ww = app.sources().all().stream().filter(s -> s.feedUrl().equals("file:feeds/world-wire.rss")).findFirst()
                .orElseThrow().id();
        HttpResponse<String> dup = call("POST", "/api/sources", "{\"feed_url\":\"file:feeds/world-wire.rss#x\"}", TOKEN);
        assertEquals(400, dup.statusCode());
        assertEquals("file:feeds/world-wire.rss#x is already source " + ww + " (file:feeds/world-wire.rss)",
                json(dup).path("error").asText());
        assertEquals(before, app.sources().all().size());
    }

    @Test
    void renamesMergesAndHidesContextsAndOldUrlsRedirect() throws Exception {
        JsonNode contexts = json(call("GET", "/api/contexts", null, null));
        String first = contexts.get(0).path("slug").asText();
        String second = contexts.get(1).path("slug").asText();
        String third = contexts.get(2).path("slug").asText();
        // Rendered and cached before the changes: a change committed here must be served at once.
        for (String path : new String[] {"contexts/" + first + ".rss", "opml"}) {
            assertEquals(200, http.send(HttpRequest.newBuilder(app.baseUri().resolve(path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        JsonNode renamed = json(call("PATCH", "/api/contexts/" + first, "{\"name\":\"Renamed context\",\"slug\":\"renamed-context\"}",
                TOKEN));
        assertEquals("renamed-context", renamed.path("slug").asText(), renamed.toString());
        HttpResponse<String> old = http.send(HttpRequest.newBuilder(app.baseUri().resolve("contexts/" + first + ".rss")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(301, old.statusCode());
        assertTrue(old.headers().firstValue("location").orElse("").endsWith("/contexts/renamed-context.rss"));
        HttpResponse<String> oldArchive = http.send(HttpRequest.newBuilder(app.baseUri().resolve("contexts/" + first
                + "/archive/2018-01.atom")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(301, oldArchive.statusCode());
        assertTrue(oldArchive.headers().firstValue("location").orElse("")
                .endsWith("/contexts/renamed-context/archive/2018-01.atom"));
        HttpResponse<String> merge = call("POST", "/api/contexts/" + second + "/merge", "{\"into\":\"renamed-context\"}", TOKEN);
        assertEquals(200, merge.statusCode(), merge + " " + merge.headers().map() + " " + merge.body());
        assertEquals("renamed-context", json(merge).path("slug").asText(), merge.body());
        assertEquals(301, http.send(HttpRequest.newBuilder(app.baseUri().resolve("contexts/" + second + "/")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertTrue(json(call("PATCH", "/api/contexts/" + third, "{\"hidden\":true}", TOKEN)).path("hidden").asBoolean());
        String opml = http.send(HttpRequest.newBuilder(app.baseUri().resolve("opml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(!opml.contains("/contexts/" + third + ".rss"), "a hidden context leaves the catalogue");
        assertEquals(409, call("PATCH", "/api/contexts/renamed-context", "{\"slug\":\"" + third + "\"}", TOKEN).statusCode());
        assertEquals(400, call("PATCH", "/api/contexts/" + third, "{\"slug\":\"Bad Slug\"}", TOKEN).statusCode());
        assertEquals(404, call("POST", "/api/contexts/no-such/merge", "{\"into\":\"renamed-context\"}", TOKEN).statusCode());
    }

    @Test
    void refusesChangesWhenNoTokenIsConfigured(@TempDir Path other) throws Exception {
        try (App open = App.open(new SettingsLoader("test").load(Map.of("config", "config", "data", other.toString(),
                "port", "0", "host", "127.0.0.1"), Map.of()))) {
            open.start();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(open.baseUri() + "api/sources"))
                    .header("Authorization", "Bearer anything").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("CURRENTS_ADMIN_TOKEN"), r.body());
        }
    }
}
