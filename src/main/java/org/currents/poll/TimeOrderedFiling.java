package org.currents.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.currents.event.EventDraft;
import org.currents.normalize.Normalizer;
import org.currents.parse.ParsedItem;
import org.currents.store.EventIngest;
import org.currents.store.FilingOrder;
import org.currents.store.IngestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files the items of several fetched feeds in the order of their times, whichever feed each came
 * from, in ingests of {@value #CHUNK} items decided one after another and written while the next
 * is decided, on the poll threads. Filed feed by feed, a next-morning report of yesterday's
 * happening that happens to come first starts an event of its own, and the next day's development
 * joins that event on its day; in time order it joins yesterday's event, as it would have had the
 * feeds been polled as they were written. The events made so no longer depend on which feed
 * answered first. Each ingest makes its items' drafts itself, just before it is filed: an item
 * waits for the other feeds as parsed, smaller than its draft.
 */
final class TimeOrderedFiling {
    /** Items per ingest: large enough that a commit is shared by many, small enough to keep two ingests going. */
    static final int CHUNK = 100;

    private final EventIngest events;
    private final ExecutorService pool;

    TimeOrderedFiling(EventIngest events, ExecutorService pool) {
        this.events = events;
        this.pool = pool;
    }

    /** What filing did for each source, and the sources with items in an ingest that failed (with its failure). */
    record Filed(Map<Long, IngestResult> results, Map<Long, RuntimeException> failures) {
    }

    /** An item of a feed, with the time its draft will carry. */
    record Placed(Normalizer.FeedItems feed, ParsedItem item, Instant published) {
        EventDraft draft() {
            return feed.draft(item);
        }
    }

    /** Starts filing the feeds' items: their ingests are queued on the pool, ahead of what is queued after. */
    Pending start(List<Normalizer.FeedItems> feeds) {
        List<List<Placed>> chunks = chunks(inTimeOrder(feeds));
        FilingOrder order = new FilingOrder();
        List<Future<Map<Long, IngestResult>>> running = new ArrayList<>();
        for (int k = 0; k < chunks.size(); k++) {
            int turn = k;
            List<Placed> chunk = chunks.get(k);
            running.add(pool.submit(() -> file(chunk, order, turn)));
        }
        return new Pending(chunks, running);
    }

    private Map<Long, IngestResult> file(List<Placed> chunk, FilingOrder order, int turn) {
        List<EventDraft> drafts = new ArrayList<>(chunk.size());
        try {
            for (Placed p : chunk) {
                EventDraft d = p.draft();
                if (d != null) {
                    drafts.add(d);
                }
            }
        } catch (RuntimeException e) {
            order.skip(turn);
            throw e;
        }
        return events.ingestInOrder(drafts, order, turn);
    }

    /** Ingests queued by {@link #start}. */
    static final class Pending {
        private static final Logger log = LoggerFactory.getLogger(TimeOrderedFiling.class);
        private final List<List<Placed>> chunks;
        private final List<Future<Map<Long, IngestResult>>> running;

        private Pending(List<List<Placed>> chunks, List<Future<Map<Long, IngestResult>>> running) {
            this.chunks = chunks;
            this.running = running;
        }

        /** Waits for every ingest to end. */
        Filed await() throws InterruptedException {
            Map<Long, IngestResult> results = new HashMap<>();
            Map<Long, RuntimeException> failures = new HashMap<>();
            for (int k = 0; k < running.size(); k++) {
                try {
                    running.get(k).get().forEach((source, r) -> results.merge(source, r, IngestResult::plus));
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                    Set<Long> sources = new TreeSet<>();
                    for (Placed p : chunks.get(k)) {
                        failures.putIfAbsent(p.feed().source().id(), cause);
                        sources.add(p.feed().source().id());
                    }
                    log.error("storing {} items of sources {} failed; their polls are recorded as failed",
                            chunks.get(k).size(), sources, cause);
                }
            }
            return new Filed(results, failures);
        }
    }

    /** Every feed's items, oldest first; items of one time in the order of the feeds, then of each feed. */
    static List<Placed> inTimeOrder(List<Normalizer.FeedItems> feeds) {
        record Ranked(Placed placed, int feed, int index) {
        }
        List<Ranked> all = new ArrayList<>();
        for (int f = 0; f < feeds.size(); f++) {
            Normalizer.FeedItems feed = feeds.get(f);
            List<ParsedItem> items = feed.items();
            for (int i = 0; i < items.size(); i++) {
                all.add(new Ranked(new Placed(feed, items.get(i), feed.published(items.get(i))), f, i));
            }
        }
        all.sort(Comparator.comparing((Ranked r) -> r.placed().published()).thenComparingInt(Ranked::feed)
                .thenComparingInt(Ranked::index));
        return all.stream().map(Ranked::placed).toList();
    }

    private static List<List<Placed>> chunks(List<Placed> items) {
        List<List<Placed>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            out.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
        }
        return out;
    }
}
