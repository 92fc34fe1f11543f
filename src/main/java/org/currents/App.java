package org.currents;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.currents.cli.Cli;
import org.currents.config.MatchSettings;
import org.currents.config.Settings;
import org.currents.fetch.FeedFetcher;
import org.currents.match.EventMerger;
import org.currents.match.Matcher;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.match.WindowIndex;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParser;
import org.currents.poll.PollPlanner;
import org.currents.poll.Poller;
import org.currents.poll.SourceAdmin;
import org.currents.poll.SourceIntake;
import org.currents.publish.Site;
import org.currents.relate.RelatedEvents;
import org.currents.schedule.PollScheduler;
import org.currents.source.OpmlException;
import org.currents.source.OwnSite;
import org.currents.source.Source;
import org.currents.source.SourceWatch;
import org.currents.store.ContextStore;
import org.currents.store.Database;
import org.currents.store.EventIngest;
import org.currents.store.EventStore;
import org.currents.store.SourceStore;
import org.currents.web.WebServer;
import org.currents.web.WebServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every component with its collaborators, in the order of the
 * flow, and starts (store, scheduler, web) and stops them (in reverse).
 */
public final class App implements AutoCloseable {
    public static final String VERSION = version();
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final SourceStore sources;
    private final EventStore events;
    private final ContextStore contexts;
    private final FeedFetcher fetcher;
    private final EventIngest ingest;
    private final Poller poller;
    private final RelatedEvents related;
    private final PollScheduler scheduler;
    private final SourceAdmin admin;
    private final WebServer web;
    /** How often the server looks for sources changed by another process (the command line beside it). */
    private static final Duration WATCH_EVERY = Duration.ofSeconds(15);

    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "source-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile URI baseUri;
    private volatile int port;

    private App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.database = Database.open(settings.store());
        this.sources = new SourceStore(database);
        this.events = new EventStore(database);
        this.contexts = new ContextStore(database);
        this.fetcher = new FeedFetcher(settings.fetch(), clock);
        FeedParser parser = new FeedParser();
        Places places = Places.standard();
        TextAnalyzer analyzer = new TextAnalyzer(places);
        MatchSettings match = settings.match();
        this.ingest = new EventIngest(database, clock, new Matcher(match.threshold()), new EventMerger(), analyzer,
                new WindowIndex(match.window(), match.memoryEvents()));
        this.poller = new Poller(sources, fetcher, parser, new Normalizer(settings.contexts(), analyzer, places), ingest,
                new PollPlanner(settings.poll(), new Random()), clock);
        this.related = new RelatedEvents(events);
        this.scheduler = new PollScheduler(settings.poll(), settings.fetch().maxPerHost(),
                id -> poller.poll(id).nextPoll(), clock);
        this.admin = new SourceAdmin(sources, events, new SourceIntake(fetcher, parser, this::ownSite), poller,
                scheduler::schedule, scheduler::unschedule, clock);
        this.web = new WebServer(settings.server());
    }

    public static void main(String[] args) {
        // The default H2 database serves itself to a second process (the command line beside the
        // server, AUTO_SERVER=TRUE); keep that port on the loopback interface. Read once by H2, so
        // set before any H2 class loads.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        System.exit(Cli.run(args, System.getenv()));
    }

    /**
     * Opens the database (migrating it); {@link #importConfiguredSources()} brings in the sources
     * of {@code sources.opml}, and polls and serving begin with {@link #start()}.
     */
    public static App open(Settings settings) {
        return open(settings, Clock.systemUTC());
    }

    public static App open(Settings settings, Clock clock) {
        return new App(settings, clock);
    }

    /**
     * Adds the sources listed in {@code sources.opml} and updates the stored ones it lists, with
     * the checks every door shares, and returns what it did, entries refused with their reasons.
     * Run when the server starts, by {@code poll --once}, and by {@code import-opml} without a file.
     */
    public SourceAdmin.ImportReport importConfiguredSources() {
        Path file = settings.sourcesFile();
        if (!Files.isRegularFile(file)) {
            log.info("no {}; using the sources already stored", file);
            return new SourceAdmin.ImportReport(0, 0, List.of());
        }
        byte[] opml;
        try {
            opml = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        SourceAdmin.ImportReport report;
        try {
            report = admin.importConfigured(opml);
        } catch (OpmlException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return report;
    }

    /** Where this instance publishes: its base URL and port once serving, else as configured. */
    private OwnSite ownSite() {
        URI base = baseUri;
        if (base != null) {
            return new OwnSite(base, port);
        }
        int configured = settings.server().port();
        return new OwnSite(settings.server().siteUrl() != null ? settings.server().siteUrl()
                : URI.create("http://localhost:" + configured + "/"), configured);
    }

    /** Starts the web server, then the scheduler (the site can answer while the first polls run). */
    public void start() {
        port = web.open();
        baseUri = settings.server().siteUrl() != null ? settings.server().siteUrl()
                : URI.create("http://localhost:" + port + "/");
        SourceAdmin.ImportReport configured = importConfiguredSources();
        configured.skipped().forEach(s -> log.warn("{}: skipped '{}': {}", settings.sourcesFile(), s.text(), s.reason()));
        log.info("{}: {} sources added, {} updated, {} skipped", settings.sourcesFile(), configured.added(),
                configured.merged(), configured.skipped().size());
        Site site = new Site(events, contexts, related, baseUri, settings.contexts().minEvents(),
                settings.contexts().feedEntries());
        site.refreshVersion();
        database.afterCommit(() -> refreshVersion(site));
        watcher.scheduleWithFixedDelay(() -> refreshVersion(site), settings.server().checkEvery().toMillis(),
                settings.server().checkEvery().toMillis(), TimeUnit.MILLISECONDS);
        web.start(site, database::isHealthy,
                new WebServices(sources, events, ingest, contexts, admin, poller.metrics(), settings.admin().token()));
        List<Source> enabled = sources.all().stream().filter(Source::enabled).toList();
        scheduler.start(enabled);
        SourceWatch watch = new SourceWatch(sources::all, scheduler::schedule, scheduler::unschedule, enabled);
        watcher.scheduleWithFixedDelay(() -> {
            try {
                int changed = watch.check();
                if (changed > 0) {
                    log.info("{} sources added, removed or disabled by another process; schedule updated", changed);
                }
            } catch (RuntimeException e) {
                log.warn("cannot compare the stored sources with the schedule: {}", e.getMessage());
                log.debug("source watch failed", e);
            }
        }, WATCH_EVERY.toSeconds(), WATCH_EVERY.toSeconds(), TimeUnit.SECONDS);
        log.info("serving {} on port {}; {} sources scheduled", baseUri, port, enabled.size());
    }

    /** Reads the published version again, so the site serves what was just committed (here or on another node). */
    private static void refreshVersion(Site site) {
        try {
            site.refreshVersion();
        } catch (RuntimeException e) {
            log.warn("cannot read the published version; documents stay as they were: {}", e.getMessage());
        }
    }

    /** Stops taking requests, lets running polls finish, then closes the HTTP client and the database; logs each. */
    @Override
    public void close() {
        web.stop();
        watcher.shutdownNow();
        scheduler.shutdown();
        fetcher.close();
        try {
            database.compactOnClose();
        } catch (RuntimeException e) {
            log.warn("{}; the database is intact, only larger on disk", e.getMessage());
        }
        if (baseUri != null) {
            log.info("stopped: web server (port {}), poll scheduler (running polls finished), HTTP client, database", port);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The port the web server listens on once started. */
    public int port() {
        return port;
    }

    public int pollThreads() {
        return settings.poll().threads();
    }

    public Poller poller() {
        return poller;
    }

    public SourceStore sources() {
        return sources;
    }

    public EventStore events() {
        return events;
    }

    public ContextStore contexts() {
        return contexts;
    }

    public SourceAdmin admin() {
        return admin;
    }

    private static String version() {
        String v = App.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }
}
