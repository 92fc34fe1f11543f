package org.currents.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.config.FetchSettings;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.currents.event.Features;
import org.currents.fetch.FeedFetcher;
import org.currents.publish.Document;
import org.currents.publish.PageFormat;
import org.currents.publish.Site;
import org.currents.relate.RelatedEvents;
import org.currents.store.ContextStore;
import org.currents.store.Database;
import org.currents.store.EventSearch;
import org.currents.store.EventStore;
import org.currents.store.Listings;
import org.currents.store.TestDatabases;
import org.currents.store.TestIngest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cover images through the real fetcher from a local server: refused at a private address (and
 * the event page renders without one), refused when the bytes are no image, and a real image
 * fetched once, resized to each width, served by the site and shown with srcset and lazy loading.
 */
class CoverImagesTest {
    private static final Instant T = Instant.parse("2018-01-22T10:00:00Z");

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private byte[] png;

    @BeforeEach
    void serve() throws IOException {
        png = png(1200, 800);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            boolean fake = exchange.getRequestURI().getPath().startsWith("/fake");
            byte[] body = fake ? "<html>not an image</html>".getBytes(StandardCharsets.UTF_8) : png;
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static byte[] png(int w, int h) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLUE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static FetchSettings fetch(Path base, List<String> allow) {
        return new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 5_000_000, 3,
                "Currents/test", allow, base, List.of(base.resolve("feeds")), 2, 4);
    }

    /** The site on an H2 database holding one event whose cover is {@code cover}. */
    private record World(Database db, Site site, CoverImages covers, FeedFetcher fetcher) implements AutoCloseable {
        @Override
        public void close() {
            covers.close();
            fetcher.close();
            db.close();
        }
    }

    private World world(String cover, List<String> allow, long budget) {
        Database db = Database.open(TestDatabases.h2(dir));
        Clock clock = Clock.fixed(T.plusSeconds(3600), ZoneOffset.UTC);
        TestIngest.of(db, clock).ingest(List.of(new EventDraft("item:1:a", Set.of(), Features.NONE, T,
                "Lava reaches the sea", "Lava from Kilauea reaches the ocean.", "", null, cover,
                new EventSource(1, "Island Times", "https://island.example/lava", "https://island.example/rss"), List.of(),
                null)));
        FeedFetcher fetcher = new FeedFetcher(fetch(dir, allow), Clock.systemUTC());
        CoverImages covers = new CoverImages(dir.resolve("images"), budget, fetcher::fetch, Clock.systemUTC());
        EventStore events = new EventStore(db);
        Site site = new Site(events, new ContextStore(db), new RelatedEvents(events, new TextAnalyzer(Places.standard())), URI.create("https://currents.example/"),
                1, new Listings(db), new EventSearch(db), covers);
        return new World(db, site, covers, fetcher);
    }

    private static String page(Site site) {
        Document doc = site.event(T.atOffset(ZoneOffset.UTC).toLocalDate(), "lava-reaches-the-sea", PageFormat.HTML).orElseThrow();
        return new String(doc.body().get(), StandardCharsets.UTF_8);
    }

    @Test
    void anImageAtAPrivateAddressIsRefusedAndThePageStillRenders() throws Exception {
        String cover = url("/cover.png");
        try (World w = world(cover, List.of(), 10_000_000)) {
            assertFalse(w.covers().load(cover, CoverImages.key(cover)));
            String reason = Files.readString(dir.resolve("images").resolve(CoverImages.key(cover)).resolve("failed"));
            assertTrue(reason.contains("address guard") || reason.contains("refused"), reason);
            assertEquals(0, requests.get(), "the guard refuses before connecting");
            String html = page(w.site());
            assertTrue(html.contains("<h1>Lava reaches the sea</h1>"));
            assertFalse(html.contains("<img") || html.contains("127.0.0.1"), "no image, no hot link");
            assertTrue(w.covers().ready(cover).isEmpty(), "a refusal is remembered, not retried on every page");
        }
    }

    @Test
    void bytesThatAreNoImageAreRefused() throws Exception {
        String cover = url("/fake.png");
        try (World w = world(cover, List.of("127.0.0.1"), 10_000_000)) {
            assertFalse(w.covers().load(cover, CoverImages.key(cover)));
            assertTrue(Files.readString(dir.resolve("images").resolve(CoverImages.key(cover)).resolve("failed"))
                    .contains("not an image"));
            assertFalse(page(w.site()).contains("<img"));
        }
    }

    @Test
    void aCoverIsSeenWithAllItsWidthsOrNotAtAll() throws Exception {
        try (World w = world(url("/cover.png"), List.of("127.0.0.1"), 100_000_000)) {
            List<List<Integer>> seen = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String cover = url("/cover.png?n=" + i);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                Optional<CoverImages.Ready> ready = Optional.empty();
                while (ready.isEmpty() && System.nanoTime() < deadline) {
                    ready = w.covers().ready(cover);
                }
                seen.add(ready.orElseThrow().widths());
            }
            assertEquals(Collections.nCopies(10, List.of(320, 640, 960)), seen, "asked as fast as can be, while it is stored");
        }
    }

    @Test
    void aRealImageIsFetchedOnceResizedServedAndShownWithSrcset() throws Exception {
        String cover = url("/cover.png");
        try (World w = world(cover, List.of("127.0.0.1"), 10_000_000)) {
            LocalDateHolder day = new LocalDateHolder();
            Document before = w.site().event(day.value, "lava-reaches-the-sea", PageFormat.HTML).orElseThrow();
            assertFalse(new String(before.body().get(), StandardCharsets.UTF_8).contains("<img"), "not fetched yet");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (w.covers().ready(cover).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            CoverImages.Ready ready = w.covers().ready(cover).orElseThrow();
            assertEquals(List.of(320, 640, 960), ready.widths());
            assertEquals(1, requests.get(), "fetched once");
            for (int width : ready.widths()) {
                byte[] jpeg = w.site().coverImage(ready.key(), width).orElseThrow().body().get();
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
                assertEquals(width, image.getWidth());
                assertEquals(Math.round(width * 800.0 / 1200), image.getHeight());
            }
            Document after = w.site().event(day.value, "lava-reaches-the-sea", PageFormat.HTML).orElseThrow();
            assertNotEquals(before.etag(), after.etag(), "the page's validator moves when its cover is ready");
            String html = new String(after.body().get(), StandardCharsets.UTF_8);
            String base = "https://currents.example/images/" + ready.key() + "/";
            assertTrue(html.contains("<img src=\"" + base + "320.jpg\" srcset=\"" + base + "320.jpg 320w, " + base
                    + "640.jpg 640w, " + base + "960.jpg 960w\""), html);
            assertTrue(html.contains("alt=\"Lava reaches the sea\" loading=\"lazy\""), html);
            assertFalse(html.contains("127.0.0.1"), "the reader's browser contacts only Currents");
            assertTrue(w.site().coverImage(ready.key(), 123).isEmpty());
            assertTrue(w.site().coverImage("../../etc/passwd", 320).isEmpty());
        }
    }

    @Test
    void theDiskBudgetDropsTheOldestImages() throws Exception {
        try (World w = world(null, List.of("127.0.0.1"), 10_000_000)) {
            String first = url("/a.png");
            assertTrue(w.covers().load(first, CoverImages.key(first)));
            long one;
            try (var files = Files.list(dir.resolve("images").resolve(CoverImages.key(first)))) {
                one = files.mapToLong(p -> p.toFile().length()).sum();
            }
            CoverImages small = new CoverImages(dir.resolve("images"), one + one / 2, w.fetcher()::fetch, Clock.systemUTC());
            Thread.sleep(20);
            String second = url("/b.png");
            assertTrue(small.load(second, CoverImages.key(second)));
            small.close();
            assertFalse(Files.exists(dir.resolve("images").resolve(CoverImages.key(first))), "the older image is dropped");
            assertTrue(Files.exists(dir.resolve("images").resolve(CoverImages.key(second))));
        }
    }

    private static final class LocalDateHolder {
        final java.time.LocalDate value = T.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
