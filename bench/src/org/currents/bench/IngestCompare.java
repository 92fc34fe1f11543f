package org.currents.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.currents.App;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;
import org.currents.poll.PollOutcome;
import org.currents.source.Source;
import org.currents.source.SourceSpec;

/**
 * New items ingested end to end, through the real {@link App} wiring and
 * {@code Poller.pollAll(threads)}: fetched from {@link FeedServer} on 127.0.0.1, parsed,
 * normalized, matched, stored and committed, one transaction per feed. In the same JVM and with
 * the same threads, the bare ceiling on the same feed bytes: ROME parse plus
 * {@code Jsoup.clean(html, Safelist.relaxed())}, warm, best of three (measured first, so the
 * JIT has also warmed the jsoup code both share); then {@link Pipeline#WARM_PASSES} untimed passes
 * of our parser, normalizer and store over the same bytes into scratch databases, so that our
 * timed pass is a third pass too. Then the database size after a clean shutdown, and the peak heap. Prints one {@code RESULT} line for bench/ingest-compare.sh.
 *
 * <p>Usage: IngestCompare CORPUS_DIR SERVER_PORT FEEDS THREADS
 * (the database from CURRENTS_DB_URL, _USER, _PASSWORD; default: the H2 file the app makes; CURRENTS_MATCH_*
 * apply too)
 */
public final class IngestCompare {
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
        CpuShare bareCpu = new CpuShare();
        for (int pass = 0; pass < 3; pass++) {
            double r = PollBench.parseAndCleanOnce(bytes, threads);
            System.out.printf("bare ROME parse + jsoup clean, pass %d: %.0f items/s%n", pass + 1, r);
            bare = Math.max(bare, r);
        }
        String bareShare = bareCpu.since().replace("cpu_", "bare_cpu_");

        WorkDir workDir = new WorkDir("currents-ingest-compare");
        Path work = workDir.path;
        Path data = work.resolve("data");
        Files.createDirectories(work.resolve("config"));
        // Every feed sits on one local host: the per-host politeness limit lets all threads fetch from it.
        Map<String, String> env = new HashMap<>(Map.of("CURRENTS_FETCH_ALLOW", "127.0.0.1",
                "CURRENTS_FETCH_MAX_PER_HOST", "64", "CURRENTS_POLL_THREADS", Integer.toString(threads)));
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("CURRENTS_DB_") || k.startsWith("CURRENTS_MATCH_")) {
                env.put(k, v.replace("{data}", data.toString()));
            }
        });
        Settings settings = new SettingsLoader("bench").load(Map.of("config", work.resolve("config").toString(),
                "data", data.toString(), "port", "0", "host", "127.0.0.1"), env);
        System.out.printf("database: %s; %d feeds (%d bytes), %d threads, max heap %d MB%n", settings.store().jdbcUrl(),
                feeds, corpusBytes, threads, Runtime.getRuntime().maxMemory() >> 20);
        String base = "http://127.0.0.1:" + port;
        long created = 0; // new items: those that made an event plus those that joined one
        long newEvents = 0;
        long events;
        double seconds;
        long fileBeforeCompact;
        String cpuShare;
        try (workDir) {
            try (App app = App.open(settings)) {
                List<Source> sources = new ArrayList<>();
                for (int i = 0; i < feeds; i++) {
                    sources.add(app.sources().upsert(new SourceSpec(base + "/f/" + i, "Feed " + i, null, List.of(), null)));
                }
                Pipeline.of(settings).warmUp(sources, bytes, threads);
                bytes = null;
                heap.reset();
                CpuShare cpu = new CpuShare();
                long start = System.nanoTime();
                List<PollOutcome> outcomes = app.poller().pollAll(threads);
                seconds = (System.nanoTime() - start) / 1e9;
                cpuShare = cpu.since();
                int failed = 0;
                for (PollOutcome o : outcomes) {
                    created += o.created() + o.updated();
                    newEvents += o.created();
                    if (o.failed()) {
                        failed++;
                        System.out.printf("FAILED source %d: %s%n", o.sourceId(), o.error());
                    }
                }
                events = app.events().count();
                fileBeforeCompact = StoreSize.h2FileNow(data);
                if (failed > 0) {
                    System.out.printf("%d of %d polls failed: see above and the log%n", failed, outcomes.size());
                    System.exit(1);
                }
            }
            long heapUsed = heap.usedMb();
            long heapLive = heap.afterGcMb();
            long size = StoreSize.afterCleanShutdown(settings.store(), data);
            double rate = created / seconds;
            System.out.printf("end to end: %d new items (%d new events, %d stored) in %.1f s = %.0f items/s; bare %.0f "
                    + "items/s; ratio %.2f%n", created, newEvents, events, seconds, rate, bare, rate / bare);
            System.out.printf("database: %d bytes (%.2f x corpus %d bytes)%s; peak heap %d MB sampled, %d MB old gen "
                    + "after GC%n", size, (double) size / corpusBytes, corpusBytes,
                    fileBeforeCompact > 0 ? String.format(" (H2 file before compaction: %d bytes)", fileBeforeCompact)
                            : "", heapUsed, heapLive);
            System.out.printf("RESULT feeds=%d events=%d items=%d seconds=%.2f e2e=%.1f bare=%.1f db_bytes=%d corpus_bytes=%d "
                    + "heap_mb=%d live_mb=%d precompact_bytes=%d %s %s%n", feeds, newEvents, created, seconds,
                    rate, bare, size, corpusBytes, heapUsed, heapLive, fileBeforeCompact,
                    cpuShare, bareShare);
        }
    }
}
