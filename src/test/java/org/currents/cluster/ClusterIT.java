package org.currents.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.currents.cluster.CountingFeedServer.Fetch;
import org.currents.config.StoreSettings;
import org.currents.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes of the packaged jar and one web-only node on one PostgreSQL schema, polling 200
 * feeds of a local server that counts requests: every feed is fetched once per interval by
 * whichever node, never twice at once; a node killed with SIGKILL mid-poll has its feeds polled by
 * the others within 30 s; the events are those of a single node's run on the same feeds; every
 * node serves the same bytes and ETag, a rename through one is served by the others at once,
 * and the web-only node never polls.
 */
class ClusterIT {
    private static final int FEEDS = 200;
    private static final long INTERVAL = 8_000;
    /** The planner's jitter is ±10 %; a poll never comes sooner than this after the previous one ended. */
    private static final long SHORTEST_GAP = (long) (INTERVAL * 0.9) - 500;
    private static final String TOKEN = "cluster-secret";

    @TempDir
    Path project;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyFeedIsPolledOncePerIntervalByOneNodeAndADeadNodesFeedsMoveToTheOthers() throws Exception {
        StoreSettings db = TestDatabases.postgres("h12_");
        StoreSettings single = null;
        List<Node> nodes = new ArrayList<>();
        try (CountingFeedServer feeds = new CountingFeedServer(FEEDS, 150)) {
            layOut(feeds);
            // All four start at the same moment on the empty schema.
            for (String[] n : new String[][] {{"a", "web,poll"}, {"b", "web,poll"}, {"c", "web,poll"}, {"w", "web"}}) {
                nodes.add(Node.start(project, db, n[0], n[1], settings(n[0])));
            }
            for (Node n : nodes) {
                n.awaitServing(120);
            }
            Node a = nodes.get(0);
            Node b = nodes.get(1);
            Node c = nodes.get(2);
            Node w = nodes.get(3);
            assertEquals(0, count(db, "SELECT COUNT(*) FROM (SELECT version FROM flyway_schema_history "
                    + "WHERE version IS NOT NULL GROUP BY version HAVING COUNT(*) > 1) twice"), "migrated once");
            assertEquals(FEEDS, count(db, "SELECT COUNT(*) FROM source"), "each configured source stored once");
            awaitEveryFeedServed(feeds, 60);
            String health = get(w, "/healthz").body();
            assertEquals("ok\nnode: w\nroles: web\ndatabase: reachable\n", health);

            // One new item per feed; then, its ingests done, two quiet intervals (304s) with three polling nodes.
            feeds.advance();
            awaitEveryFeedServed(feeds, 60);
            Thread.sleep(2 * INTERVAL);

            // Kill c in the middle of its polls.
            long deadline = System.currentTimeMillis() + 10_000;
            while (feeds.inFlight("c") == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(feeds.inFlight("c") > 0, "c was polling when killed");
            long killed = System.currentTimeMillis();
            c.kill();
            Set<Integer> cutOff = lastFetchedBy(feeds.fetches(), "c", killed - INTERVAL);
            assertTrue(!cutOff.isEmpty(), "c polled feeds before it died");
            while (firstFetchSince(feeds.fetches(), killed).size() < FEEDS && System.currentTimeMillis() < killed + 30_000) {
                Thread.sleep(200);
            }
            Map<Integer, Long> after = firstFetchSince(feeds.fetches(), killed);
            for (int f : cutOff) {
                Long at = after.get(f);
                assertTrue(at != null && at - killed <= 30_000, "feed " + f + ", last polled by c, was polled again "
                        + (at == null ? "never" : (at - killed) + " ms") + " after c died");
            }
            assertEquals(FEEDS, after.size(), "every feed polled by the others within 30 s of c's death");
            assertTrue(feeds.fetches().stream().noneMatch(x -> x.node().equals("c") && x.start() > killed));

            // A last item, then every node serves what every feed holds.
            feeds.advance();
            awaitEveryFeedServed(feeds, 40);
            Thread.sleep(2_000);

            List<Fetch> all = feeds.fetches();
            assertEquals(0, feeds.overlaps(), "a feed was fetched twice at once");
            assertTrue(all.stream().noneMatch(x -> x.node().equals("w")), "the web-only node polled");
            assertOncePerInterval(all, killed);
            Map<String, Long> byNode = all.stream().collect(Collectors.groupingBy(Fetch::node, Collectors.counting()));
            assertTrue(byNode.keySet().containsAll(Set.of("a", "b", "c")), "every polling node took a share: " + byNode);

            assertSameDocumentEverywhere(List.of(a, b, w), "/contexts/group-1.rss");
            assertSameDocumentEverywhere(List.of(a, b, w), "/feed.atom");
            HttpResponse<String> renamed = http.send(HttpRequest.newBuilder(a.url("/api/contexts/group-2"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Renamed Group\",\"slug\":\"renamed-group\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, renamed.statusCode(), renamed.body());
            for (Node n : List.of(b, w)) {
                HttpResponse<String> feed = get(n, "/contexts/renamed-group.rss");
                assertEquals(200, feed.statusCode(), n.name());
                assertTrue(feed.body().contains("Renamed Group"), n.name() + ": " + feed.body());
                assertEquals(301, get(n, "/contexts/group-2.rss").statusCode(), n.name() + " moves the old URL");
            }
            assertSameDocumentEverywhere(List.of(a, b, w), "/contexts/renamed-group.rss");

            int items = CountingFeedServer.items(feeds.generation());
            assertEquals(FEEDS * items, count(db, "SELECT COUNT(*) FROM event"), "every item once, none twice");
            List<String> clustered = reports(db);
            for (Node n : List.of(a, b, w)) {
                n.stop();
            }

            // The same feeds polled once by a single node on a schema of its own.
            single = TestDatabases.postgres("h12_");
            Node once = Node.run(project, single, "solo", settings("solo"), "poll", "--once");
            assertEquals(0, once.awaitExit(180), once.log());
            assertEquals(reports(single), clustered, "the cluster stored what a single node stores");
        } finally {
            nodes.forEach(Node::kill);
            TestDatabases.dropPostgres(db);
            if (single != null) {
                TestDatabases.dropPostgres(single);
            }
        }
    }

    private Map<String, String> settings(String node) {
        Map<String, String> env = new HashMap<>();
        env.put("CURRENTS_FETCH_CONTACT", "urn:node:" + node);
        env.put("CURRENTS_SITE_URL", "http://currents.test/");
        env.put("CURRENTS_POLL_INTERVAL", INTERVAL + "ms");
        env.put("CURRENTS_POLL_MIN_INTERVAL", INTERVAL + "ms");
        env.put("CURRENTS_POLL_MAX_INTERVAL", INTERVAL + "ms");
        env.put("CURRENTS_FETCH_ALLOW", "127.0.0.1");
        env.put("CURRENTS_FETCH_MAX_PER_HOST", "50");
        env.put("CURRENTS_CLUSTER_CHECKIN_INTERVAL", "2s");
        env.put("CURRENTS_ADMIN_TOKEN", TOKEN);
        env.put("CURRENTS_POLL_THREADS", "4");
        env.put("CURRENTS_STORE_POOL_SIZE", "10");
        return env;
    }

    private void layOut(CountingFeedServer feeds) throws Exception {
        Files.createDirectories(project.resolve("config"));
        StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><body>");
        for (int group = 0; group < 4; group++) {
            opml.append("<outline text=\"Group ").append(group).append("\">");
            for (int f = group; f < FEEDS; f += 4) {
                opml.append("<outline text=\"Feed ").append(f).append("\" xmlUrl=\"").append(feeds.url(f)).append("\"/>");
            }
            opml.append("</outline>");
        }
        Files.writeString(project.resolve("config/sources.opml"), opml.append("</body></opml>"));
        Files.writeString(project.resolve("config/currents.properties"), "");
    }

    /**
     * Each feed's fetches, in order: the next never starts sooner than the planner allows after the
     * last one ended (no feed polled twice in one interval), and none is left behind: the next
     * comes within an interval and 25 s (room for a busy machine), 30 s more across a node's death.
     * After new items (a 200) the next poll is planned once they are stored, and ingests run one
     * at a time per database, so a round of new items in every feed queues the polls behind it:
     * 60 s of room there.
     */
    private static void assertOncePerInterval(List<Fetch> all, long killed) {
        Map<Integer, List<Fetch>> byFeed = all.stream().collect(Collectors.groupingBy(Fetch::feed));
        List<Long> gaps = new ArrayList<>();
        for (Map.Entry<Integer, List<Fetch>> e : byFeed.entrySet()) {
            List<Fetch> f = new ArrayList<>(e.getValue());
            f.sort((x, y) -> Long.compare(x.start(), y.start()));
            for (int i = 1; i < f.size(); i++) {
                long gap = f.get(i).start() - f.get(i - 1).end();
                gaps.add(gap);
                assertTrue(gap >= SHORTEST_GAP, "feed " + e.getKey() + " fetched again " + gap + " ms after its last fetch "
                        + f.get(i - 1) + " -> " + f.get(i));
                // The next poll is planned when a poll ends; after new items (200) that is after their
                // ingest, which waits its turn behind the other feeds' (one at a time per database).
                boolean acrossDeath = f.get(i - 1).start() <= killed && f.get(i).start() >= killed;
                long longest = (acrossDeath ? 30_000 : 0) + INTERVAL * 11 / 10
                        + (f.get(i - 1).status() == 200 ? 60_000 : 25_000);
                assertTrue(gap <= longest, "feed " + e.getKey() + " waited " + gap + " ms: " + f.get(i - 1) + " -> " + f.get(i));
            }
        }
        Collections.sort(gaps);
        System.out.printf("ClusterIT: %d fetches of %d feeds; gap between a feed's fetches (ms): min %d, median %d, "
                + "p95 %d, max %d; interval %d ms ±10%%%n", all.size(), byFeed.size(), gaps.get(0), gaps.get(gaps.size() / 2),
                gaps.get(gaps.size() * 95 / 100), gaps.get(gaps.size() - 1), INTERVAL);
    }

    private static Set<Integer> lastFetchedBy(List<Fetch> all, String node, long since) {
        Map<Integer, Fetch> last = new HashMap<>();
        for (Fetch f : all) {
            if (f.start() >= since) {
                last.merge(f.feed(), f, (x, y) -> y.start() > x.start() ? y : x);
            }
        }
        Set<Integer> out = new HashSet<>();
        last.forEach((feed, f) -> {
            if (f.node().equals(node)) {
                out.add(feed);
            }
        });
        return out;
    }

    private static Map<Integer, Long> firstFetchSince(List<Fetch> all, long since) {
        Map<Integer, Long> first = new HashMap<>();
        for (Fetch f : all) {
            if (f.start() >= since) {
                first.merge(f.feed(), f.start(), Math::min);
            }
        }
        return first;
    }

    /** Waits until every feed has been fetched in full (200) at the server's current generation. */
    private static void awaitEveryFeedServed(CountingFeedServer feeds, int seconds) throws InterruptedException {
        int generation = feeds.generation();
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        Set<Integer> seen = new HashSet<>();
        while (System.currentTimeMillis() < deadline) {
            seen.clear();
            feeds.fetches().stream().filter(f -> f.generation() == generation && f.status() == 200).forEach(f -> seen.add(f.feed()));
            if (seen.size() == FEEDS) {
                return;
            }
            Thread.sleep(200);
        }
        Set<Integer> missing = new HashSet<>();
        for (int f = 0; f < FEEDS; f++) {
            if (!seen.contains(f)) {
                missing.add(f);
            }
        }
        throw new AssertionError("only " + seen.size() + " of " + FEEDS + " feeds fetched in " + seconds + " s; not "
                + missing + ", last fetched: " + feeds.fetches().stream().filter(f -> missing.contains(f.feed()))
                .skip(Math.max(0, feeds.fetches().stream().filter(f -> missing.contains(f.feed())).count() - 6)).toList());
    }

    private void assertSameDocumentEverywhere(List<Node> nodes, String path) throws Exception {
        HttpResponse<String> first = get(nodes.get(0), path);
        assertEquals(200, first.statusCode(), path);
        String etag = first.headers().firstValue("etag").orElseThrow();
        for (Node n : nodes.subList(1, nodes.size())) {
            HttpResponse<String> other = get(n, path);
            assertEquals(etag, other.headers().firstValue("etag").orElse(""), n.name() + path);
            assertEquals(first.body(), other.body(), n.name() + path);
        }
    }

    private HttpResponse<String> get(Node node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(node.url(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every stored report, as "feed URL article URL", sorted: what a run stored, whichever node stored it. */
    private static List<String> reports(StoreSettings db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT es.feed_url, es.article_url, e.headline FROM event_source es "
                     + "JOIN event e ON e.id = es.event_id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        Collections.sort(out);
        return out;
    }

    private static int count(StoreSettings db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
