package org.currents.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

/**
 * Responses whose body we do not want (redirects, errors) must still give their connection
 * back; with one connection per host, a single held one stalls every later fetch until its
 * deadline, and it then fails as a timeout, not as the 404 it is.
 */
class ConnectionReleaseTest {
    private static final Duration TOTAL = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private FixtureServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        fetcher = new FeedFetcher(TestSettings.fetch(dir, TOTAL, 1), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        server.close();
    }

    @Test
    void releasesTheConnectionOfErrorsAndRedirectsThatCarryABody() {
        byte[] page = "<html><body>moved, see elsewhere</body></html>".getBytes(StandardCharsets.UTF_8);
        server.on("/moved", new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(302);
                response.getHeaders().put("Location", "/missing");
                response.write(true, ByteBuffer.wrap(page), callback);
                return true;
            }
        });
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            // "/missing" has no route: the fixture answers 404 with an HTML error page.
            Failed f = assertInstanceOf(Failed.class, fetcher.fetch(new FetchRequest(server.url(i % 2 == 0 ? "/missing"
                    : "/moved"), null, null)));
            assertEquals(FailureKind.HTTP_ERROR, f.kind(), "fetch " + i + ": " + f.message());
            assertEquals(404, f.httpStatus());
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(elapsed < TOTAL.toMillis() / 2, "fetch " + i + " took " + elapsed + " ms");
        }
    }
}
