package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.currents.config.StoreSettings;
import org.currents.source.SourceSpec;
import org.currents.store.UpstreamStore.State;
import org.currents.store.UpstreamStore.Upstream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our subscriptions at sources' hubs, on H2 and PostgreSQL: states, a due request claimed once, orphans found. */
class UpstreamStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");
    private static final String TOKEN = "ab".repeat(32);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void subscriptionsMoveThroughTheirStatesAndAreClaimedOnce(String kind) {
        StoreSettings settings = TestDatabases.of(kind, dir);
        try (Database db = Database.open(settings)) {
            SourceStore sources = new SourceStore(db);
            long id = sources.upsert(new SourceSpec("http://wire.example/feed", "Wire", null, List.of(), null)).id();
            UpstreamStore store = new UpstreamStore(db);
            store.add(id, "http://hub.example/", "http://wire.example/feed", TOKEN, "secret", NOW.plusSeconds(60));
            Upstream pending = store.byToken(TOKEN).orElseThrow();
            assertEquals(State.PENDING, pending.state());
            assertNull(pending.expires(), "no lease before the hub grants one");
            assertFalse(pending.pushing(NOW));
            assertEquals(List.of(), store.due(NOW));
            assertEquals(List.of(), store.orphaned(), "its source is there and enabled");

            store.activate(pending.id(), NOW.plusSeconds(100), NOW.plusSeconds(85));
            Upstream active = store.byToken(TOKEN).orElseThrow();
            assertTrue(active.pushing(NOW));
            assertFalse(active.pushing(NOW.plusSeconds(100)), "not once the lease ends");
            assertEquals(List.of(active), store.due(NOW.plusSeconds(85)));
            assertTrue(store.claim(active, NOW.plusSeconds(200)));
            assertFalse(store.claim(active, NOW.plusSeconds(300)), "claimed once, whichever node asks");
            assertEquals(List.of(), store.due(NOW.plusSeconds(85)));

            sources.setEnabled(id, false);
            assertEquals(1, store.orphaned().size(), "a disabled source's subscription is to end");
            store.mark(active.id(), State.UNSUBSCRIBING, NOW.plusSeconds(10));
            assertEquals(List.of(), store.orphaned(), "already ending");
            assertTrue(sources.delete(id));
            assertEquals(State.UNSUBSCRIBING, store.ofSource(id).get(0).state(), "kept until the hub is told");
            store.remove(active.id());
            assertTrue(store.byToken(TOKEN).isEmpty());
        } finally {
            if (kind.equals("postgres")) {
                TestDatabases.dropPostgres(settings);
            }
        }
    }
}
