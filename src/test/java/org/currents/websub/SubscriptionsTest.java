package org.currents.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.currents.config.FetchSettings;
import org.currents.config.StoreSettings;
import org.currents.config.WebSubSettings;
import org.currents.fetch.CallbackClient;
import org.currents.parse.PushLinks;
import org.currents.source.Source;
import org.currents.source.SourceSpec;
import org.currents.store.Database;
import org.currents.store.SourceStore;
import org.currents.store.UpstreamStore;
import org.currents.store.UpstreamStore.State;
import org.currents.store.UpstreamStore.Upstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscriber's side of the conversation with hubs, against a local stand-in hub that records
 * what it is sent: what a subscription request carries, switching hubs, unsubscribing when a
 * feed names none, asking again after a refusal or a denial, and renewing when due.
 */
class SubscriptionsTest {
    private static final URI BASE = URI.create("https://news.example/currents/");

    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-12-06T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final WebSubSettings settings = new WebSubSettings(Duration.ofDays(10), Duration.ofDays(30), 3,
            Duration.ofMinutes(1), BASE, Duration.ofDays(10), Duration.ofHours(6), null);
    private LocalSubscriber hub;
    private Database db;
    private CallbackClient client;
    private UpstreamStore store;
    private Subscriptions subscriptions;
    private SubscriberCallback callback;
    private Source source;

    @BeforeEach
    void open() throws Exception {
        hub = new LocalSubscriber();
        db = Database.open(new StoreSettings("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "sa", "", 4));
        client = new CallbackClient(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                1_000_000, 3, "Currents/test", List.of("127.0.0.1"), dir, List.of(dir), 2, 4));
        store = new UpstreamStore(db);
        subscriptions = new Subscriptions(store, client, settings, clock);
        callback = new SubscriberCallback(store, (id, body, type) -> { }, settings, 1000, clock);
        source = new SourceStore(db).upsert(new SourceSpec("http://127.0.0.1:9/feed", "Wire", null, List.of(), null));
    }

    @AfterEach
    void close() {
        client.close();
        db.close();
        hub.close();
    }

    @Test
    void asksTheFirstHubForTheSelfTopicWithItsOwnCallbackSecretAndLease() throws Exception {
        subscriptions.seen(source, new PushLinks(List.of(hub.url("/callback"), "http://127.0.0.1:9/other-hub"),
                "/feed?self"));
        Map<String, List<String>> form = request();
        assertEquals(List.of("subscribe"), form.get("hub.mode"));
        assertEquals(List.of("http://127.0.0.1:9/feed?self"), form.get("hub.topic"), "self, resolved against the feed");
        assertEquals(List.of("864000"), form.get("hub.lease_seconds"));
        Upstream u = store.ofSource(source.id()).get(0);
        assertEquals(State.PENDING, u.state());
        assertEquals(List.of(BASE + "websub/callback/" + u.token()), form.get("hub.callback"));
        assertTrue(u.token().matches("[0-9a-f]{64}"));
        assertEquals(List.of(u.secret()), form.get("hub.secret"));
        assertTrue(u.secret().matches("[0-9a-f]{64}"));
        assertFalse(subscriptions.pushing(source.id()), "not before the hub verifies");

        subscriptions.seen(source, new PushLinks(List.of(hub.url("/callback")), "/feed?self"));
        assertNull(hub.deliveries.poll(200, TimeUnit.MILLISECONDS), "the same hub and topic: nothing to ask");

        assertEquals(404, callback.verify(u.token(), query("subscribe", "http://127.0.0.1:9/elsewhere", "c")).status());
        assertEquals(404, callback.verify("f".repeat(64), query("subscribe", u.topic(), "c")).status());
        assertEquals(404, callback.verify("../" + u.token(), query("subscribe", u.topic(), "c")).status());
        WebSubHub.Reply verified = callback.verify(u.token(), query("subscribe", u.topic(), "c-123", "hub.lease_seconds",
                "1000"));
        assertEquals(200, verified.status());
        assertEquals("c-123", verified.message(), "the challenge echoed");
        Upstream active = store.byToken(u.token()).orElseThrow();
        assertEquals(now.plusSeconds(1000), active.expires());
        assertEquals(now.plusSeconds(850), active.renewAt(), "renewed at 85% of the lease granted");
        assertTrue(subscriptions.pushing(source.id()));

        now = now.plusSeconds(849);
        subscriptions.renewDue();
        assertNull(hub.deliveries.poll(200, TimeUnit.MILLISECONDS), "not due yet");
        now = now.plusSeconds(1);
        subscriptions.renewDue();
        assertEquals(List.of("subscribe"), request().get("hub.mode"), "renewed");
        subscriptions.renewDue();
        assertNull(hub.deliveries.poll(200, TimeUnit.MILLISECONDS), "once");
    }

    @Test
    void switchesHubsUnsubscribesWhenNoneIsNamedAndAsksAgainAfterARefusalOrADenial() throws Exception {
        hub.deliveryStatus.set(500);
        subscriptions.seen(source, new PushLinks(List.of(hub.url("/callback")), null));
        assertEquals(List.of("http://127.0.0.1:9/feed"), request().get("hub.topic"), "no self: the URL polled");
        Upstream refused = store.ofSource(source.id()).get(0);
        assertEquals(State.PENDING, refused.state());
        hub.deliveryStatus.set(202);
        now = now.plus(Duration.ofHours(6));
        subscriptions.renewDue();
        assertEquals(List.of("subscribe"), request().get("hub.mode"), "asked again after websub.fallback-interval");

        assertEquals(200, callback.verify(refused.token(), query("denied", refused.topic(), null, "hub.reason", "no")).status());
        assertEquals(State.DENIED, store.byToken(refused.token()).orElseThrow().state());
        now = now.plus(Duration.ofHours(6));
        subscriptions.renewDue();
        assertEquals(List.of("subscribe"), request().get("hub.mode"), "asked again after a denial");

        String second = hub.url("/callback?second");
        subscriptions.seen(source, new PushLinks(List.of(second), null));
        Map<String, List<String>> unsubscribe = request();
        assertEquals(List.of("unsubscribe"), unsubscribe.get("hub.mode"), "the old hub is told first");
        assertEquals(List.of(BASE + "websub/callback/" + refused.token()), unsubscribe.get("hub.callback"));
        assertEquals(List.of("subscribe"), request().get("hub.mode"));
        List<Upstream> rows = store.ofSource(source.id());
        assertEquals(List.of(State.UNSUBSCRIBING, State.PENDING), rows.stream().map(Upstream::state).toList());
        assertEquals(second, rows.get(1).hub());

        assertEquals(404, callback.verify(rows.get(1).token(), query("unsubscribe", rows.get(1).topic(), "c")).status(),
                "an unsubscription we did not ask for is refused");
        assertEquals(200, callback.verify(refused.token(), query("unsubscribe", refused.topic(), "c")).status());
        assertTrue(store.byToken(refused.token()).isEmpty(), "confirmed: forgotten");

        subscriptions.seen(source, PushLinks.NONE);
        assertEquals(List.of("unsubscribe"), request().get("hub.mode"), "a feed that names no hub is unsubscribed");
        now = now.plus(Duration.ofHours(6));
        subscriptions.renewDue();
        assertEquals(List.of(), store.ofSource(source.id()), "an unconfirmed unsubscription is forgotten in time");
    }

    @Test
    void neverContactsAHubTheAddressGuardRefuses() throws Exception {
        try (CallbackClient guarded = new CallbackClient(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 1_000_000, 3, "Currents/test", List.of(), dir, List.of(dir), 2, 4))) {
            Subscriptions strict = new Subscriptions(store, guarded, settings, clock);
            strict.seen(source, new PushLinks(List.of(hub.url("/callback")), null));
            assertNull(hub.deliveries.poll(300, TimeUnit.MILLISECONDS), "127.0.0.1 is not in fetch.allow: not contacted");
            Upstream u = store.ofSource(source.id()).get(0);
            assertEquals(State.PENDING, u.state());
            assertEquals(now.plus(Duration.ofHours(6)), u.renewAt(), "asked again, through the guard, in 6 h");
        }
    }

    private Map<String, List<String>> request() throws InterruptedException {
        LocalSubscriber.Delivery d = hub.deliveries.poll(5, TimeUnit.SECONDS);
        assertNotNull(d, "a request to the hub");
        assertTrue(d.contentType().startsWith("application/x-www-form-urlencoded"), d.contentType());
        return FormForTest.parse(new String(d.body(), StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> query(String mode, String topic, String challenge, String... more) {
        Map<String, List<String>> q = new java.util.HashMap<>();
        q.put("hub.mode", List.of(mode));
        q.put("hub.topic", List.of(topic));
        if (challenge != null) {
            q.put("hub.challenge", List.of(challenge));
        }
        for (int i = 0; i < more.length; i += 2) {
            q.put(more[i], List.of(more[i + 1]));
        }
        return q;
    }
}
