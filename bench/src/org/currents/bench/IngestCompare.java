package org.currents.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.currents.App;
import org.currents.config.Settings;
import org.currents.poll.PollOutcome;
import org.currents.source.SourceSpec;

/**
 * New items ingested end to end, through the real {@link App} wiring and
 * {@code Poller.pollAll(threads)}: fetched from {@link FeedServer} on 127.0.0.1, parsed,
 * normalized, matched, stored and committed, one transaction per feed. In the same JVM and with
 * the same threads, the bare ceiling on the same feed bytes: ROME parse plus
 * {@code Jsoup.clean(html, Safelist.relaxed())}, best of five passes (measured first, so the
 * JIT has also warmed the jsoup code both share); then ours, best of five passes too, each into a
 * new database of the kind measured ({@code -Dpasses=N} for another number, both alike). The
 * database size is the last pass's after a clean shutdown; the peak heap is the highest of the
 * passes', each from a collected heap.
 * Prints one {@code RESULT} line for bench/ingest-compare.sh.
 *
 * <p>Usage: IngestCompare CORPUS_DIR SERVER_PORT FEEDS THREADS
 * (the database from CURRENTS_DB_URL, _USER, _PASSWORD; default: the H2 file the app makes; CURRENTS_MATCH_*
 * apply too)
 */
public final class IngestCompare {
    /** Timed passes of the bare ceiling and of ours (each into a new database): the best of each counts. */
    private static final int PASSES = Integer.getInteger("passes", 5);

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int feeds = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        HeapSampler heap = new HeapSampler();
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus.resolve("feeds"))) {
            files = s.sorted().limit(feeds).toList();
        }
        long corpusBytes = 0;
        for (Path p : files) {
            corpusBytes += Files.size(p);
        }

        // The bare ceiling: at most 400 feeds (20,000 items) in memory, as in PollBench.
        List<byte[]> bytes = new ArrayList<>();
        for (Path p : files.subList(0, Math.min(files.size(), 400))) {
            bytes.add(Files.readAllBytes(p));
        }
        double bare = 0;
        double bareFirst = 0;
        CpuShare bareCpu = new CpuShare();
        for (int pass = 0; pass < PASSES; pass++) {
            double r = PollBench.parseAndCleanOnce(bytes, threads);
            System.out.printf("bare ROME parse + jsoup clean, pass %d: %.0f items/s%n", pass + 1, r);
            bare = Math.max(bare, r);
            bareFirst = pass == 0 ? r : bareFirst;
        }
        String bareShare = bareCpu.since().replace("cpu_", "bare_cpu_");

        // Ours: the whole path each pass, best of as many passes as the bare ceiling had. Untimed passes
        // through other code (an in-memory database, no fetch) left the JIT compiling the file store's
        // and the poller's code in the timed pass, about a core of the two (JFR).
        bytes = null;
        List<Pass> passes = new ArrayList<>();
        long heapUsed = 0;
        long heapLive = 0;
        try (WorkDir work = new WorkDir("currents-ingest-compare")) {
            for (int pass = 1; pass <= PASSES; pass++) {
                // Each pass starts from a heap as clean as a new process's (reset collects): the garbage
                // of the passes before would otherwise sit in the old generation under this one.
                heap.reset();
                passes.add(Pass.run(work.path.resolve("pass-" + pass), pass, port, feeds, threads));
                heapUsed = Math.max(heapUsed, heap.usedMb());
                heapLive = Math.max(heapLive, heap.afterGcMb());
                System.out.printf("end to end, pass %d: %s; peak heap %d MB sampled, %d MB after GC%n", pass,
                        passes.get(pass - 1), heap.usedMb(), heap.afterGcMb());
            }
        }
        Pass best = passes.stream().max(Comparator.comparingDouble(Pass::rate)).orElseThrow();
        Pass last = passes.get(passes.size() - 1);
        System.out.printf("end to end: %d new items (%d new events, %d stored) in %.1f s = %.0f items/s (best of %d; "
                + "first pass %.0f items/s); bare %.0f items/s; ratio %.2f%n", best.items(), best.newEvents(),
                best.events(), best.seconds(), best.rate(), PASSES, passes.get(0).rate(), bare, best.rate() / bare);
        System.out.printf("database: %d bytes (%.2f x corpus %d bytes)%s; peak heap %d MB sampled, %d MB old gen "
                + "after GC%n", last.size(), (double) last.size() / corpusBytes, corpusBytes,
                last.beforeCompact() > 0 ? String.format(" (H2 file before compaction: %d bytes)", last.beforeCompact())
                        : "", heapUsed, heapLive);
        System.out.printf("RESULT feeds=%d events=%d items=%d seconds=%.2f e2e=%.1f e2e_first=%.1f bare=%.1f bare_first=%.1f "
                + "db_bytes=%d corpus_bytes=%d heap_mb=%d live_mb=%d precompact_bytes=%d %s %s%n", feeds, best.newEvents(),
                best.items(), best.seconds(), best.rate(), passes.get(0).rate(), bare, bareFirst, last.size(),
                corpusBytes, heapUsed, heapLive, last.beforeCompact(), best.cpu(), bareShare);
    }

    /** One timed poll of every feed into a new database, and that database's size after a clean shutdown. */
    private record Pass(long items, long newEvents, long events, double seconds, long size, long beforeCompact,
                        String cpu) {
        double rate() {
            return items / seconds;
        }

        @Override
        public String toString() {
            return String.format("%d new items in %.2f s = %.0f items/s, %d events, %s", items, seconds, rate(), events, cpu);
        }

        /** Into a new database of the kind measured ({@link ScratchStore}), the app's other files in {@code dir}. */
        static Pass run(Path dir, int pass, int port, int feeds, int threads) throws Exception {
            // Every feed sits on one local host: the per-host politeness limit lets all threads fetch from it.
            Map<String, String> env = new HashMap<>(Map.of("CURRENTS_FETCH_ALLOW", "127.0.0.1",
                    "CURRENTS_FETCH_MAX_PER_HOST", "64", "CURRENTS_POLL_THREADS", Integer.toString(threads)));
            try (ScratchStore store = new ScratchStore(WorkDir.settings(dir, env).store(), "p" + pass)) {
                env.put("CURRENTS_DB_URL", store.settings.jdbcUrl());
                Settings settings = WorkDir.settings(dir, env);
                if (pass == 1) {
                    System.out.printf("database: %s; %d feeds, %d threads, max heap %d MB%n",
                            settings.store().jdbcUrl(), feeds, threads, Runtime.getRuntime().maxMemory() >> 20);
                }
                return poll(settings, port, feeds, threads);
            }
        }

        private static Pass poll(Settings settings, int port, int feeds, int threads) throws Exception {
            String base = "http://127.0.0.1:" + port;
            long items = 0;
            long newEvents = 0;
            long events;
            double seconds;
            long beforeCompact;
            String cpuShare;
            try (App app = App.open(settings)) {
                for (int i = 0; i < feeds; i++) {
                    app.sources().upsert(new SourceSpec(base + "/f/" + i, "Feed " + i, null, List.of(), null));
                }
                CpuShare cpu = new CpuShare();
                long start = System.nanoTime();
                List<PollOutcome> outcomes = app.poller().pollAll(threads);
                seconds = (System.nanoTime() - start) / 1e9;
                cpuShare = cpu.since();
                int failed = 0;
                for (PollOutcome o : outcomes) {
                    items += o.created() + o.updated(); // new items: those that made an event plus those that joined one
                    newEvents += o.created();
                    if (o.failed()) {
                        failed++;
                        System.out.printf("FAILED source %d: %s%n", o.sourceId(), o.error());
                    }
                }
                events = app.events().count();
                beforeCompact = StoreSize.h2FileNow(settings.store());
                if (failed > 0) {
                    System.out.printf("%d of %d polls failed: see above and the log%n", failed, outcomes.size());
                    System.exit(1);
                }
            }
            return new Pass(items, newEvents, events, seconds, StoreSize.afterCleanShutdown(settings.store()),
                    beforeCompact, cpuShare);
        }
    }
}
