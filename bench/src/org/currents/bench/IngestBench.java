package org.currents.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.currents.config.Settings;
import org.currents.event.EventDraft;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParser;
import org.currents.source.Source;
import org.currents.source.SourceSpec;
import org.currents.store.Database;
import org.currents.store.EventIngest;
import org.currents.store.FilingOrder;
import org.currents.store.IngestResult;
import org.currents.store.SourceStore;

/**
 * Splits the ingest path in two on the same corpus feeds: parse plus normalize alone (no store),
 * then {@link EventIngest#ingest} of the resulting drafts alone, each timed on its own with the
 * given threads. Tells which stage bounds the end-to-end rate {@link IngestCompare} measures. The
 * parser, normalizer and ingest are built as {@code App} builds them. Feeds go through in chunks
 * (parse a chunk, then store it) so 100,000 items' drafts never sit in a 512 MB heap at once; the
 * two stages' times are summed over the chunks. The store files the drafts as {@code Poller.pollAll}
 * does (groups of 16 feeds, each in time order, in ingests of 100 decided in order), or each feed's
 * drafts as one ingest with {@code -Dfiling=feed}, as a scheduled poll does. No network.
 *
 * <p>Usage: IngestBench CORPUS_DIR [FEEDS=400 (50 items each)] [THREADS=2] [CHUNK=200 feeds]
 * (the database from CURRENTS_DB_URL, _USER, _PASSWORD; default: the H2 file the app makes; CURRENTS_MATCH_*
 * apply too)
 */
public final class IngestBench {
    /** {@code -Dfiling=feed}: each feed's drafts one ingest, as the schedule files a poll; else as {@code pollAll} files them. */
    private static final boolean FEED_BY_FEED = "feed".equals(System.getProperty("filing"));
    private static final int GROUP = 16;
    private static final int INGEST = 100;

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int chunk = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        HeapSampler heap = new HeapSampler();
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus.resolve("feeds"))) {
            files = s.sorted().limit(feeds).toList();
        }
        WorkDir workDir = new WorkDir("currents-ingest-bench");
        Settings settings = workDir.settings();
        System.out.printf("database: %s; %d feeds, %d threads, chunks of %d feeds; stored %s%n", settings.store().jdbcUrl(),
                feeds, threads, chunk, FEED_BY_FEED ? "feed by feed" : "as pollAll files them (groups of 16 feeds in time order, "
                + "ingests of 100)");
        Clock clock = Clock.systemUTC();
        Pipeline pipeline = Pipeline.of(settings);
        FeedParser parser = pipeline.parser();
        Normalizer normalizer = pipeline.normalizer();
        try (workDir; Database db = Database.open(settings.store())) {
            EventIngest ingest = pipeline.ingest(db, clock);
            SourceStore sourceStore = new SourceStore(db);
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                sources.add(sourceStore.upsert(new SourceSpec("http://127.0.0.1/f/" + i, "Feed " + i, null, List.of(),
                        null)));
            }
            Instant now = clock.instant();
            // Warm-up passes over the first chunk, stored in scratch in-memory databases, so that both
            // stages are measured with a warm JIT.
            List<byte[]> warm = read(files.subList(0, Math.min(chunk, files.size())));
            pipeline.warmUp(sources, warm, threads);
            double parseSeconds = 0;
            double storeSeconds = 0;
            long items = 0;
            long created = 0;
            CpuShare cpu = new CpuShare();
            for (int from = 0; from < files.size(); from += chunk) {
                int first = from;
                List<byte[]> bodies = read(files.subList(from, Math.min(from + chunk, files.size())));
                List<List<EventDraft>> drafts = new ArrayList<>(Collections.nCopies(bodies.size(), null));
                parseSeconds += run(threads, bodies.size(), i -> {
                    Source s = sources.get(first + i);
                    drafts.set(i, normalizer.normalize(s, parser.parse(bodies.get(i), null, s.feedUrl()), now));
                    return drafts.get(i).size();
                });
                bodies.clear();
                long[] made = new long[1];
                if (FEED_BY_FEED) {
                    storeSeconds += run(threads, drafts.size(), i -> {
                        int n = ingest.ingest(drafts.get(i)).created();
                        synchronized (made) {
                            made[0] += n;
                        }
                        return n;
                    });
                } else {
                    List<List<EventDraft>> ingests = inTimeOrder(drafts);
                    FilingOrder order = new FilingOrder();
                    storeSeconds += run(threads, ingests.size(), k -> {
                        int n = ingest.ingestInOrder(ingests.get(k), order, k).values().stream()
                                .mapToInt(IngestResult::created).sum();
                        synchronized (made) {
                            made[0] += n;
                        }
                        return n;
                    });
                }
                items += drafts.stream().mapToLong(List::size).sum();
                created += made[0];
            }
            double parseRate = items / parseSeconds;
            double storeRate = items / storeSeconds;
            System.out.printf("parse + normalize: %.0f items/s (%.1f s); store: %.0f items/s (%.1f s); store / parse "
                    + "%.2f (%d items, %d new events); peak heap %d MB sampled, %d MB old gen after GC%n", parseRate,
                    parseSeconds, storeRate, storeSeconds, storeRate / parseRate, items, created, heap.usedMb(),
                    heap.afterGcMb());
            System.out.printf("RESULT items=%d parse=%.1f store=%.1f created=%d heap_mb=%d live_mb=%d %s%n", items,
                    parseRate, storeRate, created, heap.usedMb(), heap.afterGcMb(), cpu.since());
        }
    }

    /**
     * The ingests {@code Poller.pollAll} makes of these feeds' drafts: feeds in groups of 16, each
     * group's drafts oldest first (then by feed, then as listed), cut into ingests of 100.
     */
    private static List<List<EventDraft>> inTimeOrder(List<List<EventDraft>> feeds) {
        List<List<EventDraft>> out = new ArrayList<>();
        for (int from = 0; from < feeds.size(); from += GROUP) {
            List<EventDraft> group = new ArrayList<>();
            feeds.subList(from, Math.min(feeds.size(), from + GROUP)).forEach(group::addAll);
            // A stable sort keeps drafts of one time in the order of the feeds, then of each feed.
            group.sort(Comparator.comparing(EventDraft::published));
            for (int i = 0; i < group.size(); i += INGEST) {
                out.add(group.subList(i, Math.min(group.size(), i + INGEST)));
            }
        }
        return out;
    }

    private static List<byte[]> read(List<Path> files) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (Path p : files) {
            out.add(Files.readAllBytes(p));
        }
        return out;
    }

    interface Work {
        int run(int i) throws Exception;
    }

    private static double run(int threads, int n, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            results.add(pool.submit(() -> work.run(k)));
        }
        for (Future<Integer> f : results) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }
}
