package org.currents.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.currents.App;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;
import org.currents.config.StoreSettings;
import org.currents.event.ContextSummary;
import org.currents.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes sharing one PostgreSQL serve a feed with the same bytes and the same ETag, and a change
 * committed on one is served by the other once it reads the version again (cache.check-every).
 */
class SharedDatabaseNodesTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void nodesSharingADatabaseServeTheSameBytesAndETagsAndSeeEachOthersChanges() throws Exception {
        StoreSettings db = TestDatabases.postgres();
        try (App a = App.open(settings(db, "a")); App b = App.open(settings(db, "b"))) {
            a.importConfiguredSources();
            a.poller().pollAll();
            a.start();
            b.start();
            String slug = a.contexts().all().stream().max(Comparator.comparingInt(ContextSummary::eventCount))
                    .orElseThrow().context().slug();
            String path = "contexts/" + slug + ".atom";
            HttpResponse<byte[]> fromA = get(a, path);
            HttpResponse<byte[]> fromB = get(b, path);
            assertEquals(200, fromA.statusCode());
            assertEquals(fromA.headers().firstValue("etag"), fromB.headers().firstValue("etag"));
            assertArrayEquals(fromA.body(), fromB.body());

            a.contexts().rename(slug, "Renamed on node A", null);
            String etagA = get(a, path).headers().firstValue("etag").orElseThrow();
            assertNotEquals(fromA.headers().firstValue("etag").orElseThrow(), etagA, "node A serves its own change at once");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            String etagB;
            do {
                Thread.sleep(50);
                etagB = get(b, path).headers().firstValue("etag").orElseThrow();
            } while (!etagB.equals(etagA) && System.nanoTime() < deadline);
            assertEquals(etagA, etagB, "node B serves node A's change once it reads the version again");
            assertArrayEquals(get(a, path).body(), get(b, path).body());
        } finally {
            TestDatabases.dropPostgres(db);
        }
    }

    private Settings settings(StoreSettings db, String node) {
        Map<String, String> flags = new HashMap<>(Map.of("config", "config", "data", dir.resolve(node).toString(),
                "port", "0", "host", "127.0.0.1", "site.url", "http://currents.test/", "cache.check-every", "200ms",
                // Web nodes only: the test polls once itself, so no poll moves the version under it.
                "node.roles", "web"));
        flags.put("store.url", db.jdbcUrl());
        flags.put("store.user", db.user());
        return new SettingsLoader("test").load(flags, Map.of());
    }

    private HttpResponse<byte[]> get(App app, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + app.port() + "/" + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
