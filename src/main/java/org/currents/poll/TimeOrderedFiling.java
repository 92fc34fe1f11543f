package org.currents.poll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.currents.event.EventDraft;
import org.currents.store.EventIngest;
import org.currents.store.FilingOrder;
import org.currents.store.IngestResult;

/**
 * Files the items of several fetched feeds in the order of their times, whichever feed each came
 * from, in ingests of {@value #CHUNK} items decided one after another and written while the next
 * is decided. Filed feed by feed, a next-morning report of yesterday's happening that happens to
 * come first starts an event of its own, and the next day's development joins that event on its
 * day; in time order it joins yesterday's event, as it would have had the feeds been polled as
 * they were written. The events made so no longer depend on which feed answered first.
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

    Filed file(List<Prepared.Feed> feeds) throws InterruptedException {
        List<List<EventDraft>> chunks = chunks(inTimeOrder(feeds));
        FilingOrder order = new FilingOrder();
        List<Future<Map<Long, IngestResult>>> running = new ArrayList<>();
        for (int k = 0; k < chunks.size(); k++) {
            int turn = k;
            List<EventDraft> chunk = chunks.get(k);
            running.add(pool.submit(() -> events.ingestInOrder(chunk, order, turn)));
        }
        Map<Long, IngestResult> results = new HashMap<>();
        Map<Long, RuntimeException> failures = new HashMap<>();
        for (int k = 0; k < running.size(); k++) {
            try {
                running.get(k).get().forEach((source, r) -> results.merge(source, r, TimeOrderedFiling::sum));
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                for (EventDraft d : chunks.get(k)) {
                    failures.putIfAbsent(d.source().sourceId(), cause);
                }
            }
        }
        return new Filed(results, failures);
    }

    /** Every feed's drafts, oldest first; drafts of one time in the order of the feeds, then of each feed. */
    static List<EventDraft> inTimeOrder(List<Prepared.Feed> feeds) {
        record Placed(EventDraft draft, int feed, int index) {
        }
        List<Placed> all = new ArrayList<>();
        for (int f = 0; f < feeds.size(); f++) {
            List<EventDraft> drafts = feeds.get(f).drafts();
            for (int i = 0; i < drafts.size(); i++) {
                all.add(new Placed(drafts.get(i), f, i));
            }
        }
        all.sort(Comparator.comparing((Placed p) -> p.draft().published()).thenComparingInt(Placed::feed)
                .thenComparingInt(Placed::index));
        return all.stream().map(Placed::draft).toList();
    }

    private static List<List<EventDraft>> chunks(List<EventDraft> drafts) {
        List<List<EventDraft>> out = new ArrayList<>();
        for (int from = 0; from < drafts.size(); from += CHUNK) {
            out.add(drafts.subList(from, Math.min(drafts.size(), from + CHUNK)));
        }
        return out;
    }

    private static IngestResult sum(IngestResult a, IngestResult b) {
        return new IngestResult(a.created() + b.created(), a.updated() + b.updated(), a.unchanged() + b.unchanged());
    }
}
