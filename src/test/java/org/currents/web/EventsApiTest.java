package org.currents.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.currents.App;
import org.currents.config.SettingsLoader;
import org.currents.event.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/events?day=} over real HTTP: a day's events newest first with their pages and sources. */
class EventsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static App app;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        app = App.open(new SettingsLoader("test").load(Map.of("config", "config", "data", data.toString(), "port", "0",
                "host", "127.0.0.1"), Map.of()));
        app.importConfiguredSources();
        app.poller().pollAll();
        app.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(app.baseUri().resolve(path.substring(1))).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void listsADaysEventsNewestFirstWithTheirPagesAndSources() throws Exception {
        LocalDate day = app.events().latestDay().orElseThrow();
        List<Event> stored = app.events().onDay(day);
        HttpResponse<String> r = call("GET", "/api/events?day=" + day);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode body = JSON.readTree(r.body());
        assertEquals(day.toString(), body.path("day").asText());
        JsonNode list = body.path("events");
        assertEquals(stored.size(), list.size());
        assertFalse(list.isEmpty(), "the sample feeds have events on their latest day");
        Instant previous = Instant.MAX;
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            Event s = stored.get(i);
            assertEquals(s.id(), e.path("id").asText());
            assertEquals(s.headline(), e.path("headline").asText());
            assertTrue(!s.published().isAfter(previous), "newest first");
            previous = s.published();
            assertTrue(e.path("url").asText().endsWith("/events/" + s.path() + ".html"), e.toString());
            assertEquals(s.sources().size(), e.path("sources").size());
            assertEquals(s.sources().get(0).outlet(), e.path("sources").get(0).path("name").asText());
            assertEquals(s.sources().get(0).articleUrl(), e.path("sources").get(0).path("url").asText(null));
        }
        JsonNode first = list.get(0);
        assertTrue(first.path("json").asText().endsWith("/events/" + stored.get(0).path() + ".json"), first.toString());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(first.path("json").asText())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        assertEquals(first.path("id").asText(), JSON.readTree(page.body()).path("id").asText());
    }

    @Test
    void aDayWithoutEventsIsAnEmptyList() throws Exception {
        HttpResponse<String> r = call("GET", "/api/events?day=1999-12-31");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(0, JSON.readTree(r.body()).path("events").size());
    }

    @Test
    void refusesAMissingOrBadDay() throws Exception {
        for (String query : List.of("", "?day=", "?day=yesterday", "?day=2018-13-01", "?day=2018-02-30", "?day=18-01-10",
                "?day=2018-01-10T00:00")) {
            HttpResponse<String> r = call("GET", "/api/events" + query);
            assertEquals(400, r.statusCode(), query + " -> " + r.body());
            JsonNode body = JSON.readTree(r.body());
            assertEquals("day", body.path("field").asText(), r.body());
            assertFalse(body.path("error").asText().isEmpty(), r.body());
        }
        assertEquals(405, call("POST", "/api/events?day=2018-01-10").statusCode());
    }
}
