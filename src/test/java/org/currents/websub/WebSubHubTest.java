package org.currents.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.currents.App;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub over real HTTP both ways on 127.0.0.1: a local subscriber is verified, a source change
 * polled through the real path reaches it signed within a second, a failing callback is retried
 * then dropped, and bad requests get a 4xx with a sentence and store nothing.
 */
class WebSubHubTest {
    private static final String SECRET = "a shared secret, ünïcode too";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aVerifiedSubscriberReceivesTheSignedFeedWithinASecondOfAChange() throws Exception {
        try (LocalSubscriber sub = new LocalSubscriber(); App app = start(sub, 2)) {
            String topic = app.baseUri() + "feed.atom";
            String callback = sub.url("/callback?who=test");
            HttpResponse<String> accepted = hub(app, form("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback,
                    "hub.lease_seconds", "3600", "hub.secret", SECRET));
            assertEquals(202, accepted.statusCode(), accepted.body());
            Map<String, String> asked = sub.verifications.poll(5, TimeUnit.SECONDS);
            assertNotNull(asked, "the hub asks the callback to confirm");
            assertEquals("subscribe", asked.get("hub.mode"));
            assertEquals(topic, asked.get("hub.topic"));
            assertEquals("3600", asked.get("hub.lease_seconds"));
            assertEquals(64, asked.get("hub.challenge").length());
            awaitStored(app, topic, callback, true);
            assertTrue(sub.deliveries.isEmpty(), "nothing is sent before something changes");

            sub.source.set(rss(3));
            app.poller().pollAll();
            long polled = System.nanoTime();
            LocalSubscriber.Delivery d = sub.deliveries.poll(1, TimeUnit.SECONDS);
            assertNotNull(d, "the change is delivered within one second of the poll's commit");
            assertTrue(System.nanoTime() - polled < TimeUnit.SECONDS.toNanos(1));
            String body = new String(d.body(), StandardCharsets.UTF_8);
            assertTrue(body.contains("Harbour crane number 3 topples in storm"), "the delivery is the current feed");
            assertEquals(new String(get(app, "feed.atom"), StandardCharsets.UTF_8), body, "the same bytes as served");
            assertTrue(d.contentType().startsWith("application/atom+xml"), d.contentType());
            assertTrue(d.link().contains("<" + app.baseUri() + "websub>; rel=\"hub\""), d.link());
            assertTrue(d.link().contains("<" + topic + ">; rel=\"self\""), d.link());
            assertEquals("sha256=" + hmac(SECRET, d.body()), d.signature(), "X-Hub-Signature verifies with the secret");

            app.poller().pollAll();
            assertNull(sub.deliveries.poll(500, TimeUnit.MILLISECONDS), "an unchanged feed is not sent again");

            assertEquals(202, hub(app, form("hub.mode", "unsubscribe", "hub.topic", topic, "hub.callback", callback))
                    .statusCode());
            assertEquals("unsubscribe", sub.verifications.poll(5, TimeUnit.SECONDS).get("hub.mode"));
            awaitStored(app, topic, callback, false);
        }
    }

    @Test
    void aCallbackThatKeepsFailingIsRetriedThenDropped() throws Exception {
        try (LocalSubscriber sub = new LocalSubscriber(); App app = start(sub, 2)) {
            String topic = app.baseUri() + "feed.rss";
            String callback = sub.url("/callback");
            assertEquals(202, hub(app, form("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback))
                    .statusCode());
            awaitStored(app, topic, callback, true);
            sub.deliveryStatus.set(500);
            sub.source.set(rss(3));
            app.poller().pollAll();
            for (int attempt = 1; attempt <= 3; attempt++) {
                LocalSubscriber.Delivery d = sub.deliveries.poll(5, TimeUnit.SECONDS);
                assertNotNull(d, "attempt " + attempt);
                assertNull(d.signature(), "no secret, no signature");
            }
            awaitStored(app, topic, callback, false);
            assertNull(sub.deliveries.poll(700, TimeUnit.MILLISECONDS), "three attempts (websub.attempts), then no more");
            sub.source.set(rss(4));
            app.poller().pollAll();
            assertNull(sub.deliveries.poll(700, TimeUnit.MILLISECONDS), "a dropped subscriber gets nothing more");
        }
    }

    @Test
    void badRequestsGetAClear4xxAndStoreNothing() throws Exception {
        try (LocalSubscriber sub = new LocalSubscriber(); App app = start(sub, 2)) {
            String topic = app.baseUri() + "feed.atom";
            String callback = sub.url("/callback");
            Object[][] cases = {
                    {form("hub.mode", "subscribe", "hub.topic", app.baseUri() + "nope.atom", "hub.callback", callback), 400,
                            "not a feed of this site"},
                    {form("hub.mode", "subscribe", "hub.topic", "https://elsewhere.example/feed.atom", "hub.callback", callback),
                            400, "not a feed of this site"},
                    {form("hub.mode", "subscribe", "hub.topic", app.baseUri() + "contexts/no-such-context.rss",
                            "hub.callback", callback), 400, "not a feed of this site"},
                    {form("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", "http://10.1.2.3/cb"), 403,
                            "private, loopback or reserved"},
                    {form("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", "http://[::1]:9/cb"), 403,
                            "private, loopback or reserved"},
                    {form("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", "ftp://127.0.0.1/cb"), 400,
                            "http or https"},
                    {form("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback, "hub.secret", "x".repeat(200)),
                            400, "less than 200 bytes"},
                    {form("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback, "hub.lease_seconds", "-5"),
                            400, "hub.lease_seconds"},
                    {form("hub.mode", "publish", "hub.topic", topic, "hub.callback", callback), 400, "subscribe or unsubscribe"},
                    {form("hub.mode", "subscribe", "hub.topic", topic), 400, "hub.callback is missing"},
                    {form("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback, "hub.callback", callback), 400,
                            "give it once"},
                    {"hub.mode=subscribe&hub.topic=%zz", 400, "not valid"},
            };
            for (Object[] c : cases) {
                HttpResponse<String> r = hub(app, (String) c[0]);
                assertEquals(c[1], r.statusCode(), c[0].toString().substring(0, Math.min(120, c[0].toString().length())));
                assertTrue(r.body().contains((String) c[2]), r.body());
                assertTrue(!r.body().contains("Exception") && r.body().length() < 400, "a sentence, not a trace: " + r.body());
            }
            // Announced, not sent: the hub refuses it unread, and a client still sending would meet a closed socket.
            String tooLarge = Announced.post(app.baseUri().resolve("websub"), "application/x-www-form-urlencoded", 20_000);
            assertTrue(tooLarge.startsWith("HTTP/1.1 413") && tooLarge.contains("over the limit"), tooLarge);
            HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(app.baseUri().resolve("websub"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, wrongType.statusCode());
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(app.baseUri().resolve("websub")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
            assertTrue(get.body().contains("WebSub hub"), get.body());

            assertNull(sub.verifications.poll(500, TimeUnit.MILLISECONDS), "no refused request is verified");
            assertEquals(List.of(), app.subscriptions().active(Instant.EPOCH), "no refused request is stored");
        }
    }

    /** The app with one source served by the subscriber's server, polled once, serving on a free port. */
    private App start(LocalSubscriber sub, int items) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("sources.opml"), "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t"
                + "</title></head><body><outline type=\"rss\" text=\"Local Wire\" xmlUrl=\"" + sub.url("/source.rss")
                + "\"/></body></opml>");
        sub.source.set(rss(items));
        Map<String, String> flags = new HashMap<>(Map.of("config", config.toString(), "data", dir.resolve("data").toString(),
                "port", "0", "host", "127.0.0.1", "fetch.allow", "127.0.0.1"));
        flags.put("websub.attempts", "3");
        flags.put("websub.retry", "100ms");
        Settings settings = new SettingsLoader("test").load(flags, Map.of());
        App app = App.open(settings);
        app.start();
        app.poller().pollAll();
        return app;
    }

    private static final String[] HEADLINES = {
        "Parliament passes the coastal fisheries bill after long debate",
        "Volcano on the northern island erupts, villages evacuated",
        "Central bank holds interest rates steady for a third month",
        "Harbour crane number 3 topples in storm",
        "Chess prodigy wins the national championship at twelve",
    };

    /** An RSS feed of the first {@code n} items, the newest first, each a distinct story. */
    static String rss(int n) {
        StringBuilder items = new StringBuilder();
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        for (int i = n; i >= 0; i--) {
            items.append("<item><title>").append(HEADLINES[i]).append("</title><link>https://localwire.example/story/")
                    .append(i).append("</link><guid>https://localwire.example/story/").append(i)
                    .append("</guid><pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME
                            .format(now.plusSeconds(3600L * i).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><description>").append(HEADLINES[i]).append(", reports Local Wire.</description></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local Wire</title>"
                + "<link>https://localwire.example/</link><description>d</description>" + items + "</channel></rss>";
    }

    private HttpResponse<String> hub(App app, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(app.baseUri().resolve("websub")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] get(App app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(app.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static String form(String... pairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", out);
    }

    private static void awaitStored(App app, String topic, String callback, boolean stored) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (app.subscriptions().find(topic, callback).isPresent() != stored && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(stored, app.subscriptions().find(topic, callback).isPresent(), (stored ? "stored: " : "gone: ") + callback);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
