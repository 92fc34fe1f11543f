package org.currents.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.currents.SampleApp;
import org.currents.event.ContextSummary;
import org.currents.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * newsboat imports the /opml catalogue, reloads every context feed from the running app and
 * holds the events of a context. Runs when newsboat is installed; CURRENTS_REQUIRE_NEWSBOAT=1
 * (CI) makes it required.
 */
class NewsboatTest {
    @TempDir
    Path dir;

    @Test
    void newsboatImportsTheCatalogueAndReadsAContextsEvents() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/newsboat"));
        if (!installed && "1".equals(System.getenv("CURRENTS_REQUIRE_NEWSBOAT"))) {
            throw new AssertionError("newsboat is required (CURRENTS_REQUIRE_NEWSBOAT=1) but not installed");
        }
        assumeTrue(installed, "newsboat test skipped: newsboat is not installed");
        try (SampleApp site = new SampleApp(dir.resolve("data"))) {
            Path opml = dir.resolve("catalogue.opml");
            byte[] catalogue = site.get("/opml").body();
            Files.write(opml, catalogue);
            Path urls = dir.resolve("urls");
            Path cache = dir.resolve("cache.db");
            Path config = dir.resolve("config");
            Files.writeString(config, "reload-threads 8\ndownload-timeout 20\n");
            run("/usr/bin/newsboat", "-i", opml.toString(), "-u", urls.toString(), "-c", cache.toString(), "-C", config.toString());
            long feeds = Files.readAllLines(urls).stream().filter(l -> l.startsWith("http")).count();
            long offered = new String(catalogue, StandardCharsets.UTF_8).split("xmlUrl=\"", -1).length - 1;
            assertTrue(offered > 10, "the catalogue offers the demo's contexts of two events or more: " + offered);
            assertEquals(offered, feeds, "newsboat imported every feed of the catalogue");
            run("/usr/bin/newsboat", "-x", "reload", "-u", urls.toString(), "-c", cache.toString(), "-C", config.toString());
            ContextSummary story = site.app().contexts().all().stream()
                    .max(java.util.Comparator.comparingInt(ContextSummary::eventCount)).orElseThrow();
            List<Event> events = site.app().events().inContext(story.context().slug(), 50);
            // newsboat keeps an item once, under the first feed it came from, keyed by guid (our event URL).
            String items = run("/usr/bin/python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                    + "print('\\n'.join(r[0] + '\\t' + r[1] for r in c.execute('select guid, title from rss_item')))",
                    cache.toString());
            for (Event e : events) {
                String line = site.url("/events/" + e.path() + ".html") + "\t" + e.headline();
                assertTrue(items.lines().anyMatch(line::equals), "newsboat lacks " + line);
            }
        }
    }

    @Test
    void newsboatReadsAPageOfAnArchiveOfAContextsOlderEvents() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/newsboat"));
        if (!installed && "1".equals(System.getenv("CURRENTS_REQUIRE_NEWSBOAT"))) {
            throw new AssertionError("newsboat is required (CURRENTS_REQUIRE_NEWSBOAT=1) but not installed");
        }
        assumeTrue(installed, "newsboat test skipped: newsboat is not installed");
        // Archive pages of ten events, so the busiest month of the busiest context has several.
        try (SampleApp site = new SampleApp(dir.resolve("data"), java.util.Map.of("CURRENTS_FEED_ARCHIVE_MAX_ENTRIES", "10"))) {
            ContextSummary busiest = site.app().contexts().all().stream()
                    .max(java.util.Comparator.comparingInt(ContextSummary::eventCount)).orElseThrow();
            String slug = busiest.context().slug();
            org.currents.store.FeedHistory history = site.app().events().history(slug, 50);
            assumeTrue(!history.months().isEmpty(), "the busiest context's events all fit its current feed");
            org.currents.store.FeedHistory.Month busiestMonth = history.months().stream()
                    .max(java.util.Comparator.comparingInt(org.currents.store.FeedHistory.Month::events)).orElseThrow();
            int lastPage = (busiestMonth.events() + 9) / 10;
            String name = busiestMonth.month() + (lastPage > 1 ? "-" + lastPage : "");
            List<Event> archived = site.app().events().archived(slug, history, busiestMonth.month(), (lastPage - 1) * 10, 10);
            assertTrue(!archived.isEmpty());
            for (String ext : List.of("atom", "rss")) {
                Path urls = dir.resolve("urls-" + ext);
                Path cache = dir.resolve("cache-" + ext + ".db");
                Path config = dir.resolve("config");
                Files.writeString(config, "download-timeout 20\n");
                Files.writeString(urls, site.url("/contexts/" + slug + "/archive/" + name + "." + ext) + "\n");
                run("/usr/bin/newsboat", "-x", "reload", "-u", urls.toString(), "-c", cache.toString(), "-C", config.toString());
                String items = run("/usr/bin/python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                        + "print('\\n'.join(r[0] + '\\t' + r[1] for r in c.execute('select guid, title from rss_item')))",
                        cache.toString());
                assertEquals(archived.size(), items.lines().filter(l -> !l.isBlank()).count(), ext + ": " + items);
                for (Event e : archived) {
                    String line = site.url("/events/" + e.path() + ".html") + "\t" + e.headline();
                    assertTrue(items.lines().anyMatch(line::equals), "newsboat lacks " + line + " in the " + ext + " archive");
                }
            }
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " took too long");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + text);
        return text;
    }
}
