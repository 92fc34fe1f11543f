package org.currents.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.currents.fetch.FetchResult.Failed;
import org.currents.fetch.FetchResult.FailureKind;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch.total-timeout} bounds the whole fetch: every redirect hop and the body share it. */
class FetchDeadlineTest {
    private static final Duration TOTAL = Duration.ofSeconds(1);
    /** Cut off at the deadline, with room for a slow machine; each hop given the full timeout takes 1.5 s or more. */
    private static final long CUT_OFF_MILLIS = 1400;

    @TempDir
    Path dir;

    private FixtureServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        fetcher = new FeedFetcher(TestSettings.fetch(dir, TOTAL, 2), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        server.close();
    }

    @Test
    void cutsAChainOfSlowRedirectsOffAtTheTotalTimeout() {
        // Each hop answers well within the total timeout; together they take twice as long.
        server.on("/hop0", FixtureServer.after(Duration.ofMillis(500), redirect("/hop1")));
        server.on("/hop1", FixtureServer.after(Duration.ofMillis(500), redirect("/hop2")));
        server.on("/hop2", FixtureServer.after(Duration.ofMillis(500), redirect("/feed")));
        server.on("/feed", FixtureServer.after(Duration.ofMillis(500), feed()));
        long start = System.nanoTime();
        Failed f = assertInstanceOf(Failed.class, fetcher.fetch(new FetchRequest(server.url("/hop0"), null, null)));
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(FailureKind.TIMEOUT, f.kind(), f.message());
        assertTrue(f.message().contains(server.url("/hop").toString()) && f.message().contains("fetch.total-timeout"),
                f.message());
        assertTrue(elapsed < CUT_OFF_MILLIS, "gave up after " + elapsed + " ms");
    }

    @Test
    void countsTheTimeSpentOnRedirectsAgainstReadingTheBody() {
        server.on("/slow-redirect", FixtureServer.after(Duration.ofMillis(500), redirect("/drip")));
        server.on("/drip", drip(Duration.ofMillis(100), 30));
        long start = System.nanoTime();
        Failed f = assertInstanceOf(Failed.class, fetcher.fetch(new FetchRequest(server.url("/slow-redirect"), null,
                null)));
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(FailureKind.TIMEOUT, f.kind(), f.message());
        assertTrue(elapsed < CUT_OFF_MILLIS, "gave up after " + elapsed + " ms");
        assertTrue(f.message().contains(server.url("/drip") + " (redirected from " + server.url("/slow-redirect") + ")"),
                f.message());
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

    private static Handler feed() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.write(true, ByteBuffer.wrap("<rss version=\"2.0\"><channel/></rss>".getBytes(
                        StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
    }

    /** A 200 whose body comes one byte every {@code every}, {@code bytes} times: it never stalls long enough to idle out. */
    private static Handler drip(Duration every, int bytes) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                send(request, response, callback, bytes);
                return true;
            }

            private void send(Request request, Response response, Callback callback, int left) {
                if (left == 0) {
                    response.write(true, ByteBuffer.allocate(0), callback);
                    return;
                }
                response.write(false, ByteBuffer.wrap(new byte[] {' '}), Callback.from(() -> request.getComponents()
                        .getScheduler().schedule(() -> send(request, response, callback, left - 1), every.toMillis(),
                                TimeUnit.MILLISECONDS), callback::failed));
            }
        };
    }
}
