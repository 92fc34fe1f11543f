package org.currents.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.currents.App;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;
import org.currents.event.EventDraft;
import org.currents.normalize.EventMerger;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParser;
import org.currents.source.Source;
import org.currents.source.SourceSpec;

/**
 * Splits the ingest path in two on the same corpus feeds: parse plus normalize alone (no store),
 * then storing the resulting drafts alone, each with the given threads. Tells which stage bounds
 * the end-to-end rate {@link PollBench} measures.
 *
 * <p>Usage: IngestBench CORPUS_DIR [FEEDS=400] [THREADS=2]
 */
public final class IngestBench {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<byte[]> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus.resolve("feeds"))) {
            for (Path p : files.sorted().limit(feeds).toList()) {
                bodies.add(Files.readAllBytes(p));
            }
        }
        WorkDir workDir = new WorkDir("currents-ingest-bench");
        Path work = workDir.path;
        Map<String, String> env = new java.util.HashMap<>(Map.of("CURRENTS_DB_POOL_SIZE", Integer.toString(threads + 2)));
        // The database may be chosen from outside: CURRENTS_DB_URL ({data} is the run's data folder), _USER, _PASSWORD.
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("CURRENTS_DB_")) {
                env.put(k, v.replace("{data}", work.resolve("data").toString()));
            }
        });
        Settings settings = new SettingsLoader("bench").load(Map.of("config", work.resolve("config").toString(),
                "data", work.resolve("data").toString(), "port", "0", "host", "127.0.0.1"), env);
        System.out.printf("database: %s; %d feeds, %d threads%n", settings.store().jdbcUrl(), feeds, threads);
        FeedParser parser = new FeedParser();
        Normalizer normalizer = new Normalizer(settings.contexts());
        try (workDir; App app = App.open(settings)) {
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                sources.add(app.sources().upsert(new SourceSpec("http://127.0.0.1/f/" + i, "Feed " + i, null, List.of(), null)));
            }
            Instant now = Instant.now();
            // Warm-up pass over a copy the store never sees, so both stages are measured with a warm JIT.
            run(threads, bodies.size(), i -> normalizer.normalize(sources.get(i), parser.parse(bodies.get(i), null,
                    sources.get(i).feedUrl()), now).size());
            List<List<EventDraft>> drafts = new ArrayList<>(java.util.Collections.nCopies(bodies.size(), null));
            double parse = run(threads, bodies.size(), i -> {
                drafts.set(i, normalizer.normalize(sources.get(i), parser.parse(bodies.get(i), null,
                        sources.get(i).feedUrl()), now));
                return drafts.get(i).size();
            });
            EventMerger merger = new EventMerger();
            double store = run(threads, bodies.size(), i -> app.events().ingest(drafts.get(i), merger).created());
            long items = drafts.stream().mapToLong(List::size).sum();
            System.out.printf("parse + normalize: %.0f items/s; store: %.0f items/s (%d items, %d events)%n",
                    items / parse, items / store, items, app.events().count());
        }
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
