package org.currents.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.currents.App;
import org.currents.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code websub.external-hub}: a local stand-in for an external hub on 127.0.0.1 is pinged
 * ({@code hub.mode=publish}) for the all-events feeds when they change, and only then, and those
 * feeds advertise it beside our own hub; other feeds advertise only ours.
 */
class ExternalHubPingTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void pingsTheExternalHubForChangedAllEventsFeedsAndAdvertisesItThere() throws Exception {
        try (LocalSubscriber hub = new LocalSubscriber(); App app = start(hub)) {
            String external = hub.url("/callback");
            assertEquals(Set.of("feed.atom", "feed.json", "feed.rss"), pings(hub, 3), "the first version is pinged");
            assertNull(hub.deliveries.poll(300, TimeUnit.MILLISECONDS), "nothing more while nothing changes");

            hub.source.set(WebSubHubTest.rss(3));
            app.poller().pollAll();
            assertEquals(Set.of("feed.atom", "feed.json", "feed.rss"), pings(hub, 3), "a change is pinged");
            app.poller().pollAll();
            assertNull(hub.deliveries.poll(500, TimeUnit.MILLISECONDS), "an unchanged feed is not pinged again");

            String atom = get(app, "feed.atom");
            assertTrue(atom.contains("<link rel=\"hub\" href=\"" + app.baseUri() + "websub\" />"), atom);
            assertTrue(atom.contains("<link rel=\"hub\" href=\"" + external + "\" />"), atom);
            assertTrue(get(app, "feed.rss").contains("href=\"" + external + "\""));
            assertTrue(get(app, "feed.json").contains("\"url\":\"" + external + "\""));
            String context = get(app, "contexts/harbours.atom");
            assertTrue(context.contains("rel=\"hub\""), context);
            assertFalse(context.contains(external), "a context's feed is not pinged, so does not name the external hub");
        }
    }

    /** The topics of the next {@code n} pings, as file names; each a publish form. */
    private static Set<String> pings(LocalSubscriber hub, int n) throws InterruptedException {
        Set<String> topics = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            LocalSubscriber.Delivery d = hub.deliveries.poll(5, TimeUnit.SECONDS);
            assertNotNull(d, "ping " + (i + 1) + " of " + n);
            assertTrue(d.contentType().startsWith("application/x-www-form-urlencoded"), d.contentType());
            Map<String, java.util.List<String>> form = org.currents.websub.FormForTest.parse(
                    new String(d.body(), StandardCharsets.UTF_8));
            assertEquals(java.util.List.of("publish"), form.get("hub.mode"));
            String url = form.get("hub.url").get(0);
            topics.add(url.substring(url.lastIndexOf('/') + 1));
        }
        return topics;
    }

    private App start(LocalSubscriber hub) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("sources.opml"), "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t"
                + "</title></head><body><outline text=\"Harbours\"><outline type=\"rss\" text=\"Local Wire\" xmlUrl=\""
                + hub.url("/source.rss") + "\"/></outline></body></opml>");
        hub.source.set(WebSubHubTest.rss(2));
        Map<String, String> flags = new HashMap<>(Map.of("config", config.toString(), "data", dir.resolve("data").toString(),
                "port", "0", "host", "127.0.0.1", "fetch.allow", "127.0.0.1", "websub.external-hub", hub.url("/callback")));
        flags.put("poll.interval", "1h");
        App app = App.open(new SettingsLoader("test").load(flags, Map.of()));
        app.importConfiguredSources();
        app.poller().pollAll();
        app.start();
        return app;
    }

    private String get(App app, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.baseUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }
}
