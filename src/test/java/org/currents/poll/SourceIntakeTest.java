package org.currents.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.currents.config.FetchSettings;
import org.currents.fetch.FeedFetcher;
import org.currents.parse.FeedParser;
import org.currents.source.OwnSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks every door a source comes in by shares, on a real fetcher and parser. */
class SourceIntakeTest {
    @TempDir
    Path dir;
    private FeedFetcher fetcher;
    private SourceIntake intake;

    @BeforeEach
    void open() throws Exception {
        Files.createDirectories(dir.resolve("feeds"));
        FetchSettings settings = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                1_000_000, 3, "Currents/test", List.of("127.0.0.1"), dir, List.of(dir.resolve("feeds")), 2, 4);
        fetcher = new FeedFetcher(settings, Clock.systemUTC());
        intake = new SourceIntake(fetcher, new FeedParser(), () -> new OwnSite(URI.create("http://localhost:8080/"), 8080));
    }

    @AfterEach
    void close() {
        fetcher.close();
    }

    @Test
    void refusesAddressesTheGuardWillAlwaysRefuseWithoutFetching() {
        assertEquals("10.1.2.3 is a private, loopback or reserved address, which the address guard refuses at every "
                + "fetch (allow it with fetch.allow)", intake.refusal("http://10.1.2.3/feed.xml"));
        assertEquals("169.254.169.254 is a private, loopback or reserved address, which the address guard refuses at "
                + "every fetch (allow it with fetch.allow)", intake.refusal("http://169.254.169.254/latest/meta-data"));
        assertEquals("[::1] is a private, loopback or reserved address, which the address guard refuses at every fetch "
                + "(allow it with fetch.allow)", intake.refusal("http://[::1]:9000/feed"));
        assertNull(intake.refusal("http://127.0.0.1:9000/feed"), "fetch.allow lets 127.0.0.1 through");
        assertNull(intake.refusal("https://feeds.example.org/rss"), "names are judged where DNS resolves them");
        assertEquals("file:/etc/passwd is outside the directories file sources may read (fetch.file-roots)",
                intake.refusal("file:/etc/passwd"));
    }

    @Test
    void refusesThisInstancesOwnFeeds() {
        assertTrue(intake.refusal("http://localhost:8080/contexts/world.rss").contains("this instance's own feed"));
        assertTrue(intake.refusal("http://127.0.0.1:8080/opml").contains("this instance's own"));
    }

    @Test
    void saysAnHtmlPageIsAnHtmlPageNotWhatTheXmlParserThoughtOfIt() throws Exception {
        Files.writeString(dir.resolve("feeds/page.xml"), "\n<!DOCTYPE html>\n<html><head><title>Home</title></head></html>");
        assertEquals("file:feeds/page.xml is an HTML page, not a feed; give the address of its RSS, Atom or JSON feed "
                + "(the page may name it in a <link rel=\"alternate\"> tag)", intake.fetchProblem("file:feeds/page.xml"));
        Files.writeString(dir.resolve("feeds/ok.rss"), "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
                + "<description>d</description></channel></rss>");
        assertNull(intake.fetchProblem("file:feeds/ok.rss"));
        assertEquals("cannot fetch the feed: file:feeds/none.rss: no such file", intake.fetchProblem("file:feeds/none.rss"));
    }
}
