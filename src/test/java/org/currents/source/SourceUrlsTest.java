package org.currents.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** When two URLs name one feed, and what is said of a URL we will not poll. */
class SourceUrlsTest {
    @Test
    void namesOneFeedAcrossCaseDefaultPortLoopbackSlashAndTracking() {
        String key = SourceUrls.key("http://127.0.0.1:8081/feed.xml?id=3");
        for (String same : new String[] {
                "HTTP://LOCALHOST:8081/feed.xml?id=3",
                "http://localhost:8081/feed.xml?id=3&utm_source=x&utm_medium=rss",
                "http://[::1]:8081/feed.xml?fbclid=abc&id=3",
                "http://127.0.0.2:8081/feed.xml?id=3#top"}) {
            assertEquals(key, SourceUrls.key(same), same);
        }
        assertEquals(SourceUrls.key("https://example.org/feed/"), SourceUrls.key("https://Example.ORG:443/feed"));
        assertEquals(SourceUrls.key("http://example.org/rss"), SourceUrls.key("http://example.org:80/rss"));
        assertNotEquals(SourceUrls.key("https://example.org/Feed"), SourceUrls.key("https://example.org/feed"));
        assertNotEquals(SourceUrls.key("http://example.org/rss"), SourceUrls.key("https://example.org/rss"));
        assertNotEquals(SourceUrls.key("https://example.org/rss?id=1"), SourceUrls.key("https://example.org/rss?id=2"));
        assertNotEquals(SourceUrls.key("http://localhost:8081/f"), SourceUrls.key("http://localhost:8082/f"));
    }

    @Test
    void saysWhyAUrlIsNotAFeedUrlInWordsForWhoeverGaveIt() {
        assertEquals("'not a url' is not a URL (illegal character in path at character 4); write http://…, https://… "
                + "or file:…", SourceUrls.check("not a url"));
        assertEquals("'example.org/feed' is not a feed URL: it has no scheme (write http://…, https://… or file:…)",
                SourceUrls.check("example.org/feed"));
        assertEquals("'ftp://x.example/f' is not a feed URL: scheme 'ftp' is not http, https or file",
                SourceUrls.check("ftp://x.example/f"));
        assertEquals("'http:///path' is not a feed URL: it has no host name", SourceUrls.check("http:///path"));
        assertNull(SourceUrls.check("https://example.org/feed"));
        assertNull(SourceUrls.check("file:feeds/world-wire.rss"));
    }

    @Test
    void knowsThisInstancesOwnFeedsByBaseUrlAndByListeningAddress() {
        OwnSite own = new OwnSite(URI.create("https://news.example.org/"), 8080);
        assertEquals("https://news.example.org/contexts/x.rss is this instance's own feed (it publishes under "
                + "https://news.example.org/); taken as a source it would poll its own events back in",
                own.refusal("https://news.example.org/contexts/x.rss"));
        assertEquals("HTTPS://NEWS.example.org:443/opml is this instance's own feed (it publishes under "
                + "https://news.example.org/); taken as a source it would poll its own events back in",
                own.refusal("HTTPS://NEWS.example.org:443/opml"));
        for (String local : new String[] {"http://localhost:8080/feed.rss", "http://127.0.0.1:8080/x", "http://[::1]:8080/",
                "http://0.0.0.0:8080/feed.json"}) {
            assertEquals(local + " is this instance's own address (this machine, port 8080); taken as a source it would "
                    + "poll its own events back in", own.refusal(local), local);
        }
        assertNull(own.refusal("http://127.0.0.1:8081/feed.rss"));
        assertNull(own.refusal("https://news.example.org.evil.example/feed"));
        assertNull(own.refusal("https://other.example/feed"));
    }
}
