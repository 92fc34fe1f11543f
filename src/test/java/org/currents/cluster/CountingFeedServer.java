package org.currents.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feeds {@code /feed/{n}} on 127.0.0.1, each a few items of words no other feed uses, growing
 * by one item at each {@link #advance()}; ETags, so an unchanged feed answers 304. Every request
 * is recorded with the node that sent it (the contact in its User-Agent), its times and status,
 * and two requests for one feed at the same moment are counted.
 */
final class CountingFeedServer implements AutoCloseable {
    /** One request: which feed, which node, when it started and ended (ms since the epoch), its status, the generation served. */
    record Fetch(int feed, String node, long start, long end, int status, int generation) {
    }

    private static final Pattern PATH = Pattern.compile("/feed/(\\d+)");
    private static final Pattern NODE = Pattern.compile("\\(\\+urn:node:([a-z0-9-]+)\\)");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final int feeds;
    private final long delayMillis;
    private final AtomicInteger generation = new AtomicInteger(0);
    private final Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlightByNode = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final List<Fetch> fetches = new ArrayList<>();

    CountingFeedServer(int feeds, long delayMillis) throws IOException {
        this.feeds = feeds;
        this.delayMillis = delayMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/feed/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    String url(int feed) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/" + feed;
    }

    /** Adds one item to every feed. */
    void advance() {
        generation.incrementAndGet();
    }

    int generation() {
        return generation.get();
    }

    /** Requests answered so far, in the order they ended. */
    synchronized List<Fetch> fetches() {
        return List.copyOf(fetches);
    }

    /** Times a feed was requested while another request for it was still being answered. */
    int overlaps() {
        return overlaps.get();
    }

    int inFlight(String node) {
        return inFlightByNode.getOrDefault(node, new AtomicInteger()).get();
    }

    /** The items of a feed at the current generation: 2 to begin with, one more each advance. */
    static int items(int generation) {
        return 2 + generation;
    }

    private void serve(HttpExchange exchange) throws IOException {
        long start = System.currentTimeMillis();
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        String agent = String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"));
        Matcher who = NODE.matcher(agent);
        String node = who.find() ? who.group(1) : "unknown";
        if (!path.matches() || Integer.parseInt(path.group(1)) >= feeds) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int feed = Integer.parseInt(path.group(1));
        AtomicInteger running = inFlight.computeIfAbsent(feed, k -> new AtomicInteger());
        AtomicInteger byNode = inFlightByNode.computeIfAbsent(node, k -> new AtomicInteger());
        if (running.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        byNode.incrementAndGet();
        int status;
        int gen = -1;
        try {
            // Polls take a while, so that a node killed at any moment is likely to be in one.
            Thread.sleep(delayMillis);
            gen = generation.get();
            String etag = "\"f" + feed + "-g" + gen + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                status = 304;
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] body = feed(feed, gen).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                status = 200;
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 500;
        } finally {
            running.decrementAndGet();
            byNode.decrementAndGet();
            exchange.close();
        }
        synchronized (this) {
            fetches.add(new Fetch(feed, node, start, System.currentTimeMillis(), status, gen));
        }
    }

    /** Items of invented words unique to the feed and the item, so that no two items read as one happening. */
    static String feed(int feed, int generation) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Feed ")
                .append(feed).append("</title><link>https://outlet").append(feed).append(".example/</link><description>d</description>");
        Instant base = Instant.parse("2024-05-01T00:00:00Z");
        for (int i = 0; i < items(generation); i++) {
            String words = word(feed, i, 0) + " " + word(feed, i, 1) + " " + word(feed, i, 2) + " " + word(feed, i, 3);
            rss.append("<item><title>").append(words).append("</title><link>https://outlet").append(feed).append(".example/")
                    .append(i).append("</link><description>").append(words).append(" reported ").append(words)
                    .append("</description><pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            base.plusSeconds(3600L * i + 7L * feed).atOffset(ZoneOffset.UTC))).append("</pubDate></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    private static String word(int feed, int item, int n) {
        long x = (feed * 1_000_003L + item * 7_919L + n * 104_729L) * 2_654_435_761L;
        return "q" + Long.toString(Math.floorMod(x, 2_000_000_000L), 36);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
