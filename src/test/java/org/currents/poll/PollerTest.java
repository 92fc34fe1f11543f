package org.currents.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.currents.store.TestIngest;
import org.currents.config.ContextSettings;
import org.currents.config.FetchSettings;
import org.currents.config.PollSettings;
import org.currents.event.Event;
import org.currents.fetch.FeedFetcher;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParser;
import org.currents.source.Source;
import org.currents.source.SourceSpec;
import org.currents.store.Database;
import org.currents.store.EventStore;
import org.currents.store.SourceStore;
import org.currents.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole poll of one source, with real parts: files, parser, normalizer, H2. */
class PollerTest {
    private static final Instant NOW = Instant.parse("2018-01-20T12:00:00Z");
    private static final String GOOD = """
            <rss version="2.0"><channel><title>Good</title><link>https://good.example/</link><description>d</description>
            <item><title>Mayon volcano erupts</title><link>https://good.example/a</link><guid>a</guid>
            <pubDate>Fri, 12 Jan 2018 10:00:00 GMT</pubDate>
            <description>&lt;p onclick="x()"&gt;Lava&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description></item>
            <item><title>Floods in Lima</title><link>https://good.example/b</link><guid>b</guid>
            <pubDate>Fri, 12 Jan 2018 11:00:00 GMT</pubDate></item></channel></rss>""";

    @TempDir
    Path dir;

    private Database db;
    private SourceStore sources;
    private EventStore events;
    private FeedFetcher fetcher;
    private Poller poller;

    @BeforeEach
    void open() throws Exception {
        Files.createDirectories(dir.resolve("feeds"));
        db = Database.open(TestDatabases.h2(dir));
        sources = new SourceStore(db);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        events = new EventStore(db);
        fetcher = new FeedFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                4096, 3, "Currents/test", List.of(), dir, List.of(dir.resolve("feeds")), 2, 4), clock);
        poller = new Poller(sources, fetcher, new FeedParser(), new Normalizer(new ContextSettings(
                List.of(Pattern.compile("https?://en\\.wikipedia\\.org/wiki/([^?#]+)")), Map.of()), TestIngest.ANALYZER, TestIngest.PLACES),
                TestIngest.of(db, clock), new PollPlanner(new PollSettings(Duration.ofMinutes(15), Duration.ofMinutes(5),
                Duration.ofHours(24), Duration.ofHours(6), Duration.ofDays(7), 2), new Random(1)), clock);
    }

    @AfterEach
    void close() {
        fetcher.close();
        db.close();
    }

    private Source source(String file, String content) throws Exception {
        Files.writeString(dir.resolve("feeds").resolve(file), content);
        return sources.upsert(new SourceSpec("file:feeds/" + file, file, null, List.of("Group"), null));
    }

    @Test
    void storesSanitizedEventsAndSkipsAnUnchangedFeed() throws Exception {
        Source s = source("good.rss", GOOD);
        PollOutcome first = poller.poll(s.id());
        assertEquals("ok", first.status());
        assertEquals(2, first.created());
        Event lava = events.latest(10).stream().filter(e -> e.headline().startsWith("Mayon")).findFirst().orElseThrow();
        assertEquals("<p>Lava</p>", lava.contentHtml());
        assertEquals("not_modified", poller.poll(s.id()).status());
        assertEquals(2, events.count());
    }

    @Test
    void recordsAMalformedFeedOnTheSourceAndKeepsStoredEvents() throws Exception {
        Source s = source("good.rss", GOOD);
        poller.poll(s.id());
        Files.writeString(dir.resolve("feeds/good.rss"), "<rss version=\"2.0\"><channel>\n<item><title>broken</channel>");
        PollOutcome broken = poller.poll(s.id());
        assertTrue(broken.failed());
        Source after = sources.find(s.id()).orElseThrow();
        assertEquals("error", after.status().lastStatus());
        assertEquals(1, after.status().consecutiveErrors());
        assertTrue(after.status().lastError().contains("line 2"), after.status().lastError());
        assertEquals(2, events.count(), "a bad poll loses nothing stored");
    }

    @Test
    void neverReadsAFileThroughAnExternalEntity() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        Source s = source("xxe.rss", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><rss version=\"2.0\"><channel><title>t</title><item><title>&x;</title></item></channel></rss>");
        PollOutcome outcome = poller.poll(s.id());
        assertTrue(outcome.failed());
        assertFalse(outcome.error().contains("TOP-SECRET"));
        assertEquals(0, events.count());
    }

    @Test
    void recordsAFeedOverTheSizeLimit() throws Exception {
        Source s = source("big.rss", GOOD.replace("Lava", "Lava ".repeat(2000)));
        PollOutcome outcome = poller.poll(s.id());
        assertTrue(outcome.error().contains("over the limit"), outcome.error());
        assertEquals(0, events.count());
    }

    @Test
    void oneBadSourceNeverStopsTheOthers() throws Exception {
        source("a-broken.rss", "not a feed");
        // Loopback is not allowed here either, and a broken guard would still stay on this machine.
        sources.upsert(new SourceSpec("http://127.0.0.1:9/feed", "refused address", null, List.of(), null));
        source("good.rss", GOOD);
        List<PollOutcome> outcomes = poller.pollAll();
        assertEquals(List.of("error", "error", "ok"), outcomes.stream().map(PollOutcome::status).toList());
        assertEquals(2, events.count());
        assertTrue(outcomes.get(1).error().contains("private or reserved"), outcomes.get(1).error());
    }
}
