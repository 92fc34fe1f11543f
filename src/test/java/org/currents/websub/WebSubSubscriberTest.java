package org.currents.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.currents.App;
import org.currents.config.SettingsLoader;
import org.currents.poll.PollOutcome;
import org.currents.source.Source;
import org.currents.store.UpstreamStore.State;
import org.currents.store.UpstreamStore.Upstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Currents as a WebSub subscriber, against a second Currents as the hub, over real HTTP on
 * 127.0.0.1: the publisher polls a local feed and advertises its /websub hub; the subscriber
 * polls the publisher's Atom feed, subscribes at that hub, is verified, and takes in what the
 * hub pushes at once, and only when it is signed with its secret.
 */
class WebSubSubscriberTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalSubscriber origin = newOrigin();
    private App publisher;
    private App subscriber;

    @AfterEach
    void stop() {
        for (App app : new App[] {subscriber, publisher}) {
            if (app != null) {
                app.close();
            }
        }
        origin.close();
    }

    @Test
    void subscribesAtTheAdvertisedHubAndIngestsASignedPushWithinOneSecond() throws Exception {
        startBoth("10d");
        Source source = subscriber.sources().all().get(0);
        // The scheduler polls a new source at start too: when its poll has stored the feed first, ours is a 304.
        PollOutcome first = subscriber.poller().poll(source.id());
        assertTrue(Set.of("ok", "not_modified").contains(first.status()), first.status() + ": " + first.error());
        Upstream u = awaitActive(source.id());
        assertEquals(topic(), u.topic(), "the topic is the feed's rel=self");
        assertEquals(publisher.baseUri() + "websub", u.hub());
        // The hub stores it once our answer to its verification is in.
        assertTrue(await(() -> publisher.subscriptions().find(topic(), callback(u).toString()).isPresent(), 5000),
                "the hub holds the subscription");
        assertTrue(u.expires().isAfter(Instant.now().plus(Duration.ofDays(9))), "the lease granted is recorded");

        origin.source.set(WebSubHubTest.rss(3));
        publisher.poller().pollAll();
        long changed = System.nanoTime();
        assertTrue(await(() -> has(subscriber, "Harbour crane number 3"), 1000), "the pushed change is ingested within 1 s");
        assertTrue(System.nanoTime() - changed < TimeUnit.SECONDS.toNanos(1));
        // The source's status is written just after the events are committed: seen a moment later.
        assertTrue(await(() -> "pushed".equals(subscriber.sources().find(source.id()).orElseThrow().status().lastStatus()),
                2000), "recorded on the source like a poll");

        PollOutcome fallback = subscriber.poller().poll(source.id());
        assertTrue(fallback.nextPoll().isAfter(Instant.now().plus(Duration.ofMinutes(100))),
                "a pushed source polls at websub.fallback-interval (2h): " + fallback.nextPoll());

        // The subscription, its token and secret outlive a restart.
        subscriber.close();
        subscriber = App.open(new SettingsLoader("test").load(flags("subscriber", subscriberPort, publisher.baseUri() + "feed.atom",
                "10d"), Map.of()));
        subscriber.start();
        assertEquals(State.ACTIVE, subscriber.upstreams().byToken(u.token()).orElseThrow().state());
        origin.source.set(WebSubHubTest.rss(4));
        publisher.poller().pollAll();
        assertTrue(await(() -> has(subscriber, "Chess prodigy wins"), 1000), "pushed after a restart too");
    }

    @Test
    void refusesForgedOversizedAndMisdirectedCallbacks() throws Exception {
        startBoth("10d");
        Source source = subscriber.sources().all().get(0);
        subscriber.poller().poll(source.id());
        Upstream u = awaitActive(source.id());
        URI callback = callback(u);
        String status = subscriber.sources().find(source.id()).orElseThrow().status().lastStatus();
        byte[] forged = WebSubHubTest.rss(3).getBytes(StandardCharsets.UTF_8);

        for (String signature : new String[] {null, "sha256=" + hmac("HmacSHA256", "not the secret", forged),
                "sha256=" + hmac("HmacSHA256", u.secret(), "other bytes".getBytes(StandardCharsets.UTF_8)), "sha256=zz",
                "md5=" + hmac("HmacSHA256", u.secret(), forged), "garbage"}) {
            HttpResponse<String> r = post(callback, forged, signature);
            assertEquals(202, r.statusCode(), "acknowledged as the spec allows, but ignored: " + signature);
        }
        Thread.sleep(300);
        assertFalse(has(subscriber, "Harbour crane number 3"), "nothing of a badly signed delivery is stored");
        assertEquals(status, subscriber.sources().find(source.id()).orElseThrow().status().lastStatus());

        assertTrue(Announced.post(callback, "application/rss+xml", 300 * 1024).startsWith("HTTP/1.1 413 Payload Too Large"),
                "over fetch.max-bytes, refused unread");
        assertEquals(410, post(URI.create(callback.toString().replace(u.token(), "ab".repeat(32))), forged, null).statusCode());
        assertEquals(404, get(callback, "hub.mode=subscribe&hub.topic=http%3A%2F%2Fevil.example%2F&hub.challenge=x").statusCode());
        assertEquals(404, get(URI.create(callback.toString().replace(u.token(), "ab".repeat(32))),
                "hub.mode=subscribe&hub.topic=" + enc(topic()) + "&hub.challenge=x").statusCode());
        assertEquals(404, get(URI.create(subscriber.baseUri() + "websub/callback/../feed.atom"), "hub.challenge=x")
                .statusCode());
        assertEquals(404, get(callback, "hub.mode=unsubscribe&hub.topic=" + enc(topic()) + "&hub.challenge=x").statusCode(),
                "an unsubscription we did not ask for is not confirmed");
        assertEquals(State.ACTIVE, subscriber.upstreams().byToken(u.token()).orElseThrow().state());

        // A good signature by another method the spec names is taken in.
        HttpResponse<String> good = post(callback, forged, "sha512=" + hmac("HmacSHA512", u.secret(), forged));
        assertEquals(202, good.statusCode());
        assertTrue(has(subscriber, "Harbour crane number 3"), "a well-signed delivery is ingested before the answer");
    }

    @Test
    void renewsBeforeTheLeaseEndsAndUnsubscribesWhenTheSourceIsRemoved() throws Exception {
        startBoth("3s");
        Source source = subscriber.sources().all().get(0);
        subscriber.poller().poll(source.id());
        Upstream first = awaitActive(source.id());
        assertTrue(await(() -> subscriber.upstreams().byToken(first.token()).orElseThrow().expires().isAfter(first.expires()),
                5000), "renewed");
        assertTrue(Instant.now().isBefore(first.expires().plusMillis(500)), "renewed before the first lease ended");
        Thread.sleep(Duration.between(Instant.now(), first.expires()).toMillis() + 500);
        assertTrue(publisher.subscriptions().active(Instant.now()).stream().anyMatch(s -> s.callback().equals(
                callback(first).toString())), "the hub still serves us after the first lease's end");

        assertTrue(subscriber.admin().remove(source.id(), false));
        assertTrue(await(() -> publisher.subscriptions().find(topic(), callback(first).toString()).isEmpty()
                && subscriber.upstreams().ofSource(source.id()).isEmpty(), 5000), "unsubscribed at the hub, and forgotten");
        assertEquals(410, post(callback(first), new byte[] {1}, null).statusCode());
    }

    private int subscriberPort;

    private void startBoth(String lease) throws Exception {
        int publisherPort = freePort();
        subscriberPort = freePort();
        publisher = App.open(new SettingsLoader("test").load(flags("publisher", publisherPort, origin.url("/source.rss"),
                lease), Map.of()));
        publisher.start();
        publisher.poller().pollAll();
        subscriber = App.open(new SettingsLoader("test").load(flags("subscriber", subscriberPort,
                "http://127.0.0.1:" + publisherPort + "/feed.atom", lease), Map.of()));
        subscriber.start();
    }

    private Map<String, String> flags(String name, int port, String feed, String lease) throws Exception {
        Path config = Files.createDirectories(dir.resolve(name).resolve("config"));
        Files.writeString(config.resolve("sources.opml"), "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t"
                + "</title></head><body><outline type=\"rss\" text=\"" + name + "\" xmlUrl=\"" + feed + "\"/></body></opml>");
        String base = "http://127.0.0.1:" + port + "/";
        Map<String, String> flags = new HashMap<>(Map.of("config", config.toString(), "data",
                dir.resolve(name).resolve("data").toString(), "port", Integer.toString(port), "host", "127.0.0.1",
                "site.url", base, "fetch.allow", "127.0.0.1", "fetch.max-bytes", "256KB"));
        // Polls by the scheduler would race the test's own; an hour keeps them out of the way.
        flags.put("poll.interval", "1h");
        if (name.equals("subscriber")) {
            flags.put("websub.callback-base", base);
            flags.put("websub.subscribe-lease", lease);
            flags.put("websub.fallback-interval", "2h");
        }
        return flags;
    }

    private String topic() {
        return publisher.baseUri() + "feed.atom";
    }

    private URI callback(Upstream u) {
        return URI.create(subscriber.baseUri() + "websub/callback/" + u.token());
    }

    private Upstream awaitActive(long sourceId) throws InterruptedException {
        assertTrue(await(() -> subscriber.upstreams().ofSource(sourceId).stream().anyMatch(u -> u.state() == State.ACTIVE),
                5000), "the hub verified the subscription");
        return subscriber.upstreams().ofSource(sourceId).get(0);
    }

    private static boolean has(App app, String headline) {
        return app.events().latest(100).stream().anyMatch(e -> e.headline().contains(headline));
    }

    private static boolean await(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private HttpResponse<String> post(URI callback, byte[] body, String signature) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(callback).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/rss+xml").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            r.header("X-Hub-Signature", signature);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI callback, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(callback + "?" + query)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String hmac(String algorithm, String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static LocalSubscriber newOrigin() {
        try {
            LocalSubscriber s = new LocalSubscriber();
            s.source.set(WebSubHubTest.rss(2));
            return s;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
