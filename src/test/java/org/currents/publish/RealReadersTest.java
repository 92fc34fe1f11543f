package org.currents.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.currents.SampleApp;
import org.currents.event.ContextSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every feed Currents publishes, read by Python's feedparser over HTTP: no bozo flag, the right
 * format, every entry titled and linked, related links present. Runs when python3-feedparser
 * is installed; CURRENTS_REQUIRE_FEEDPARSER=1 (CI) makes it required.
 */
class RealReadersTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path data;
    static SampleApp site;

    @BeforeAll
    static void start() {
        // Archive documents of ten events at most, so the demo's busy months are split into pages.
        site = new SampleApp(data, Map.of("CURRENTS_FEED_ARCHIVE_MAX_ENTRIES", "10"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void feedparserReadsEveryPublishedFeedWithoutErrors() throws Exception {
        assumeFeedparser();
        Map<String, Integer> expected = new HashMap<>();
        // Debian's feedparser (6.0) predates its JSON Feed support; JSON feeds are checked below.
        Map<String, String> versions = Map.of("rss", "rss20", "atom", "atom10");
        long all = site.app().events().count();
        for (String ext : versions.keySet()) {
            expected.put(site.url("/feed." + ext).toString(), (int) Math.min(all, 50));
        }
        for (ContextSummary c : site.app().contexts().all()) {
            for (String ext : versions.keySet()) {
                expected.put(site.url("/contexts/" + c.context().slug() + "." + ext).toString(), Math.min(c.eventCount(), 50));
            }
        }
        List<JsonNode> results = read(new ArrayList<>(expected.keySet()));
        assertEquals(expected.size(), results.size());
        int related = 0;
        for (JsonNode r : results) {
            String url = r.get("url").asText();
            String ext = url.substring(url.lastIndexOf('.') + 1);
            assertFalse(r.get("bozo").asBoolean(), url + ": " + r.get("error").asText());
            assertEquals(versions.get(ext), r.get("version").asText(), url);
            assertEquals(expected.get(url).intValue(), r.get("entries").asInt(), url);
            assertEquals(r.get("entries").asInt(), r.get("titled").asInt(), url);
            assertEquals(r.get("entries").asInt(), r.get("linked").asInt(), url);
            related += r.get("related").asInt();
        }
        assertTrue(related > 100, "related links seen by feedparser: " + related);
    }

    @Test
    void feedparserFollowsPrevArchiveBackToTheFirstEventAndSeesEachOnce() throws Exception {
        assumeFeedparser();
        long all = site.app().events().count();
        assertTrue(all > 50, "the demo has more events than a current feed holds: " + all);
        for (String ext : List.of("atom", "rss")) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            int archives = 0;
            int pages = 0;
            String url = site.url("/feed." + ext).toString();
            while (url != null) {
                JsonNode r = read(List.of(url)).get(0);
                assertFalse(r.get("bozo").asBoolean(), url + ": " + r.get("error").asText());
                assertEquals(ext.equals("rss") ? "rss20" : "atom10", r.get("version").asText(), url);
                assertTrue(r.get("entries").asInt() > 0, url + " holds events");
                for (JsonNode id : r.get("ids")) {
                    assertTrue(seen.add(id.asText()), id.asText() + " seen twice, again in " + url);
                }
                url = r.get("prev_archive").isNull() ? null : r.get("prev_archive").asText();
                archives += url == null ? 0 : 1;
                pages += url != null && url.matches(".*/archive/\\d{4}-\\d{2}-\\d+\\." + ext) ? 1 : 0;
            }
            assertTrue(pages >= 1, "some month of the demo holds more than ten events: its second page and on");
            assertTrue(archives >= 1, "the demo's history has archives");
            assertEquals(all, seen.size(), "every event of the demo, through " + archives + " " + ext + " archives");
        }
    }

    @Test
    void everyJsonFeedFollowsTheJsonFeed11Rules() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> paths = new ArrayList<>(List.of("/feed.json"));
        site.app().contexts().all().forEach(c -> paths.add("/contexts/" + c.context().slug() + ".json"));
        // and every archive page of all events, back along next_url (the next older items)
        for (JsonNode f = mapper.readTree(site.get("/feed.json").body()); f.hasNonNull("next_url"); ) {
            String archive = java.net.URI.create(f.get("next_url").asText()).getPath();
            paths.add(archive);
            f = mapper.readTree(site.get(archive).body());
        }
        assertTrue(paths.stream().anyMatch(p -> p.matches("/archive/\\d{4}-\\d{2}-\\d+\\.json")), paths.toString());
        for (String path : paths) {
            JsonNode feed = mapper.readTree(site.get(path).body());
            assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText(), path);
            assertFalse(feed.path("title").asText().isBlank(), path);
            assertEquals(site.url(path).toString(), feed.path("feed_url").asText(), path);
            assertTrue(feed.path("items").isArray() && feed.path("items").size() > 0, path);
            for (JsonNode item : feed.path("items")) {
                assertTrue(item.path("id").isTextual() && item.path("content_html").isTextual(), path);
                assertTrue(item.path("url").asText().startsWith(site.url("/events/").toString()), path);
                java.time.OffsetDateTime.parse(item.path("date_published").asText());
                assertTrue(item.path("_currents").path("related").isArray(), path);
            }
        }
    }

    private static List<JsonNode> read(List<String> urls) throws Exception {
        Path script = Files.createTempFile(data, "read_feeds", ".py");
        try (var in = RealReadersTest.class.getResourceAsStream("read_feeds.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder(PYTHON, script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (Writer w = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String u : urls) {
                w.write(u + "\n");
            }
        }
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.add(mapper.readTree(line));
            }
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "feedparser took too long");
        assertEquals(0, p.exitValue(), "feedparser script failed");
        return out;
    }

    static void assumeFeedparser() throws Exception {
        boolean installed = Files.isExecutable(Path.of(PYTHON))
                && new ProcessBuilder(PYTHON, "-c", "import feedparser").start().waitFor() == 0;
        if (!installed && "1".equals(System.getenv("CURRENTS_REQUIRE_FEEDPARSER"))) {
            throw new AssertionError("python3-feedparser is required (CURRENTS_REQUIRE_FEEDPARSER=1) but not installed");
        }
        assumeTrue(installed, "feedparser tests skipped: python3-feedparser is not installed");
    }
}
