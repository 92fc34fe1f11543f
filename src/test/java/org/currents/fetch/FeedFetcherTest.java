package org.currents.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.currents.config.FetchSettings;
import org.currents.fetch.FetchResult.Failed;
import org.currents.fetch.FetchResult.FailureKind;
import org.currents.fetch.FetchResult.Fetched;
import org.currents.fetch.FetchResult.NotModified;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFetcherTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private FixtureServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        Files.createDirectories(dir.resolve("feeds"));
        fetcher = fetcher(1_000_000, Duration.ofSeconds(3));
    }

    private FeedFetcher fetcher(long maxBytes, Duration total) {
        return new FeedFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), total, maxBytes, 3,
                "Currents/test", List.of("127.0.0.1"), dir, List.of(dir.resolve("feeds")), 2, 4),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        server.close();
    }

    private FetchResult get(String path) {
        return fetcher.fetch(new FetchRequest(server.url(path), null, null));
    }

    private static Handler respond(int status, byte[] body, String... headers) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(status);
                for (int i = 0; i < headers.length; i += 2) {
                    response.getHeaders().put(headers[i], headers[i + 1]);
                }
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        };
    }

    @Test
    void fetchesABodyWithItsValidatorsAndUserAgent() {
        String[] agent = new String[1];
        server.on("/feed", new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                agent[0] = request.getHeaders().get(HttpHeader.USER_AGENT);
                response.getHeaders().put(HttpHeader.ETAG, "\"v1\"");
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/rss+xml; charset=utf-8");
                response.write(true, ByteBuffer.wrap(FEED), callback);
                return true;
            }
        });
        Fetched f = assertInstanceOf(Fetched.class, get("/feed"));
        assertArrayEquals(FEED, f.body());
        assertEquals("\"v1\"", f.etag());
        assertEquals("application/rss+xml; charset=utf-8", f.contentType());
        assertEquals("Currents/test", agent[0]);
    }

    @Test
    void answersNotModifiedToAConditionalRequest() {
        server.on("/feed", new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                boolean current = "\"v1\"".equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH));
                response.setStatus(current ? 304 : 200);
                response.write(true, ByteBuffer.wrap(current ? new byte[0] : FEED), callback);
                return true;
            }
        });
        assertInstanceOf(NotModified.class, fetcher.fetch(new FetchRequest(server.url("/feed"), "\"v1\"", null)));
        assertInstanceOf(Fetched.class, fetcher.fetch(new FetchRequest(server.url("/feed"), "\"v0\"", null)));
    }

    @Test
    void decodesGzipAndStopsAGzipBombAtTheCap() throws Exception {
        server.on("/gz", respond(200, gzip(FEED), "Content-Encoding", "gzip"));
        server.on("/bomb", respond(200, gzip(new byte[50_000_000]), "Content-Encoding", "gzip"));
        assertArrayEquals(FEED, assertInstanceOf(Fetched.class, get("/gz")).body());
        long start = System.nanoTime();
        assertEquals(FailureKind.TOO_LARGE, assertInstanceOf(Failed.class, get("/bomb")).kind());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the bomb is cut off, not inflated");
    }

    @Test
    void decodesDeflateInBothItsZlibAndRawForms() throws Exception {
        server.on("/zlib", respond(200, deflate(FEED, false), "Content-Encoding", "deflate"));
        server.on("/raw", respond(200, deflate(FEED, true), "Content-Encoding", "deflate"));
        server.on("/deflate-bomb", respond(200, deflate(new byte[30_000_000], false), "Content-Encoding", "deflate"));
        assertArrayEquals(FEED, assertInstanceOf(Fetched.class, get("/zlib")).body());
        assertArrayEquals(FEED, assertInstanceOf(Fetched.class, get("/raw")).body());
        assertEquals(FailureKind.TOO_LARGE, assertInstanceOf(Failed.class, get("/deflate-bomb")).kind());
    }

    @Test
    void refusesBodiesOverTheLimit() {
        server.on("/big", respond(200, new byte[2_000_000]));
        Failed f = assertInstanceOf(Failed.class, get("/big"));
        assertEquals(FailureKind.TOO_LARGE, f.kind());
        assertTrue(f.message().contains("fetch.max-bytes"), f.message());
    }

    @Test
    void givesUpOnAServerThatDripsPastTheTotalTimeout() {
        server.on("/drip", new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                response.setStatus(200);
                for (int i = 0; i < 50 && !Thread.currentThread().isInterrupted(); i++) {
                    try {
                        Callback.Completable chunk = new Callback.Completable();
                        response.write(false, ByteBuffer.wrap(new byte[] {' '}), chunk);
                        chunk.get();
                        Thread.sleep(200);
                    } catch (Exception e) {
                        break;
                    }
                }
                callback.succeeded();
                return true;
            }
        });
        fetcher.close();
        fetcher = fetcher(1_000_000, Duration.ofSeconds(1));
        long start = System.nanoTime();
        Failed f = assertInstanceOf(Failed.class, get("/drip"));
        assertEquals(FailureKind.TIMEOUT, f.kind(), f.message());
        assertTrue(System.nanoTime() - start < 4_000_000_000L);
    }

    @Test
    void reportsAClosedPortAsANetworkFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Failed f = assertInstanceOf(Failed.class, fetcher.fetch(new FetchRequest(URI.create("http://127.0.0.1:" + port
                + "/"), null, null)));
        assertEquals(FailureKind.NETWORK, f.kind());
    }

    @Test
    void followsPermanentRedirectsAndReportsTheNewUrl() {
        server.on("/old", respond(301, new byte[0], "Location", "/older"));
        server.on("/older", respond(308, new byte[0], "Location", "/new"));
        server.on("/new", respond(200, FEED));
        server.on("/temp", respond(302, new byte[0], "Location", "/new"));
        assertEquals(server.url("/new"), assertInstanceOf(Fetched.class, get("/old")).movedTo());
        assertNull(assertInstanceOf(Fetched.class, get("/temp")).movedTo());
    }

    @Test
    void stopsRedirectLoopsAndLongChains() {
        server.on("/a", respond(302, new byte[0], "Location", "/b"));
        server.on("/b", respond(302, new byte[0], "Location", "/a"));
        for (int i = 0; i < 6; i++) {
            server.on("/c" + i, respond(302, new byte[0], "Location", "/c" + (i + 1)));
        }
        assertEquals(FailureKind.REDIRECT_LOOP, assertInstanceOf(Failed.class, get("/a")).kind());
        assertEquals(FailureKind.TOO_MANY_REDIRECTS, assertInstanceOf(Failed.class, get("/c0")).kind());
    }

    @Test
    void refusesRedirectsInwardAndToFiles() {
        // Only 127.0.0.1 is allowed; other loopback addresses stand in for inside ones (the guard's own test
        // covers metadata and private ranges), so even a broken guard sends nothing off this machine.
        server.on("/inward", respond(302, new byte[0], "Location", "http://127.0.0.2:" + server.port() + "/feed"));
        server.on("/metadata", respond(301, new byte[0], "Location", "http://127.1.2.3:" + server.port() + "/meta-data/"));
        server.on("/file", respond(302, new byte[0], "Location", "file:///etc/passwd"));
        assertEquals(FailureKind.ADDRESS_REFUSED, assertInstanceOf(Failed.class, get("/inward")).kind());
        assertEquals(FailureKind.ADDRESS_REFUSED, assertInstanceOf(Failed.class, get("/metadata")).kind());
        assertEquals(FailureKind.NOT_ALLOWED, assertInstanceOf(Failed.class, get("/file")).kind());
        assertEquals(FailureKind.ADDRESS_REFUSED, assertInstanceOf(Failed.class, fetcher.fetch(new FetchRequest(
                URI.create("http://[::1]:" + server.port() + "/"), null, null))).kind());
    }

    @Test
    void mapsGoneAndRateLimitedStatuses() {
        server.on("/gone", respond(410, new byte[0]));
        server.on("/slow-down", respond(429, new byte[0], "Retry-After", "120"));
        server.on("/busy", respond(503, new byte[0], "Retry-After", "Thu, 01 Jan 2026 01:00:00 GMT"));
        server.on("/broken", respond(500, new byte[0]));
        assertEquals(FailureKind.GONE, assertInstanceOf(Failed.class, get("/gone")).kind());
        Failed limited = assertInstanceOf(Failed.class, get("/slow-down"));
        assertEquals(FailureKind.RATE_LIMITED, limited.kind());
        assertEquals(NOW.plusSeconds(120), limited.retryAfter());
        assertEquals(NOW.plusSeconds(3600), assertInstanceOf(Failed.class, get("/busy")).retryAfter());
        Failed broken = assertInstanceOf(Failed.class, get("/broken"));
        assertEquals(500, broken.httpStatus());
        assertTrue(broken.message().contains(server.url("/broken").toString()), broken.message());
    }

    @Test
    void readsFilesOnlyInsideTheAllowedDirectories() throws Exception {
        Files.write(dir.resolve("feeds/a.rss"), FEED);
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(dir.resolve("feeds/link.rss"), dir.resolve("secret.txt"));
        Fetched f = assertInstanceOf(Fetched.class, fetcher.fetch(new FetchRequest(URI.create("file:feeds/a.rss"), null, null)));
        assertArrayEquals(FEED, f.body());
        assertInstanceOf(NotModified.class, fetcher.fetch(new FetchRequest(URI.create("file:feeds/a.rss"), f.etag(), null)));
        for (String escape : List.of("file:feeds/../secret.txt", "file:feeds/link.rss", dir.resolve("secret.txt").toUri().toString())) {
            assertEquals(FailureKind.NOT_ALLOWED, assertInstanceOf(Failed.class,
                    fetcher.fetch(new FetchRequest(URI.create(escape), null, null))).kind(), escape);
        }
        assertEquals(404, assertInstanceOf(Failed.class, fetcher.fetch(new FetchRequest(URI.create("file:feeds/none.rss"),
                null, null))).httpStatus());
    }

    @Test
    void refusesOtherSchemes() {
        assertEquals(FailureKind.NOT_ALLOWED, assertInstanceOf(Failed.class,
                fetcher.fetch(new FetchRequest(URI.create("ftp://127.0.0.1/feed"), null, null))).kind());
        assertEquals(FailureKind.NOT_ALLOWED, assertInstanceOf(Failed.class,
                fetcher.fetch(new FetchRequest(URI.create("gopher://127.0.0.1/feed"), null, null))).kind());
    }

    private static byte[] deflate(byte[] data, boolean raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream d = new java.util.zip.DeflaterOutputStream(out,
                new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, raw))) {
            d.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
