package org.currents.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.currents.publish.Document;
import org.eclipse.jetty.server.Request;

/**
 * Rendered documents by path, within a byte budget (least recently used dropped first). An entry
 * is served as is while the site version it was checked at is the current one; after a change
 * its validator is computed again (one cheap query) and it is rendered again only when that
 * moved. One thread renders a path at a time; the others wait for its result.
 */
final class DocumentCache {
    private static final int STRIPES = 64;

    private final long budget;
    private final Map<String, CachedDocument> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final Object[] locks = new Object[STRIPES];

    DocumentCache(long budget) {
        this.budget = budget;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Whether the answer to {@code request} is kept by path: pages with a query (search, paging,
     * filters) are rendered each time.
     */
    static boolean keeps(Request request) {
        String query = request.getHttpURI().getQuery();
        return query == null || query.isEmpty();
    }

    /** The entry for {@code path} if it was checked at {@code version}; no other work. */
    CachedDocument fresh(String path, long version) {
        CachedDocument e = entries.get(path);
        if (e == null || e.checkedAt != version) {
            return null;
        }
        e.lastUsed = System.nanoTime();
        return e;
    }

    /**
     * The document at {@code path} as of {@code version} (read before calling): the cached entry
     * when its validator has not moved, else rendered now. Empty when there is no such document.
     */
    Optional<CachedDocument> load(String path, long version, Supplier<Optional<Document>> resolve) {
        synchronized (locks[(path.hashCode() & 0x7fffffff) % STRIPES]) {
            CachedDocument e = fresh(path, version);
            if (e != null) {
                return Optional.of(e);
            }
            Optional<Document> doc = resolve.get();
            CachedDocument old = entries.get(path);
            if (doc.isEmpty()) {
                if (old != null) {
                    remove(path, old);
                }
                return Optional.empty();
            }
            if (old != null && old.etag.equals(doc.get().etag())) {
                old.checkedAt = version;
                old.lastUsed = System.nanoTime();
                return Optional.of(old);
            }
            CachedDocument rendered = new CachedDocument(doc.get(), doc.get().body().get(), version);
            rendered.lastUsed = System.nanoTime();
            if (old != null) {
                remove(path, old);
            }
            if (rendered.size <= budget / 4) {
                entries.put(path, rendered);
                bytes.addAndGet(rendered.size);
                evict();
            }
            return Optional.of(rendered);
        }
    }

    long bytes() {
        return bytes.get();
    }

    int size() {
        return entries.size();
    }

    private void remove(String path, CachedDocument entry) {
        if (entries.remove(path, entry)) {
            bytes.addAndGet(-entry.size);
        }
    }

    /** Drops the least recently used entries until the cache is back under nine tenths of its budget. */
    private void evict() {
        if (bytes.get() <= budget) {
            return;
        }
        List<Map.Entry<String, CachedDocument>> all = new ArrayList<>(entries.entrySet());
        all.sort(Comparator.comparingLong(en -> en.getValue().lastUsed));
        for (Map.Entry<String, CachedDocument> en : all) {
            if (bytes.get() <= budget - budget / 10) {
                break;
            }
            remove(en.getKey(), en.getValue());
        }
    }
}
