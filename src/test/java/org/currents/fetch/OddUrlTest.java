package org.currents.fetch;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.currents.config.FetchSettings;
import org.currents.fetch.FetchResult.Failed;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever URL a source holds or a server redirects to, a fetch ends in a result naming it, never an exception. */
class OddUrlTest {
    @TempDir
    Path dir;

    private FixtureServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        Files.createDirectories(dir.resolve("feeds"));
        fetcher = new FeedFetcher(TestSettings.fetch(dir, Duration.ofSeconds(2), 2), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        server.close();
    }

    @Test
    void answersOddUrlsWithAFailureThatNamesThem() {
        for (String url : List.of("http:///feed", "http://:80/feed", "http://bad_host/feed", "https://bad_host:443/feed",
                "http://127.0.0.1:99999/feed", "http:feed", "HTTP:///feed", "mailto:feeds@example.com", "feed.xml",
                "//127.0.0.1/feed", "javascript:alert(1)", "file://example.com/feeds/a.rss", "file:feeds/a%00.rss",
                "file:/", "file:///%2e%2e/%2e%2e/etc/passwd", "jar:file:feeds/a.jar!/a.rss")) {
            Failed f = assertInstanceOf(Failed.class, fetch(URI.create(url)), url);
            assertTrue(f.message().contains(url), f.message());
        }
    }

    @Test
    void answersRedirectsToOddUrlsWithAFailureThatNamesThem() {
        List<String> targets = List.of("http:///feed", "http://bad_host/feed", "http://127.0.0.1:99999/feed",
                "http://:80/feed", "feed:http://127.0.0.1/feed");
        for (int i = 0; i < targets.size(); i++) {
            server.on("/odd" + i, redirect(targets.get(i)));
        }
        for (int i = 0; i < targets.size(); i++) {
            URI asked = server.url("/odd" + i);
            Failed f = assertInstanceOf(Failed.class, fetch(asked), targets.get(i));
            assertTrue(f.message().contains(asked.toString()) && f.message().contains(targets.get(i)), f.message());
        }
    }

    @Test
    void survivesADeclaredLengthBeyondWhatAnArrayHolds() throws Exception {
        server.on("/huge", new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put("Content-Length", "3000000000");
                // Headers and one byte go out; then the connection is cut, as no array could hold the rest.
                response.write(false, ByteBuffer.wrap(new byte[] {'<'}), Callback.from(
                        () -> callback.failed(new IOException("cut short")), callback::failed));
                return true;
            }
        });
        fetcher.close();
        FetchSettings base = TestSettings.fetch(dir, Duration.ofSeconds(2), 2);
        fetcher = new FeedFetcher(new FetchSettings(base.connectTimeout(), base.readTimeout(), base.totalTimeout(),
                4L << 30, base.maxRedirects(), base.userAgent(), base.allow(), base.fileBase(), base.fileRoots(),
                base.maxPerHost(), base.maxConcurrent()), Clock.systemUTC());
        Failed f = assertInstanceOf(Failed.class, fetch(server.url("/huge")));
        assertTrue(f.message().contains(server.url("/huge").toString()), f.message());
    }

    private FetchResult fetch(URI url) {
        try {
            return fetcher.fetch(new FetchRequest(url, null, null));
        } catch (RuntimeException e) {
            throw new AssertionError("fetching " + url + " threw " + e, e);
        }
    }

    private static Handler redirect(String location) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(302);
                response.getHeaders().put("Location", location);
                callback.succeeded();
                return true;
            }
        };
    }
}
