package org.currents.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.currents.SampleApp;
import org.currents.event.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site as an HTTP client sees it: routes, content types, validators, compression, errors. */
class SiteOverHttpTest {
    @TempDir
    static Path data;
    static SampleApp site;
    static Event event;

    @BeforeAll
    static void start() {
        site = new SampleApp(data);
        event = site.app().events().latest(1).get(0);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesEveryPublishedUrlWithItsContentType() throws Exception {
        String ev = "/events/" + event.path();
        String[][] expected = {
                {"/", "text/html; charset=utf-8"}, {"/feed.rss", "application/rss+xml; charset=utf-8"},
                {"/feed.atom", "application/atom+xml; charset=utf-8"}, {"/feed.json", "application/feed+json; charset=utf-8"},
                {"/opml", "text/x-opml; charset=utf-8"}, {ev + ".html", "text/html; charset=utf-8"},
                {ev + ".json", "application/json; charset=utf-8"}, {ev + ".xml", "application/xml; charset=utf-8"},
                {ev + ".md", "text/markdown; charset=utf-8"},
                {"/days/" + event.path().substring(0, 10) + "/", "text/html; charset=utf-8"},
                {"/contexts/" + event.contexts().get(0).slug() + "/", "text/html; charset=utf-8"},
                {"/contexts/" + event.contexts().get(0).slug() + ".atom", "application/atom+xml; charset=utf-8"}};
        for (String[] e : expected) {
            HttpResponse<byte[]> r = site.get(e[0]);
            assertEquals(200, r.statusCode(), e[0]);
            assertEquals(e[1], r.headers().firstValue("content-type").orElse(""), e[0]);
            assertTrue(r.headers().firstValue("etag").isPresent() && r.headers().firstValue("last-modified").isPresent(), e[0]);
        }
        HttpResponse<byte[]> health = site.get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("ok\nnode: " + site.app().nodeName() + "\nroles: web,poll\ndatabase: reachable\n", text(health));
    }

    @Test
    void servesArchivesWithTheirCacheLifetimeAndAnswersRevalidation() throws Exception {
        List<HttpResponse<byte[]>> archives = new java.util.ArrayList<>();
        String body = text(site.get("/feed.atom"));
        java.util.regex.Pattern prev = java.util.regex.Pattern.compile("rel=\"prev-archive\" type=\"[^\"]*\" href=\"([^\"]*)\"");
        for (var m = prev.matcher(body); m.find(); m = prev.matcher(body)) {
            HttpResponse<byte[]> r = site.get(java.net.URI.create(m.group(1)).getPath());
            assertEquals(200, r.statusCode(), m.group(1));
            assertEquals("application/atom+xml; charset=utf-8", r.headers().firstValue("content-type").orElse(""));
            archives.add(r);
            body = text(r);
        }
        assertTrue(archives.size() >= 1, "the demo has more events than the current feed holds");
        assertTrue(List.of("public, max-age=60", "public, max-age=31536000, immutable")
                .contains(archives.get(0).headers().firstValue("cache-control").orElse("")));
        // Every archive older than the newest ended before the current feed's oldest event: it can never change.
        for (HttpResponse<byte[]> r : archives.subList(1, archives.size())) {
            assertEquals("public, max-age=31536000, immutable", r.headers().firstValue("cache-control").orElse(""),
                    r.uri().toString());
        }
        HttpResponse<byte[]> oldest = archives.get(archives.size() - 1);
        HttpResponse<byte[]> again = site.get(oldest.uri().getPath(), "If-None-Match",
                oldest.headers().firstValue("etag").orElseThrow());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
    }

    @Test
    void answersConditionalRequestsWithAnEmpty304() throws Exception {
        HttpResponse<byte[]> first = site.get("/feed.atom");
        String etag = first.headers().firstValue("etag").orElseThrow();
        HttpResponse<byte[]> again = site.get("/feed.atom", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, again.headers().firstValue("etag").orElseThrow());
        String modified = first.headers().firstValue("last-modified").orElseThrow();
        assertEquals(304, site.get("/feed.atom", "If-Modified-Since", modified).statusCode());
        assertEquals(200, site.get("/feed.atom", "If-None-Match", "\"other\"", "If-Modified-Since", modified).statusCode(),
                "If-None-Match wins over If-Modified-Since");
    }

    @Test
    void compressesWhenAskedAndAnswersHeadWithoutABody() throws Exception {
        HttpResponse<byte[]> plain = site.get("/feed.rss");
        HttpResponse<byte[]> zipped = site.get("/feed.rss", "Accept-Encoding", "gzip");
        assertEquals("gzip", zipped.headers().firstValue("content-encoding").orElse(""));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertArrayEquals(plain.body(), in.readAllBytes());
        }
        HttpResponse<byte[]> head = site.send(HttpRequest.newBuilder(site.url("/feed.rss"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
    }

    @Test
    void servesGzipOnlyToClientsThatAcceptItAndSaysItVaries() throws Exception {
        String path = "/contexts/" + event.contexts().get(0).slug() + ".atom";
        HttpResponse<byte[]> plain = site.get(path);
        HttpResponse<byte[]> zipped = site.get(path, "Accept-Encoding", "br, gzip;q=0.5");
        HttpResponse<byte[]> refused = site.get(path, "Accept-Encoding", "gzip;q=0");
        assertEquals("Accept-Encoding", plain.headers().firstValue("vary").orElse(""));
        assertEquals(1, zipped.headers().allValues("vary").size(), "one Vary header");
        assertEquals("gzip", zipped.headers().firstValue("content-encoding").orElse(""));
        assertTrue(refused.headers().firstValue("content-encoding").isEmpty());
        assertArrayEquals(plain.body(), refused.body());
        assertEquals(plain.headers().firstValue("etag"), zipped.headers().firstValue("etag"));
        HttpResponse<byte[]> notModified = site.get(path, "If-None-Match", plain.headers().firstValue("etag").orElseThrow(),
                "Accept-Encoding", "gzip");
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertTrue(notModified.headers().firstValue("content-encoding").isEmpty());
    }

    @Test
    void answersUnknownContextsEventsAndDaysWithAClear404Page() throws Exception {
        for (String path : new String[] {"/contexts/no-such-context/", "/contexts/no-such-context.rss",
                "/events/2018/01/12/no-such-event.html", "/events/2018/02/30/x.html", "/days/1999/01/01/",
                "/contexts/UPPER.rss", "/events/2018/01/12/a.exe", "/nothing", "/archive/2018-13.atom",
                "/archive/1999-01.atom", "/archive/2018-1.atom", "/contexts/no-such-context/archive/2018-01.atom",
                "/archive/2018-01.html"}) {
            HttpResponse<byte[]> r = site.get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(text(r).contains("Not found"), path);
            assertEquals("text/html; charset=utf-8", r.headers().firstValue("content-type").orElse(""), path);
        }
    }

    @Test
    void showsEverySourcesPollStateAsJsonAndMetrics() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var list = mapper.readTree(site.get("/api/sources").body());
        assertEquals(6, list.size());
        for (var s : list) {
            assertEquals("ok", s.path("status").path("last_status").asText(), s.toString());
            assertTrue(s.path("status").path("next_poll").isTextual() && s.path("contexts").size() > 0, s.toString());
        }
        long id = list.get(0).path("id").asLong();
        assertEquals(id, mapper.readTree(site.get("/api/sources/" + id).body()).path("id").asLong());
        HttpResponse<byte[]> missing = site.get("/api/sources/999999");
        assertEquals(404, missing.statusCode());
        assertEquals("id", mapper.readTree(missing.body()).path("field").asText());
        String metrics = text(site.get("/metrics"));
        assertTrue(metrics.contains("currents_polls_total{status=\"ok\"} 6"), metrics);
        assertTrue(metrics.contains("currents_sources{state=\"ok\"} 6"), metrics);
        assertTrue(metrics.contains("currents_events " + site.app().events().count()), metrics);
        assertTrue(metrics.contains("currents_items_total{change=\"created\"} " + site.app().events().count()), metrics);
        assertTrue(metrics.contains("# TYPE currents_poll_seconds_total counter") || metrics.contains("# TYPE currents_poll_seconds counter"),
                metrics);
        assertTrue(metrics.contains("currents_node_polls_total{node=\"" + site.app().nodeName() + "\"} 6"), metrics);
        assertTrue(metrics.contains("currents_cluster_nodes 0"), "no cluster on H2: " + metrics);
        assertTrue(metrics.contains("currents_scheduler_misfires_total{node="), metrics);
        // The libraries' binders: JVM, Jetty, HikariCP, executors.
        for (String name : new String[] {"jvm_memory_used_bytes", "jvm_threads_live_threads", "jetty_threads_busy",
                "jetty_connections_current", "jetty_server_requests_seconds_count", "hikaricp_connections_active",
                "executor_completed_tasks_total"}) {
            assertTrue(metrics.contains(name), name + " missing from:\n" + metrics);
        }
    }

    @Test
    void refusesChangesAndOddPaths() throws Exception {
        HttpResponse<byte[]> post = site.send(HttpRequest.newBuilder(site.url("/feed.rss"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("allow").orElse(""));
        assertEquals(301, site.get("/contexts/" + event.contexts().get(0).slug()).statusCode());
        assertTrue(site.get("/contexts/%2e%2e/%2e%2e/etc/passwd").statusCode() >= 400);
        assertEquals(414, site.get("/" + "a".repeat(600)).statusCode());
    }

    @Test
    void eventPagesLinkTheirDayAndEveryHtmlPageAdvertisesItsFeeds() throws Exception {
        String html = text(site.get("/events/" + event.path() + ".html"));
        assertTrue(html.contains("href=\"" + site.url("/days/" + event.path().substring(0, 11))), html);
        for (String page : new String[] {"/", "/events/" + event.path() + ".html",
                "/contexts/" + event.contexts().get(0).slug() + "/"}) {
            String body = text(site.get(page));
            assertTrue(body.contains("rel=\"alternate\" type=\"application/rss+xml\""), page);
            assertTrue(body.contains("rel=\"alternate\" type=\"application/atom+xml\""), page);
        }
        String md = text(site.get("/events/" + event.path() + ".md"));
        assertTrue(md.contains("Sources:") && md.contains("Related:"), md);
    }
}
