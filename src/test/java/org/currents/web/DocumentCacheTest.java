package org.currents.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.currents.publish.Document;
import org.junit.jupiter.api.Test;

/** The rendered-document cache: served as is at its version, checked once after a change, rendered only when it moved, within its budget. */
class DocumentCacheTest {
    private final AtomicInteger resolved = new AtomicInteger();
    private final AtomicInteger rendered = new AtomicInteger();

    private Supplier<Optional<Document>> doc(String etag, int size) {
        return () -> {
            resolved.incrementAndGet();
            return Optional.of(new Document("application/atom+xml; charset=utf-8", etag, Instant.EPOCH, () -> {
                rendered.incrementAndGet();
                return "x".repeat(size).getBytes(StandardCharsets.UTF_8);
            }));
        };
    }

    @Test
    void servesAtItsVersionChecksOnceAfterAChangeAndRendersOnlyWhenTheValidatorMoved() {
        DocumentCache cache = new DocumentCache(1 << 20);
        assertNull(cache.fresh("/feed.atom", 1));
        CachedDocument first = cache.load("/feed.atom", 1, doc("\"a-1\"", 1000)).orElseThrow();
        assertEquals(1, rendered.get());
        assertSame(first, cache.fresh("/feed.atom", 1), "current at version 1: no check, no render");
        assertEquals(1, resolved.get());

        assertNull(cache.fresh("/feed.atom", 2), "the site moved on: the entry must be checked");
        assertSame(first, cache.load("/feed.atom", 2, doc("\"a-1\"", 1000)).orElseThrow());
        assertEquals(2, resolved.get());
        assertEquals(1, rendered.get(), "its validator did not move: not rendered again");
        assertSame(first, cache.fresh("/feed.atom", 2));

        CachedDocument second = cache.load("/feed.atom", 3, doc("\"a-3\"", 1000)).orElseThrow();
        assertEquals(2, rendered.get());
        assertEquals("\"a-3\"", second.etag);
        assertTrue(cache.load("/gone", 3, Optional::empty).isEmpty());
    }

    @Test
    void keepsWithinItsByteBudgetDroppingTheLeastRecentlyUsed() {
        DocumentCache cache = new DocumentCache(100_000);
        for (int i = 0; i < 20; i++) {
            // Incompressible enough not to shrink much: distinct random-ish text.
            int n = i;
            cache.load("/d" + i, 1, () -> Optional.of(new Document("text/plain", "\"" + n + "\"", null,
                    () -> noise(n, 8_000)))).orElseThrow();
            cache.fresh("/d0", 1);
        }
        assertTrue(cache.bytes() <= 100_000, "bytes held: " + cache.bytes());
        assertTrue(cache.fresh("/d0", 1) != null, "the most used survives");
        assertNull(cache.fresh("/d1", 1), "the least recently used went first");
        assertTrue(cache.size() < 20 && cache.size() > 3, "entries held: " + cache.size());
    }

    @Test
    void readsAcceptEncodingAsRfc9110Says() {
        assertTrue(CachedDocument.acceptsGzip("gzip, deflate, br"));
        assertTrue(CachedDocument.acceptsGzip("br;q=1.0, gzip;q=0.8"));
        assertTrue(CachedDocument.acceptsGzip("*"));
        assertFalse(CachedDocument.acceptsGzip("gzip;q=0"));
        assertFalse(CachedDocument.acceptsGzip("identity"));
        assertFalse(CachedDocument.acceptsGzip(null));
    }

    private static byte[] noise(int seed, int size) {
        java.util.Random r = new java.util.Random(seed);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + r.nextInt(26));
        }
        return b;
    }
}
