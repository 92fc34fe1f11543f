package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.currents.config.StoreSettings;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.currents.event.Keys;
import org.currents.source.SourceSpec;
import org.currents.source.SourceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ingests that race, re-polls that must write nothing, and splits that stick, on H2 and PostgreSQL. */
class EventIngestTest {
    private static final Instant T = Instant.parse("2018-01-16T08:00:00Z");
    private static final String[] HAPPENINGS = {
        "Volcano Mayon erupts in Albay, forcing thousands to flee",
        "Sanchi tanker sinks in the East China Sea after burning for a week",
        "Senate reaches a deal to end the federal government shutdown",
        "Gunmen attack the Intercontinental Hotel in Kabul",
        "Twin car bombs kill dozens in Benghazi",
        "Emirates orders 36 more Airbus A380 superjumbos",
        "Romanians rally in Bucharest against judicial changes",
        "Turkish troops enter Afrin in northern Syria",
        "Rappler faces an investigation by the National Bureau of Investigation",
        "Drone rescues two swimmers off the coast of New South Wales",
    };

    @TempDir
    Path dir;

    private StoreSettings settings;
    private final List<Database> opened = new ArrayList<>();
    private final Clock clock = Clock.fixed(T.plusSeconds(86400), ZoneOffset.UTC);

    private Database open(String kind) {
        if (settings == null) {
            settings = TestDatabases.of(kind, dir);
        }
        Database db = Database.open(settings);
        opened.add(db);
        return db;
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
        if (settings != null && settings.isPostgres()) {
            TestDatabases.dropPostgres(settings);
        }
    }

    /** Source {@code source}'s feed: every happening, each linking the wire story all sources share. */
    private static List<EventDraft> feed(long source) {
        List<EventDraft> drafts = new ArrayList<>();
        for (int i = 0; i < HAPPENINGS.length; i++) {
            String headline = source % 2 == 0 ? HAPPENINGS[i] : HAPPENINGS[i].toUpperCase();
            String link = "https://wire.example/story/" + i;
            String itemKey = "item:" + source + ":" + link;
            List<Context> contexts = List.of(Context.named("World", ContextKind.SOURCE_GROUP));
            drafts.add(new EventDraft(itemKey, Set.of("link:wire.example/story/" + i),
                    TestIngest.ANALYZER.analyze(headline, "", contexts), T.plusSeconds(600L * i + 60 * source), headline, "",
                    "<p>" + headline + "</p>", link, null, new EventSource(source, "Outlet " + source, link, "file:f" + source,
                    headline, T, Keys.hash(itemKey), null), contexts, null));
        }
        return drafts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void feedsSharingArticlesIngestedAtOnceMakeOneEventPerHappening(String kind) throws Exception {
        Database db = open(kind);
        // Two ingests over one database: two nodes, each with its own lock and index, as in a cluster.
        EventIngest[] nodes = {TestIngest.of(db, clock), TestIngest.of(open(kind), clock)};
        int sources = 8;
        CyclicBarrier start = new CyclicBarrier(sources);
        ExecutorService pool = Executors.newFixedThreadPool(sources);
        try {
            List<Future<IngestResult>> results = new ArrayList<>();
            for (int s = 1; s <= sources; s++) {
                long source = s;
                results.add(pool.submit(() -> {
                    start.await();
                    return nodes[(int) source % 2].ingest(feed(source));
                }));
            }
            int created = 0;
            for (Future<IngestResult> r : results) {
                created += r.get().created();
            }
            assertEquals(HAPPENINGS.length, created, "no ingest failed and no event was made twice");
        } finally {
            pool.shutdownNow();
        }
        EventStore events = new EventStore(db);
        assertEquals(HAPPENINGS.length, events.count());
        for (Event e : events.latest(100)) {
            assertEquals(sources, e.sources().size(), e.headline() + " has every outlet's report once");
        }
    }

    /**
     * One node, four threads, eight feeds of the same ten happenings (sharing the article links, or
     * each with links of its own so that only the matcher joins them), while the database fails
     * one write in four. An ingest decided while the one before it is written must not keep what
     * that one decided when it fails; the failed feeds polled again then complete every event.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void ingestsDecidedWhileAFailingOneIsWrittenMakeEveryEventOnce(boolean sharedLinks) throws Exception {
        for (int round = 0; round < 6; round++) {
            Path roundDir = dir.resolve("round-" + round + "-" + sharedLinks);
            Random random = new Random(round);
            AtomicBoolean failing = new AtomicBoolean(true);
            Database db = FaultyDatabase.open(TestDatabases.h2(roundDir), sql -> sql.startsWith("INSERT INTO event_source")
                    && failing.get() && nextInt(random, 4) == 0);
            opened.add(db);
            EventIngest ingest = TestIngest.of(db, clock);
            int sources = 8;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Long> failed = new ArrayList<>();
            try {
                List<Future<?>> results = new ArrayList<>();
                for (long s = 1; s <= sources; s++) {
                    long source = s;
                    results.add(pool.submit(() -> ingest.ingest(sharedLinks ? feed(source) : ownLinks(source))));
                }
                for (int s = 0; s < sources; s++) {
                    try {
                        results.get(s).get();
                    } catch (ExecutionException e) {
                        assertTrue(e.getCause() instanceof StoreException, e.getCause().toString());
                        failed.add(s + 1L);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            failing.set(false);
            for (long source : failed) {
                ingest.ingest(sharedLinks ? feed(source) : ownLinks(source));
            }
            EventStore events = new EventStore(db);
            assertEquals(HAPPENINGS.length, events.count(), "round " + round + ", failed " + failed);
            for (Event e : events.latest(100)) {
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), e.sources().stream().map(EventSource::sourceId)
                        .sorted().toList(), "round " + round + ", failed " + failed + ": " + e.headline());
            }
        }
    }

    private static synchronized int nextInt(Random random, int bound) {
        return random.nextInt(bound);
    }

    /** Source {@code source}'s feed with article links of its own: only the matcher can join its reports. */
    private static List<EventDraft> ownLinks(long source) {
        List<EventDraft> drafts = new ArrayList<>();
        for (EventDraft d : feed(source)) {
            String link = d.link().replace("wire.example", "outlet" + source + ".example");
            EventSource s = d.source();
            drafts.add(new EventDraft(d.itemKey(), Set.of("link:" + link.substring("https://".length())), d.features(),
                    d.published(), d.headline(), d.summary(), d.contentHtml(), link, d.coverImage(), new EventSource(
                    s.sourceId(), s.outlet(), link, s.feedUrl(), s.headline(), s.published(), s.reportKey(), null),
                    d.contexts(), d.storySlug()));
        }
        return drafts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aNodeTakingTurnsWithAnotherReadsTheEventsTheOtherChanged(String kind) {
        Database db = open(kind);
        // Each node keeps the events it wrote last; the other's joins in between make them stale.
        EventIngest[] nodes = {TestIngest.of(db, clock), TestIngest.of(open(kind), clock)};
        for (long s = 1; s <= 6; s++) {
            nodes[(int) s % 2].ingest(feed(s));
        }
        for (Event e : new EventStore(db).latest(100)) {
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), e.sources().stream().map(EventSource::sourceId).toList(),
                    e.headline() + " has every report, in the order they came");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aReportJoiningUpdatesTheEventWithoutRewritingItsRow(String kind) {
        Database db = open(kind);
        Instant later = clock.instant().plus(Duration.ofHours(3));
        TestIngest.of(db, clock).ingest(feed(1));
        EventStore events = new EventStore(db);
        String rowBefore = db.read(c -> Sql.query(c, "SELECT MIN(seq) || ' ' || MAX(seq) FROM event", rs -> rs.getString(1)))
                .get(0);
        TestIngest.of(db, Clock.fixed(later, ZoneOffset.UTC)).ingest(feed(2));
        assertEquals(rowBefore, db.read(c -> Sql.query(c, "SELECT MIN(seq) || ' ' || MAX(seq) FROM event",
                rs -> rs.getString(1))).get(0), "no event row was written again");
        for (Event e : events.latest(100)) {
            assertEquals(2, e.sources().size());
            assertEquals(later, e.updated(), e.headline() + " was updated when the second report joined");
            assertEquals(clock.instant(), e.firstSeen());
        }
        assertEquals(java.util.Optional.of(later), events.lastUpdated());
    }

    /**
     * The poll record counts what the ingest stored, so it commits in the ingest's transaction: a
     * record that cannot be written takes the feed's events with it, and a feed that changes
     * nothing still gets its record.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aPollRecordCommitsWithTheFeedItCountsOrNotAtAll(String kind) {
        Database db = open(kind);
        SourceStore sources = new SourceStore(db);
        long first = sources.upsert(new SourceSpec("https://one.example/feed", "One", null, List.of(), null)).id();
        long second = sources.upsert(new SourceSpec("https://two.example/feed", "Two", null, List.of(), null)).id();
        EventIngest ingest = TestIngest.of(db, clock);
        EventStore events = new EventStore(db);

        assertEquals(HAPPENINGS.length, ingest.ingest(feed(first), record(first, "e1")).created());
        assertEquals(HAPPENINGS.length, sources.find(first).orElseThrow().status().itemsNew());
        assertEquals("e1", sources.find(first).orElseThrow().status().etag());

        PollRecord refused = new PollRecord(second, r -> {
            throw new IllegalStateException("no status for " + r);
        });
        assertThrows(IllegalStateException.class, () -> ingest.ingest(feed(second), refused));
        assertEquals(SourceStatus.NEVER_POLLED, sources.find(second).orElseThrow().status());
        for (Event e : events.latest(100)) {
            assertEquals(List.of(first), e.sources().stream().map(EventSource::sourceId).toList(),
                    e.headline() + ": the second feed's reports went with its record");
        }

        assertEquals(new IngestResult(0, 0, HAPPENINGS.length), ingest.ingest(feed(first), record(first, "e2")));
        assertEquals(0, sources.find(first).orElseThrow().status().itemsNew());
        assertEquals("e2", sources.find(first).orElseThrow().status().etag());
    }

    private static PollRecord record(long source, String etag) {
        return new PollRecord(source, r -> new SourceStatus(etag, null, T, T.plusSeconds(3600), "ok", 200, r.created(),
                r.updated(), 0, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rePollingFiftyFeedsCreatesNothingAndWritesNothing(String kind) {
        Database db = open(kind);
        EventIngest ingest = TestIngest.of(db, clock);
        EventStore events = new EventStore(db);
        for (long s = 1; s <= 50; s++) {
            ingest.ingest(feed(s));
        }
        long version = events.version();
        long count = events.count();
        EventIngest restarted = TestIngest.of(db, clock);
        for (long s = 1; s <= 50; s++) {
            assertEquals(new IngestResult(0, 0, HAPPENINGS.length), restarted.ingest(feed(s)));
        }
        assertEquals(version, events.version(), "no ingest moved the version: nothing was written");
        assertEquals(count, events.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSplitReportGetsItsOwnEventAndKeepsItOnTheNextPoll(String kind) {
        Database db = open(kind);
        EventIngest ingest = TestIngest.of(db, clock);
        EventStore events = new EventStore(db);
        ingest.ingest(feed(1));
        ingest.ingest(feed(2));
        Event merged = events.latest(100).stream().filter(e -> e.headline().toLowerCase().startsWith("twin car bombs")).findFirst()
                .orElseThrow();
        assertEquals(2, merged.sources().size());
        String url = "HTTPS://www.wire.example/story/4?utm_source=x";
        assertThrows(IllegalArgumentException.class, () -> ingest.split(merged.id(), "https://elsewhere.example/"));
        assertThrows(NoSuchElementException.class, () -> ingest.split("nope", url));
        // Both reports share the wire link: the first source's report (the same URL) goes.
        EventSplit.Result r = ingest.split(merged.id(), url);
        assertEquals(1, r.original().sources().size());
        assertEquals(1, r.split().sources().size());
        assertEquals(HAPPENINGS.length + 1, events.count());
        assertEquals(merged.date(), r.split().date());
        assertTrue(events.find(merged.id()).isPresent(), "the original keeps its id and URL");

        EventIngest restarted = TestIngest.of(db, clock);
        restarted.ingest(feed(1));
        restarted.ingest(feed(2));
        assertEquals(HAPPENINGS.length + 1, events.count(), "the next polls leave the split as it is");
        assertEquals(1, events.find(r.split().id()).orElseThrow().sources().size());
        assertEquals(1, events.find(merged.id()).orElseThrow().sources().size());
    }

    /** One outlet's report, with its own words, for tests of what matching reads back. */
    private static EventDraft report(long source, Instant at, String headline, String summary) {
        return report(source, at, headline, summary, "https://outlet" + source + ".example/" + at.getEpochSecond(), List.of());
    }

    private static EventDraft report(long source, Instant at, String headline, String summary, String link,
                                     List<Context> contexts) {
        String itemKey = "item:" + source + ":" + link;
        return new EventDraft(itemKey, Set.of("link:" + link.substring(link.indexOf("//") + 2)),
                TestIngest.ANALYZER.analyze(headline, summary, contexts), at, headline, summary, "<p>" + summary + "</p>",
                link, null, new EventSource(source, "Outlet " + source, link, "file:f" + source, headline, at,
                        Keys.hash(itemKey), null, summary), contexts, null);
    }

    /**
     * The events a node wrote last are kept in memory without their reports' merge notes and
     * summaries. A report polled again with a corrected headline, and a report that files the event
     * under a stronger kind of a context it lists, change the event again: neither writes them away.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void reportsKeepWhyTheyWereMergedAndTheirSummariesWhenTheirEventChangesAgain(String kind) {
        Database db = open(kind);
        EventIngest ingest = TestIngest.of(db, clock);
        EventStore events = new EventStore(db);
        ingest.ingest(feed(5));
        String link = "https://outlet1.example/alert";
        List<Context> category = List.of(Context.named("Hawaii", ContextKind.CATEGORY));
        ingest.ingest(List.of(report(1, T, "False missile alert sent to phones across Hawaii",
                "An emergency warning of an incoming ballistic missile reached residents on Saturday morning.", link,
                category)));
        String summary = "The Emergency Management Agency in Honolulu said an employee pressed the wrong button.";
        ingest.ingest(List.of(report(2, T.plusSeconds(3600), "Missile alert sent to phones in Hawaii was a mistake",
                summary, "https://outlet2.example/alert", category)));
        Event joined = events.latest(100).stream().filter(e -> e.headline().startsWith("False")).findFirst().orElseThrow();
        EventSource second = joined.sources().get(1);
        assertTrue(second.merge() != null && second.merge().reasons().contains("rare words"), second.toString());
        assertEquals(summary, second.summary());

        ingest.ingest(List.of(report(2, T.plusSeconds(3600), "Missile alert sent to phones in Hawaii was a false alarm",
                summary, "https://outlet2.example/alert", category)));
        ingest.ingest(List.of(report(3, T.plusSeconds(7200), "Hawaii alert: the link everyone shared", "",
                link, List.of(Context.named("Hawaii", ContextKind.STORY)))));

        Event after = events.find(joined.id()).orElseThrow();
        assertEquals(3, after.sources().size());
        assertEquals(ContextKind.STORY, after.contexts().get(0).kind());
        EventSource relisted = after.sources().get(1);
        assertEquals("Missile alert sent to phones in Hawaii was a false alarm", relisted.headline());
        assertEquals(second.merge(), relisted.merge());
        assertEquals(summary, relisted.summary());
        assertEquals(joined.sources().get(0), after.sources().get(0));
    }

    /**
     * The third report shares its words with the second report's summary alone. After a restart the
     * event is read back from the store: matched only by its own text and its reports' headlines, as
     * it was before the reports' summaries were kept, the third report started an event of its own.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anEventReadBackIsMatchedByTheWordsOfEveryReportThatJoinedIt(String kind) {
        Database db = open(kind);
        EventIngest ingest = TestIngest.of(db, clock);
        // The day's other happenings: the rarity of words is read against them.
        ingest.ingest(feed(5));
        String joinedSummary = "The Emergency Management Agency in Honolulu said an employee pressed the wrong button "
                + "during a shift change, and a correction took 38 minutes.";
        ingest.ingest(List.of(report(1, T, "False missile alert sent to phones across Hawaii",
                "An emergency warning of an incoming ballistic missile reached residents on Saturday morning.")));
        ingest.ingest(List.of(report(2, T.plusSeconds(3600), "Missile alert sent to phones in Hawaii was a mistake",
                joinedSummary)));
        EventStore events = new EventStore(db);
        assertEquals(HAPPENINGS.length + 1, events.count());
        Event event = events.latest(100).stream().filter(e -> e.headline().startsWith("False")).findFirst().orElseThrow();
        assertEquals(List.of("", joinedSummary), event.sources().stream()
                .map(s -> s.summary() == null ? "" : s.summary()).toList(), "the event's summary is its first report's");

        TestIngest.of(db, clock).ingest(List.of(report(3, T.plusSeconds(6 * 3600),
                "Honolulu agency blames one employee's wrong button",
                "The worker pressed it at a shift change; the correction took 38 minutes.")));
        assertEquals(HAPPENINGS.length + 1, events.count());
        assertEquals(3, events.find(event.id()).orElseThrow().sources().size());
    }
}
