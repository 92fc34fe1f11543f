package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.currents.config.StoreSettings;
import org.currents.store.SubscriptionStore.Subscription;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hub subscriptions on H2 and PostgreSQL: renewal replaces, a change is claimed once, ended leases go. */
class SubscriptionStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void subscriptionsRenewClaimOnceAndExpire(String kind) {
        StoreSettings settings = TestDatabases.of(kind, dir);
        try (Database db = Database.open(settings)) {
            SubscriptionStore store = new SubscriptionStore(db);
            store.subscribe("http://s/feed.atom", "http://cb/1", "secret", NOW.plusSeconds(60), "\"v1\"");
            store.subscribe("http://s/feed.atom", "http://cb/1", null, NOW.plusSeconds(600), "\"v2\"");
            store.subscribe("http://s/feed.rss", "http://cb/2", null, NOW.minusSeconds(1), "\"v1\"");
            List<Subscription> active = store.active(NOW);
            assertEquals(1, active.size(), "a renewal replaces, an ended lease is not active");
            Subscription s = active.get(0);
            assertNull(s.secret(), "the renewal's secret (none) replaces the old one");
            assertEquals(NOW.plusSeconds(600), s.expires());

            assertFalse(store.claim(s.id(), "\"v2\""), "the version it has is not claimed again");
            assertTrue(store.claim(s.id(), "\"v3\""));
            assertFalse(store.claim(s.id(), "\"v3\""), "one claim per version, whichever node asks");

            assertEquals(1, store.removeExpired(NOW));
            assertTrue(store.find("http://s/feed.rss", "http://cb/2").isEmpty());
            assertTrue(store.unsubscribe("http://s/feed.atom", "http://cb/1"));
            assertFalse(store.unsubscribe("http://s/feed.atom", "http://cb/1"));
        } finally {
            if (kind.equals("postgres")) {
                TestDatabases.dropPostgres(settings);
            }
        }
    }
}
