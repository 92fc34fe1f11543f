package org.currents.poll;

import static org.currents.poll.KabulSiege.EVENING;
import static org.currents.poll.KabulSiege.MORNING;
import static org.currents.poll.KabulSiege.WIRE;
import static org.currents.poll.KabulSiege.feed;
import static org.currents.poll.KabulSiege.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.currents.config.ContextSettings;
import org.currents.config.FetchSettings;
import org.currents.config.PollSettings;
import org.currents.event.EventSource;
import org.currents.fetch.FeedFetcher;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParser;
import org.currents.source.SourceSpec;
import org.currents.store.Database;
import org.currents.store.EventStore;
import org.currents.store.FaultyDatabase;
import org.currents.store.SourceStore;
import org.currents.store.TestDatabases;
import org.currents.store.TestIngest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Poller.pollAll} files the items of all the feeds it fetched in the order of their times:
 * what it makes is what polling the feeds as they were written makes, whichever feed comes first.
 */
class TimeOrderedFilingTest {
    private static final Instant NOW = Instant.parse("2018-01-22T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theEventsAreThoseOfTheFeedsFiledInTheOrderTheyWereWrittenWhicheverComesFirst() throws Exception {
        Set<Set<String>> morningFirst = pollAll(dir.resolve("all"), "1-morning.rss", "2-wire.rss", "3-evening.rss");
        Set<Set<String>> eveningFirst = pollAll(dir.resolve("all-reversed"), "1-evening.rss", "2-wire.rss", "3-morning.rss");
        Set<Set<String>> asWritten = pollOneByOne(dir.resolve("as-written"), "1-evening.rss", "2-morning.rss", "3-wire.rss");
        Set<Set<String>> morningPolledFirst = pollOneByOne(dir.resolve("one-by-one"), "1-morning.rss", "2-wire.rss",
                "3-evening.rss");
        assertEquals(Set.of(Set.of("a", "r"), Set.of("d")), asWritten);
        assertEquals(asWritten, morningFirst);
        assertEquals(asWritten, eveningFirst);
        // The fixture is one where the order matters: filed feed by feed, the morning's report starts
        // an event on the day of the siege's end, which joins it, and the evening's report is too late for both.
        assertEquals(Set.of(Set.of("d", "r"), Set.of("a")), morningPolledFirst);
    }

    @Test
    void eachSourceIsToldWhatItsOwnItemsDid() throws Exception {
        try (Setup s = new Setup(dir.resolve("counts"), "1-morning.rss", "2-wire.rss", "3-evening.rss")) {
            List<PollOutcome> outcomes = s.poller.pollAll(2);
            Map<String, int[]> counts = outcomes.stream().collect(Collectors.toMap(
                    o -> s.sources.find(o.sourceId()).orElseThrow().feedUrl(), o -> new int[] {o.created(), o.updated()}));
            int events = (int) s.events.count();
            int created = counts.values().stream().mapToInt(c -> c[0]).sum();
            assertEquals(events, created, "every event was created by one source's item");
            assertEquals(1, counts.get("file:feeds/3-evening.rss")[0], "the oldest item starts an event");
            assertEquals(List.of(0, 1), List.of(counts.get("file:feeds/1-morning.rss")[0],
                    counts.get("file:feeds/1-morning.rss")[1]), "the morning's report joined it");
            assertEquals("ok", outcomes.get(0).status());
            assertEquals("not_modified", s.poller.pollAll(2).get(0).status(), "the poll was recorded after its items");
        }
    }

    @Test
    void anIngestThatFailsFailsTheSourcesOfItsItemsAloneAndTheirNextPollFilesThem() throws Exception {
        // A feed's worth of items per ingest, the first feed's all older: each feed is one ingest of its own.
        int n = TimeOrderedFiling.CHUNK;
        Map<String, String> feeds = Map.of("1-first.rss", numbered("first", n, "2018-01-20T00:00:00Z"),
                "2-second.rss", numbered("second", n, "2018-01-21T00:00:00Z"));
        AtomicInteger writes = new AtomicInteger();
        Path at = dir.resolve("failing");
        // The database fails the second ingest's write, as a full disk would: its transaction rolls back.
        Database db = FaultyDatabase.open(TestDatabases.h2(at),
                sql -> sql.startsWith("INSERT INTO event_source") && writes.incrementAndGet() == 2);
        try (Setup s = new Setup(at, db, feeds)) {
            Map<String, PollOutcome> first = byFeed(s, s.poller.pollAll(2));
            assertEquals("ok", first.get("file:feeds/1-first.rss").status());
            PollOutcome failed = first.get("file:feeds/2-second.rss");
            assertEquals("error", failed.status());
            assertTrue(failed.error().startsWith("its items could not be stored, and will be fetched again: database transaction failed: "), failed.error());
            assertTrue(failed.error().contains("injected failure"), failed.error());
            assertEquals(Map.of("first", n), s.articlesByFeed(), "nothing of the failed ingest was stored");

            Map<String, PollOutcome> second = byFeed(s, s.poller.pollAll(2));
            assertEquals("not_modified", second.get("file:feeds/1-first.rss").status());
            assertEquals("ok", second.get("file:feeds/2-second.rss").status(), "the failed poll kept no validator");
            assertEquals(Map.of("first", n, "second", n), s.articlesByFeed(), "every item once, none doubled");
        }
    }

    private static Map<String, PollOutcome> byFeed(Setup s, List<PollOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(o -> s.sources.find(o.sourceId()).orElseThrow().feedUrl(),
                o -> o));
    }

    /** {@code n} reports of different happenings, ten minutes apart from {@code from}. */
    private static String numbered(String name, int n, String from) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Instant.parse(from).plus(Duration.ofMinutes(10L * i)).atOffset(ZoneOffset.UTC));
            items.append(item(name + "-" + i, date, "Report " + i + " of the " + name + " desk",
                    "Item " + i + " of " + n + " from the " + name + " desk."));
        }
        return feed(name, items.toString());
    }

    private Set<Set<String>> pollAll(Path at, String... files) throws Exception {
        try (Setup s = new Setup(at, files)) {
            s.poller.pollAll(2).forEach(o -> assertEquals("ok", o.status()));
            return s.partition();
        }
    }

    private Set<Set<String>> pollOneByOne(Path at, String... files) throws Exception {
        try (Setup s = new Setup(at, files)) {
            for (var source : s.sources.all()) {
                assertEquals("ok", s.poller.poll(source.id()).status());
            }
            return s.partition();
        }
    }

    /** A fresh store with the two feeds as sources, named so that the sources come in the order given. */
    private static final class Setup implements AutoCloseable {
        final Database db;
        final SourceStore sources;
        final EventStore events;
        final FeedFetcher fetcher;
        final Poller poller;

        Setup(Path at, String... files) throws Exception {
            this(at, Database.open(TestDatabases.h2(at)), Arrays.stream(files).collect(Collectors.toMap(f -> f,
                    f -> f.contains("morning") ? MORNING : f.contains("wire") ? WIRE : EVENING)));
        }

        /** The feeds by file name, as sources in the order of their names. */
        Setup(Path at, Database db, Map<String, String> feeds) throws Exception {
            Files.createDirectories(at.resolve("feeds"));
            this.db = db;
            sources = new SourceStore(db);
            events = new EventStore(db);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            fetcher = new FeedFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                    1 << 20, 3, "Currents/test", List.of(), at, List.of(at.resolve("feeds")), 2, 4), clock);
            poller = new Poller(sources, fetcher, new FeedParser(), new Normalizer(new ContextSettings(
                    List.of(Pattern.compile("https?://en\\.wikipedia\\.org/wiki/([^?#]+)")), Map.of()), TestIngest.ANALYZER,
                    TestIngest.PLACES), TestIngest.of(db, clock), new PollPlanner(new PollSettings(Duration.ofMinutes(15),
                    Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(6), Duration.ofDays(7), 2), new Random(1)),
                    clock);
            for (String file : new TreeSet<>(feeds.keySet())) {
                Files.writeString(at.resolve("feeds").resolve(file), feeds.get(file));
                sources.upsert(new SourceSpec("file:feeds/" + file, file, null, List.of(), null));
            }
        }

        /** Each event as the guids of its items (the last part of their article URLs). */
        Set<Set<String>> partition() {
            return events.latest(100).stream().map(e -> e.sources().stream().map(EventSource::articleUrl)
                    .map(u -> u.substring(u.lastIndexOf('/') + 1)).collect(Collectors.toCollection(TreeSet::new)))
                    .collect(Collectors.toSet());
        }

        /** How many distinct articles are stored, by the feed their guid names; each counted as often as events list it. */
        Map<String, Integer> articlesByFeed() {
            List<String> urls = events.latest(1000).stream().flatMap(e -> e.sources().stream())
                    .map(EventSource::articleUrl).toList();
            assertEquals(urls.size(), new TreeSet<>(urls).size(), "an article listed twice: " + urls);
            return urls.stream().collect(Collectors.groupingBy(u -> u.substring(u.lastIndexOf('/') + 1).split("-")[0],
                    Collectors.summingInt(u -> 1)));
        }

        @Override
        public void close() {
            fetcher.close();
            db.close();
        }
    }
}
