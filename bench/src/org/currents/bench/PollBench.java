package org.currents.bench;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.currents.App;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;
import org.currents.schedule.PollScheduler;
import org.currents.source.Source;
import org.currents.source.SourceSpec;
import org.currents.source.SourceStatus;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Polls 10,000 sources on a local server with the real scheduler, fetcher, parser, normalizer and
 * store (H2), and measures the bare ceilings on the same bytes: the JDK HTTP client alone for
 * conditional fetches, ROME plus jsoup alone for items.
 *
 * <p>Usage: PollBench CORPUS_DIR SERVER_PORT [SOURCES] [THREADS] [CORPUS_FEEDS]
 */
public final class PollBench {
    private static final AtomicLong peakHeap = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int corpusFeeds;
        try (Stream<Path> files = Files.list(corpus.resolve("feeds"))) {
            corpusFeeds = (int) Math.min(files.count(), args.length > 4 ? Long.parseLong(args[4]) : Long.MAX_VALUE);
        }
        System.setProperty("bench.corpusFeeds", Integer.toString(corpusFeeds));
        startHeapSampler();
        WorkDir workDir = new WorkDir("currents-bench");
        Path work = workDir.path;
        Files.createDirectories(work.resolve("config"));
        // All sources sit on one local host, so the per-host politeness limit is raised to its maximum.
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "CURRENTS_FETCH_ALLOW", "127.0.0.1", "CURRENTS_FETCH_MAX_PER_HOST", "1024",
                "CURRENTS_FETCH_MAX_CONCURRENT", Integer.toString(threads * 2),
                "CURRENTS_POLL_THREADS", Integer.toString(threads), "CURRENTS_DB_POOL_SIZE", Integer.toString(threads + 4)));
        // The database may be chosen from outside: CURRENTS_DB_URL ({data} is the run's data folder), _USER, _PASSWORD.
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("CURRENTS_DB_")) {
                env.put(k, v.replace("{data}", work.resolve("data").toString()));
            }
        });
        Settings settings = new SettingsLoader("bench").load(Map.of("config", work.resolve("config").toString(),
                "data", work.resolve("data").toString(), "port", "0", "host", "127.0.0.1"), env);
        System.out.println("database: " + settings.store().jdbcUrl());
        String base = "http://127.0.0.1:" + port;
        System.out.printf("sources=%d (corpus feeds %d), poll threads=%d, max heap=%d MB%n", total, corpusFeeds, threads,
                Runtime.getRuntime().maxMemory() >> 20);
        try (workDir; App app = App.open(settings)) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                ids.add(app.sources().upsert(new SourceSpec(base + "/f/" + i, "Source " + i, null, List.of(), null)).id());
            }
            List<Long> corpusIds = ids.subList(0, corpusFeeds);
            List<Long> smallIds = ids.subList(corpusFeeds, total);

            Round ingest = round(app, settings, corpusIds);
            long items = app.events().count();
            report("ingest: corpus feeds, first fetch (200)", corpusIds.size(), ingest, items);
            Round first = round(app, settings, smallIds);
            report("first fetch of the other feeds (200)", smallIds.size(), first, app.events().count() - items);

            post(base + "/round/2");
            long before = app.events().count();
            Round mixed = round(app, settings, ids);
            report("conditional, 90% 304 + 10% changed", ids.size(), mixed, app.events().count() - before);
            Round unchanged = round(app, settings, ids);
            report("conditional, all 304", ids.size(), unchanged, 0);

            List<String> etags = app.sources().all().stream().map(s -> s.status().etag()).toList();
            double bareFetch = bareConditionalFetches(base, etags, threads);
            double bareItems = bareParseAndClean(corpus, threads);
            double ours304 = ids.size() / unchanged.seconds;
            double oursItems = items / ingest.seconds;
            System.out.printf("%nbare JDK HttpClient conditional fetches: %.0f/s; Currents all-304 round: %.0f/s = %.2f of bare%n",
                    bareFetch, ours304, ours304 / bareFetch);
            System.out.printf("bare ROME parse + jsoup clean: %.0f items/s; Currents ingest end to end: %.0f items/s = %.2f of bare%n",
                    bareItems, oursItems, oursItems / bareItems);
            System.out.printf("peak heap used: %d MB (sampled), %d MB (pool peaks)%n", peakHeap.get() >> 20, poolPeaks() >> 20);
        }
    }

    private record Round(double seconds) {
    }

    /** Polls the given sources once each through a fresh Quartz scheduler, every one due now. */
    private static Round round(App app, Settings settings, List<Long> ids) throws Exception {
        CountDownLatch done = new CountDownLatch(ids.size());
        PollScheduler scheduler = new PollScheduler(settings.poll(), settings.fetch().maxPerHost(), id -> {
            try {
                app.poller().poll(id);
            } finally {
                done.countDown();
            }
            return null;
        }, Clock.systemUTC());
        List<Source> due = new ArrayList<>();
        for (long id : ids) {
            Source s = app.sources().find(id).orElseThrow();
            SourceStatus st = s.status();
            due.add(s.withStatus(new SourceStatus(st.etag(), st.lastModified(), st.lastPolled(), null, st.lastStatus(),
                    st.lastHttpStatus(), st.itemsNew(), st.itemsUpdated(), st.consecutiveErrors(), st.failingSince(),
                    st.lastError())));
        }
        long start = System.nanoTime();
        scheduler.start(due);
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("round did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        scheduler.shutdown();
        return new Round(seconds);
    }

    private static void report(String what, int fetches, Round r, long items) {
        System.out.printf("%-42s %6d fetches in %6.2f s = %7.0f fetches/s, %7d new items = %7.0f items/s%n", what,
                fetches, r.seconds, fetches / r.seconds, items, items / r.seconds);
    }

    private static double bareConditionalFetches(String base, List<String> etags, int threads) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(threads);
        HttpClient client = HttpClient.newBuilder().executor(clientThreads).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < etags.size(); i++) {
            String uri = base + "/f/" + i;
            String etag = etags.get(i);
            results.add(pool.submit(() -> {
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
                if (etag != null) {
                    req.header("If-None-Match", etag);
                }
                return client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            }));
        }
        int notModified = 0;
        for (Future<Integer> f : results) {
            notModified += f.get() == 304 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        clientThreads.shutdown();
        System.out.printf("bare: %d of %d answered 304%n", notModified, etags.size());
        return etags.size() / seconds;
    }

    private static double bareParseAndClean(Path corpus, int threads) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus.resolve("feeds"))) {
            // At most 400 feeds (20,000 items) held in memory at once: the rate is what is compared, and
            // the whole corpus (226 MB) would not fit beside the app in the benchmark's 512 MB heap.
            files = s.sorted().limit(Math.min(corpusFeedsOf(corpus), 400)).toList();
        }
        List<byte[]> bytes = new ArrayList<>();
        for (Path p : files) {
            bytes.add(Files.readAllBytes(p));
        }
        // The best of three passes: the ceiling with a warm JIT, as a long-running server has it.
        double best = 0;
        for (int pass = 0; pass < 3; pass++) {
            best = Math.max(best, parseAndCleanOnce(bytes, threads));
        }
        return best;
    }

    /** ROME parse plus {@code Jsoup.clean(…, Safelist.relaxed())} of every item, on {@code threads} threads: items/s. */
    static double parseAndCleanOnce(List<byte[]> bytes, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (byte[] b : bytes) {
            results.add(pool.submit(() -> {
                int n = 0;
                for (SyndEntry e : new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(b))).getEntries()) {
                    SyndContent d = e.getDescription() != null ? e.getDescription()
                            : e.getContents().isEmpty() ? null : e.getContents().get(0);
                    Jsoup.clean(d == null ? "" : d.getValue(), Safelist.relaxed());
                    n++;
                }
                return n;
            }));
        }
        long items = 0;
        for (Future<Integer> f : results) {
            items += f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return items / seconds;
    }

    private static long corpusFeedsOf(Path corpus) {
        return Long.getLong("bench.corpusFeeds", Long.MAX_VALUE);
    }

    private static void post(String url) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void startHeapSampler() {
        Thread t = new Thread(() -> {
            while (true) {
                Runtime rt = Runtime.getRuntime();
                peakHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
    }

    private static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
