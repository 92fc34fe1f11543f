package org.currents.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.currents.config.MatchSettings;
import org.currents.config.Settings;
import org.currents.match.EventMerger;
import org.currents.match.Matcher;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.match.WindowIndex;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParser;
import org.currents.source.Source;
import org.currents.store.Database;
import org.currents.store.EventIngest;

/** The ingest stages wired as {@code App} wires them, for benchmarks that time them one by one. */
record Pipeline(Settings settings, FeedParser parser, TextAnalyzer analyzer, Normalizer normalizer) {
    /**
     * Untimed passes before a timed one. The bare ceiling is the best of three passes, so its
     * best is at the earliest a third pass: ours is the third too. With one warm pass the JIT
     * was still compiling our code in the timed pass (parse + normalize of 10,000 items
     * 3,680-4,272 items/s after one, 5,981-7,137 after three, same run of `IngestBench`).
     */
    static final int WARM_PASSES = 2;

    static Pipeline of(Settings settings) {
        Places places = Places.standard();
        TextAnalyzer analyzer = new TextAnalyzer(places);
        return new Pipeline(settings, new FeedParser(), analyzer, new Normalizer(settings.contexts(), analyzer, places));
    }

    /**
     * {@link #WARM_PASSES} passes of the whole path but the fetch, parse, normalize and store, over
     * {@code bytes} (the feeds of the first {@code bytes.size()} sources), each into a new
     * database of the kind measured ({@link ScratchStore}), on {@code threads} threads.
     */
    void warmUp(List<Source> sources, List<byte[]> bytes, int threads) throws Exception {
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int pass = 0; pass < WARM_PASSES; pass++) {
                try (ScratchStore store = new ScratchStore(settings.store(), "warm" + pass);
                     Database scratch = Database.open(store.settings)) {
                    EventIngest ingest = ingest(scratch, Clock.systemUTC());
                    List<Future<?>> done = new ArrayList<>();
                    for (int i = 0; i < Math.min(sources.size(), bytes.size()); i++) {
                        Source s = sources.get(i);
                        byte[] b = bytes.get(i);
                        done.add(pool.submit(() -> ingest.ingest(normalizer.normalize(s, parser.parse(b, null,
                                s.feedUrl()), now))));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    EventIngest ingest(Database db, Clock clock) {
        MatchSettings match = settings.match();
        return new EventIngest(db, clock, new Matcher(match.threshold()), new EventMerger(), analyzer,
                new WindowIndex(match.window(), match.memoryEvents()));
    }
}
