package org.currents.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.currents.App;
import org.currents.config.SettingsLoader;
import org.currents.event.Event;
import org.currents.source.SourceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting a wrongly merged report out of an event through the admin API, and the split surviving a re-poll. */
class EventSplitApiTest {
    private static final String TOKEN = "split-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private App app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        app = App.open(new SettingsLoader("test").load(Map.of("config", "config", "data", data.toString(), "port", "0",
                "host", "127.0.0.1"), Map.of("CURRENTS_ADMIN_TOKEN", TOKEN)));
        app.importConfiguredSources();
        app.poller().pollAll();
        app.start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> split(String eventId, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.baseUri().resolve("api/events/" + eventId + "/split"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aSplitReportBecomesItsOwnEventAndStaysSoAfterTheNextPoll() throws Exception {
        Event merged = app.events().latest(1000).stream().filter(e -> e.sources().size() == 2).findFirst().orElseThrow();
        String second = merged.sources().get(1).articleUrl();
        long before = app.events().count();

        assertEquals(401, split(merged.id(), "{\"source_url\":\"" + second + "\"}", null).statusCode());
        assertEquals(404, split("0123456789abcdef01234567", "{\"source_url\":\"" + second + "\"}", TOKEN).statusCode());
        HttpResponse<String> wrongUrl = split(merged.id(), "{\"source_url\":\"https://nowhere.example/x\"}", TOKEN);
        assertEquals(400, wrongUrl.statusCode());
        assertTrue(wrongUrl.body().contains("has no source with the URL https://nowhere.example/x"), wrongUrl.body());
        assertEquals(400, split(merged.id(), "{\"url\":\"" + second + "\"}", TOKEN).statusCode(), "unknown field");
        assertEquals(before, app.events().count(), "refused requests change nothing");

        HttpResponse<String> ok = split(merged.id(), "{\"source_url\":\"" + second + "\"}", TOKEN);
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode body = JSON.readTree(ok.body());
        String splitId = body.get("split").get("id").asText();
        assertEquals(merged.id(), body.get("event").get("id").asText());
        assertEquals(before + 1, app.events().count());

        // Forget the validators, so the feeds are read and ingested again rather than answered "not modified".
        app.sources().all().forEach(s -> app.sources().saveStatus(s.id(), SourceStatus.NEVER_POLLED));
        assertTrue(app.poller().pollAll().stream().allMatch(o -> o.status().equals("ok")));
        assertEquals(before + 1, app.events().count(), "the next poll neither re-merges nor doubles the report");
        assertEquals(1, app.events().find(splitId).orElseThrow().sources().size());
        assertEquals(1, app.events().find(merged.id()).orElseThrow().sources().size());
        assertEquals(second, app.events().find(splitId).orElseThrow().sources().get(0).articleUrl());
    }
}
