package org.currents.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
import org.currents.App;
import org.currents.config.ContextSettings;
import org.currents.config.FetchSettings;
import org.currents.config.PollSettings;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;
import org.currents.event.EventSource;
import org.currents.fetch.FeedFetcher;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParser;
import org.currents.source.SourceSpec;
import org.currents.source.SourceStatus;
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

    /** Saturday evening's report of an attack. */
    private static final String EVENING_ITEM = item("a", "Sat, 20 Jan 2018 17:40:00 GMT",
            "Gunmen storm Kabul's Intercontinental Hotel",
            "Attackers with guns and suicide vests stormed the Intercontinental Hotel in Kabul on Saturday evening, "
                    + "taking guests hostage as Afghan special forces surrounded the building.");
    /** A morning paper's report of the same attack. */
    private static final String MORNING_ITEM = item("r", "Sun, 21 Jan 2018 05:00:00 GMT",
            "Gunmen besiege Kabul's Intercontinental Hotel overnight",
            "Afghan special forces battled attackers holding guests hostage at the Intercontinental Hotel in Kabul "
                    + "through the night.");
    /** The wire's report of the next afternoon: the end of the siege, another happening. */
    private static final String WIRE_ITEM = item("d", "Sun, 21 Jan 2018 13:30:00 GMT",
            "Kabul hotel siege ends with 18 dead, 14 of them foreigners",
            "Afghan special forces ended the siege of the Intercontinental Hotel in Kabul after 13 hours; the attackers "
                    + "holding guests hostage killed 18 people, 14 of them foreigners, officials said.");
    private static final String EVENING = feed("evening", EVENING_ITEM);
    private static final String MORNING = feed("morning", MORNING_ITEM);
    private static final String WIRE = feed("wire", WIRE_ITEM);

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
    void serveFilesTheFirstPollOfNewSourcesInTheOrderOfTheirTimesToo() throws Exception {
        try (App app = serving(dir.resolve("project"), "1-morning.rss", "2-wire.rss", "3-evening.rss")) {
            assertEquals(Set.of(Set.of("a", "r"), Set.of("d")), partitionOnceAllPolled(app, 3));
        }
    }

    @Test
    void sourcesAddedOneAfterAnotherWhileServingArePolledFirstTogether() throws Exception {
        try (App app = serving(dir.resolve("added"))) {
            // Through the admin door, morning paper first, a moment apart as a client adds them: each
            // polled as it came would file the morning's report before the evening's, and it would go
            // with the siege's end.
            for (String file : List.of("1-morning.rss", "2-wire.rss", "3-evening.rss")) {
                app.admin().add(new SourceSpec("file:feeds/" + file, file, null, List.of(), null), false);
                Thread.sleep(500);
            }
            assertEquals(Set.of(Set.of("a", "r"), Set.of("d")), partitionOnceAllPolled(app, 3));
        }
    }

    @Test
    void sourcesOverdueAtStartArePolledFirstTogether() throws Exception {
        Path project = dir.resolve("restart");
        Map<String, String> before = Map.of("1-morning.rss", feed("morning", EARLIER_MORNING),
                "2-wire.rss", feed("wire", EARLIER_WIRE), "3-evening.rss", feed("evening", EARLIER_EVENING));
        // One poll thread: scheduled a job each, the sources would be polled in the order of their ids.
        write(project, before, "poll.threads=1\n", before.keySet().toArray(String[]::new));
        try (App app = started(project)) {
            assertEquals(3, partitionOnceAllPolled(app, 3).size());
        }
        // The server is down for a while: each feed gains its report of the attack, and each source is overdue.
        Instant later = Instant.now().plusSeconds(60);
        for (String file : before.keySet()) {
            Path feed = project.resolve("feeds").resolve(file);
            String items = file.contains("morning") ? EARLIER_MORNING + MORNING_ITEM : file.contains("wire")
                    ? EARLIER_WIRE + WIRE_ITEM : EARLIER_EVENING + EVENING_ITEM;
            Files.writeString(feed, feed(file.substring(2, file.indexOf('.')), items));
            Files.setLastModifiedTime(feed, FileTime.from(later));
        }
        try (App app = App.open(settings(project))) {
            for (var s : app.sources().all()) {
                SourceStatus st = s.status();
                app.sources().saveStatus(s.id(), new SourceStatus(st.etag(), st.lastModified(), st.lastPolled(),
                        Instant.now().minusSeconds(3600), st.lastStatus(), st.lastHttpStatus(), st.itemsNew(),
                        st.itemsUpdated(), st.consecutiveErrors(), st.failingSince(), st.lastError()));
            }
        }
        Instant restart = Instant.now();
        try (App app = started(project)) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (app.sources().all().stream().anyMatch(s -> s.status().lastPolled().isBefore(restart))) {
                assertTrue(Instant.now().isBefore(deadline), "sources not polled again within 60 s");
                Thread.sleep(50);
            }
            assertEquals(Set.of(Set.of("m0"), Set.of("w0"), Set.of("e0"), Set.of("a", "r"), Set.of("d")),
                    partitionOnceAllPolled(app, 3));
        }
    }

    /** Earlier reports, one a feed, of other happenings. */
    private static final String EARLIER_MORNING = item("m0", "Fri, 19 Jan 2018 06:00:00 GMT",
            "Floods close schools across northern Italy", "Rivers burst their banks after three days of rain.");
    private static final String EARLIER_WIRE = item("w0", "Fri, 19 Jan 2018 14:00:00 GMT",
            "Chile's central bank holds its key rate", "Policymakers kept borrowing costs unchanged, as expected.");
    private static final String EARLIER_EVENING = item("e0", "Fri, 19 Jan 2018 19:00:00 GMT",
            "Volcano in the Philippines spews ash over farmland", "Villagers near Mayon were told to leave their homes.");

    /** The app serving a project whose feeds are the fixtures and whose {@code sources.opml} lists {@code listed}. */
    private static App serving(Path project, String... listed) throws Exception {
        write(project, Map.of("1-morning.rss", MORNING, "2-wire.rss", WIRE, "3-evening.rss", EVENING), "", listed);
        return started(project);
    }

    /** A project: its feeds by file name, the settings besides the fixtures' and the sources {@code sources.opml} lists. */
    private static void write(Path project, Map<String, String> feeds, String properties, String... listed)
            throws Exception {
        Files.createDirectories(project.resolve("config"));
        Files.createDirectories(project.resolve("feeds"));
        for (var f : feeds.entrySet()) {
            Files.writeString(project.resolve("feeds").resolve(f.getKey()), f.getValue());
        }
        StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><head><title>t</title></head><body>");
        for (String file : new TreeSet<>(List.of(listed))) {
            opml.append("<outline type=\"rss\" text=\"").append(file).append("\" xmlUrl=\"file:feeds/").append(file)
                    .append("\"/>");
        }
        Files.writeString(project.resolve("config/sources.opml"), opml + "</body></opml>");
        Files.writeString(project.resolve("config/currents.properties"),
                "fetch.file-roots=feeds\nfetch.public=false\n" + properties);
    }

    private static Settings settings(Path project) {
        return new SettingsLoader("test").load(Map.of("config", project.resolve("config").toString(),
                "data", project.resolve("data").toString(), "port", "0", "host", "127.0.0.1"), Map.of());
    }

    private static App started(Path project) {
        App app = App.open(settings(project));
        app.start();
        return app;
    }

    /** Each event as the guids of its items, once the {@code n} sources have all been polled without error. */
    private static Set<Set<String>> partitionOnceAllPolled(App app, int n) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (app.sources().all().size() < n || app.sources().all().stream().anyMatch(s -> s.status().lastPolled() == null)) {
            assertTrue(Instant.now().isBefore(deadline), "sources not polled within 60 s: " + app.sources().all());
            Thread.sleep(50);
        }
        app.sources().all().forEach(s -> assertEquals("ok", s.status().lastStatus(), s.status().lastError()));
        return app.events().latest(100).stream().map(e -> e.sources().stream().map(EventSource::articleUrl)
                .map(u -> u.substring(u.lastIndexOf('/') + 1)).collect(Collectors.toCollection(TreeSet::new)))
                .collect(Collectors.toSet());
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

    private static String feed(String name, String items) {
        return "<rss version=\"2.0\"><channel><title>" + name + "</title><link>https://" + name + ".example/</link>"
                + "<description>d</description>" + items + "</channel></rss>";
    }

    private static String item(String guid, String date, String title, String description) {
        return "<item><title>" + title + "</title><link>https://news.example/" + guid + "</link><guid>" + guid
                + "</guid><pubDate>" + date + "</pubDate><description>" + description + "</description></item>";
    }
}
