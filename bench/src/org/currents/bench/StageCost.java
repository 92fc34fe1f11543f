package org.currents.bench;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.currents.config.Settings;
import org.currents.event.EventDraft;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParser;
import org.currents.source.Source;
import org.currents.source.SourceSpec;
import org.currents.store.Database;
import org.currents.store.EventIngest;
import org.currents.store.SourceStore;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * CPU time per item of each ingest stage on one thread, so that a change's cost can be read on a
 * busy machine where wall-clock rates swing: the bare ROME parse + jsoup clean, our parse, our
 * parse + normalize (best of PASSES passes each), then storing the drafts into a fresh database
 * (one pass: a second would find every item stored). Only this thread's CPU is counted.
 * Usage: StageCost CORPUS [FEEDS=200] [PASSES=5] [STORE_THREADS=1]; the database as for IngestBench
 * (CURRENTS_DB_*).
 */
public final class StageCost {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int storeThreads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<byte[]> bodies = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpus.resolve("feeds"))) {
            for (Path p : s.sorted().limit(feeds).toList()) {
                bodies.add(Files.readAllBytes(p));
            }
        }
        WorkDir workDir = new WorkDir("currents-stage-cost");
        Settings settings = workDir.settings();
        Clock clock = Clock.systemUTC();
        Pipeline pipeline = Pipeline.of(settings);
        FeedParser parser = pipeline.parser();
        Normalizer normalizer = pipeline.normalizer();
        try (workDir; Database db = Database.open(settings.store())) {
            SourceStore store = new SourceStore(db);
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                sources.add(store.upsert(new SourceSpec("http://127.0.0.1/f/" + i, "Feed " + i, null, List.of(), null)));
            }
            Instant now = clock.instant();
            long items = 0;
            double bare = Double.MAX_VALUE;
            double parse = Double.MAX_VALUE;
            double normalize = Double.MAX_VALUE;
            for (int pass = 0; pass < passes; pass++) {
                long t0 = CPU.getCurrentThreadCpuTime();
                items = 0;
                for (byte[] b : bodies) {
                    for (SyndEntry e : new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(b))).getEntries()) {
                        SyndContent d = e.getDescription() != null ? e.getDescription()
                                : e.getContents().isEmpty() ? null : e.getContents().get(0);
                        Jsoup.clean(d == null ? "" : d.getValue(), Safelist.relaxed());
                        items++;
                    }
                }
                long t1 = CPU.getCurrentThreadCpuTime();
                for (int i = 0; i < bodies.size(); i++) {
                    parser.parse(bodies.get(i), null, sources.get(i).feedUrl());
                }
                long t2 = CPU.getCurrentThreadCpuTime();
                for (int i = 0; i < bodies.size(); i++) {
                    normalizer.normalize(sources.get(i), parser.parse(bodies.get(i), null, sources.get(i).feedUrl()), now);
                }
                long t3 = CPU.getCurrentThreadCpuTime();
                bare = Math.min(bare, (t1 - t0) / 1e3 / items);
                parse = Math.min(parse, (t2 - t1) / 1e3 / items);
                normalize = Math.min(normalize, (t3 - t2) / 1e3 / items);
            }
            List<List<EventDraft>> drafts = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                drafts.add(normalizer.normalize(sources.get(i), parser.parse(bodies.get(i), null, sources.get(i).feedUrl()),
                        now));
            }
            EventIngest ingest = pipeline.ingest(db, clock);
            // With STORE_THREADS > 1 the feeds are stored from that many threads at once, as poll threads
            // do; the CPU counted is that of the storing threads (time parked on the ingest lock is none).
            AtomicLong storeNanos = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(storeThreads);
            long p0 = PROCESS.getProcessCpuTime();
            List<Future<?>> stored = new ArrayList<>();
            for (List<EventDraft> d : drafts) {
                stored.add(pool.submit(() -> {
                    long t0 = CPU.getCurrentThreadCpuTime();
                    ingest.ingest(d);
                    storeNanos.addAndGet(CPU.getCurrentThreadCpuTime() - t0);
                }));
            }
            for (Future<?> f : stored) {
                f.get();
            }
            pool.shutdown();
            double storeCost = storeNanos.get() / 1e3 / items;
            // The whole process too: H2 may write its file on a thread of its own (WRITE_DELAY), not this one.
            double storeProcess = (PROCESS.getProcessCpuTime() - p0) / 1e3 / items;
            System.out.printf("CPU µs per item, one thread (store: %d), %d items: bare %.0f | parse %.0f | parse+normalize %.0f "
                    + "(normalize %.0f) | store %.0f (all threads %.0f) | ours / bare %.2f%n", storeThreads, items, bare, parse, normalize,
                    normalize - parse, storeCost, storeProcess, bare / (normalize + storeCost));
        }
    }
}
