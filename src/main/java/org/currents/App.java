package org.currents;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Random;
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
import org.currents.publish.Site;
import org.currents.relate.RelatedEvents;
import org.currents.schedule.PollScheduler;
import org.currents.source.OpmlImport;
import org.currents.source.OpmlReader;
import org.currents.source.Source;
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
    private final Poller poller;
    private final RelatedEvents related;
    private final PollScheduler scheduler;
    private final SourceAdmin admin;
    private final WebServer web;
    private URI baseUri;

    private App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.database = Database.open(settings.store());
        this.sources = new SourceStore(database);
        this.events = new EventStore(database, clock);
        this.contexts = new ContextStore(database);
        this.fetcher = new FeedFetcher(settings.fetch(), clock);
        FeedParser parser = new FeedParser();
        Places places = Places.standard();
        TextAnalyzer analyzer = new TextAnalyzer(places);
        MatchSettings match = settings.match();
        EventIngest ingest = new EventIngest(database, clock, new Matcher(match.threshold()), new EventMerger(), analyzer,
                new WindowIndex(match.window(), match.memoryEvents()));
        this.poller = new Poller(sources, fetcher, parser, new Normalizer(settings.contexts(), analyzer, places), ingest,
                new PollPlanner(settings.poll(), new Random()), clock);
        this.related = new RelatedEvents(events);
        this.scheduler = new PollScheduler(settings.poll(), settings.fetch().maxPerHost(),
                id -> poller.poll(id).nextPoll(), clock);
        this.admin = new SourceAdmin(sources, events, fetcher, parser, poller, scheduler::schedule, scheduler::unschedule,
                clock);
        this.web = new WebServer(settings.server());
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.getenv()));
    }

    /**
     * Opens the database (migrating it) and registers the sources of {@code sources.opml}; polls
     * and serving begin with {@link #start()}.
     */
    public static App open(Settings settings) {
        return open(settings, Clock.systemUTC());
    }

    public static App open(Settings settings, Clock clock) {
        App app = new App(settings, clock);
        try {
            app.registerConfiguredSources();
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** Adds or updates every source listed in {@code sources.opml}, so sources added there are picked up on restart. */
    private void registerConfiguredSources() {
        if (!Files.isRegularFile(settings.sourcesFile())) {
            log.info("no {}; starting with the sources already stored", settings.sourcesFile());
            return;
        }
        OpmlImport imported;
        try {
            imported = new OpmlReader().read(Files.readAllBytes(settings.sourcesFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + settings.sourcesFile() + ": " + e.getMessage(), e);
        }
        imported.sources().forEach(sources::upsert);
        imported.skipped().forEach(s -> log.warn("{}: skipped outline '{}': {}", settings.sourcesFile(), s.text(), s.reason()));
        log.info("{} sources from {}", imported.sources().size(), settings.sourcesFile());
    }

    /** Starts the web server, then the scheduler (the site can answer while the first polls run). */
    public void start() {
        int port = web.open();
        baseUri = settings.server().siteUrl() != null ? settings.server().siteUrl()
                : URI.create("http://localhost:" + port + "/");
        web.start(new Site(events, contexts, related, baseUri, settings.contexts().minEvents()), database::isHealthy,
                new WebServices(sources, events, contexts, admin, poller.metrics(), settings.admin().token()));
        List<Source> enabled = sources.all().stream().filter(Source::enabled).toList();
        scheduler.start(enabled);
        log.info("serving {} on port {}; {} sources scheduled", baseUri, port, enabled.size());
    }

    @Override
    public void close() {
        web.stop();
        scheduler.shutdown();
        fetcher.close();
        database.close();
    }

    public URI baseUri() {
        return baseUri;
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
