package org.currents;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.currents.config.MatchSettings;
import org.currents.config.NodeSettings;
import org.currents.config.Settings;
import org.currents.fetch.CallbackClient;
import org.currents.fetch.FeedFetcher;
import org.currents.image.CoverImages;
import org.currents.match.EventMerger;
import org.currents.match.Matcher;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.match.WindowIndex;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParser;
import org.currents.poll.FirstPolls;
import org.currents.poll.PollPlanner;
import org.currents.poll.Poller;
import org.currents.poll.SourceAdmin;
import org.currents.poll.SourceIntake;
import org.currents.publish.Site;
import org.currents.relate.RelatedEvents;
import org.currents.schedule.ClusteredStore;
import org.currents.schedule.PollScheduler;
import org.currents.source.OpmlException;
import org.currents.source.OwnSite;
import org.currents.source.Source;
import org.currents.source.SourceWatch;
import org.currents.store.ClusterState;
import org.currents.store.ContextStore;
import org.currents.store.Database;
import org.currents.store.EventIngest;
import org.currents.store.EventSearch;
import org.currents.store.EventStore;
import org.currents.store.Listings;
import org.currents.store.SourceStore;
import org.currents.store.StoreException;
import org.currents.store.SubscriptionStore;
import org.currents.store.UpstreamStore;
import org.currents.web.NodeStatus;
import org.currents.web.WebServer;
import org.currents.web.WebServices;
import org.currents.websub.SubscriberCallback;
import org.currents.websub.Subscriptions;
import org.currents.websub.WebSub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the components the node's roles need with their collaborators,
 * in the order of the flow, and registers what starts and stops in one list ({@link Parts}):
 * database and HTTP client, then the configured sources, the scheduler and the source watch
 * ({@code poll} role), then the web server ({@code web} role); stopped in reverse.
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
    private final CoverImages covers;
    private final CallbackClient callbacks;
    private final SubscriptionStore subscriptions;
    private final UpstreamStore upstreams;
    private final Subscriptions pushes;
    private final SubscriberCallback subscriber;
    private volatile WebSub websub;
    /** Made when the node starts: the command line's short runs have nothing to report. */
    private PrometheusMeterRegistry meters;
    private final Parts parts = new Parts();
    /** How long new sources wait for others to be polled with them first, after the last, and at most. */
    private static final Duration FIRST_POLL_SETTLE = Duration.ofSeconds(2);
    private static final Duration FIRST_POLL_MAX_WAIT = Duration.ofSeconds(15);
    /** How often the server looks for sources changed by another process (the command line beside it). */
    private static final Duration WATCH_EVERY = Duration.ofSeconds(15);
    /** Parts whose stopping is nothing an operator needs to read about. */
    private static final Set<String> QUIET_PARTS = Set.of("web port", "configured sources", "JVM metrics",
            "websub renewals");

    private ScheduledExecutorService watcher;
    /** The first poll of sources never polled before, together and in time order; then they join the schedule. */
    private final FirstPolls firstPolls;
    private ScheduledExecutorService versionCheck;
    private ScheduledExecutorService renewals;
    private volatile URI baseUri;
    private volatile int port;
    private volatile boolean serving;

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
        this.callbacks = new CallbackClient(settings.fetch());
        this.upstreams = new UpstreamStore(database);
        this.pushes = new Subscriptions(upstreams, callbacks, settings.websub(), clock);
        this.poller = new Poller(sources, fetcher, parser, new Normalizer(settings.contexts(), analyzer, places), ingest,
                new PollPlanner(settings.poll(), settings.websub().fallbackInterval(), new Random()), pushes, clock);
        this.subscriber = new SubscriberCallback(upstreams, poller::ingestPushed, settings.websub(),
                settings.fetch().maxBodyBytes(), clock);
        this.related = new RelatedEvents(events, analyzer);
        NodeSettings node = settings.node();
        // On PostgreSQL the jobs live in the shared database: each poll runs on one node of the cluster.
        this.scheduler = new PollScheduler(settings.poll(), settings.fetch().maxPerHost(),
                id -> poller.poll(id).nextPoll(), clock, settings.store().isPostgres()
                ? new ClusteredStore(database.dataSource(), node.name(), node.checkinInterval()) : null);
        this.firstPolls = new FirstPolls(poller, sources, settings.poll().threads(), scheduler::schedule,
                FIRST_POLL_SETTLE, FIRST_POLL_MAX_WAIT);
        this.admin = new SourceAdmin(sources, events, new SourceIntake(fetcher, parser, this::ownSite), poller,
                this::schedule, scheduler::unschedule, clock);
        this.web = new WebServer(settings.server());
        this.covers = new CoverImages(settings.dataDir().resolve("images"), settings.images().cacheBytes(), fetcher::fetch,
                clock);
        this.subscriptions = new SubscriptionStore(database);
        // Open now, for every command; closed last.
        parts.add("database", () -> { }, this::closeDatabase).add("HTTP client", () -> { }, () -> {
            fetcher.close();
            callbacks.close();
        }).start();
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

    /**
     * Starts what the node's roles need: binds the port first (the site's base URL names it), then
     * imports the configured sources and starts polling ({@code poll}), then serves ({@code web}).
     * A part that fails to start stops those started before it.
     */
    public void start() {
        NodeSettings node = settings.node();
        serving = true;
        port = settings.server().port();
        meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            if (node.web()) {
                // First, alone: the web server's part is named by the port it got.
                parts.add("web port", this::bind, () -> { }).start();
            }
            addParts(node);
            parts.start();
        } catch (RuntimeException e) {
            serving = false;
            throw e;
        }
        log.info("node {} ({}) {} on port {}; {}", node.name(), node.roles(), node.web() ? "serving " + baseUri : "not serving",
                port, node.poll() ? "polling" : "not polling");
    }

    private void addParts(NodeSettings node) {
        database.recordMetrics(meters);
        List.of(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(), new ProcessorMetrics(),
                new UptimeMetrics()).forEach(b -> b.bindTo(meters));
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(meters);
        parts.add("JVM metrics", () -> { }, gc::close);
        if (node.poll()) {
            parts.add("configured sources", this::importAtStart, () -> { });
            parts.add("poll scheduler (running polls finished)", this::startPolling, this::stopPolling);
            if (pushes.enabled()) {
                parts.add("websub renewals", this::startRenewals, () -> renewals.shutdownNow());
            }
        } else {
            parts.add("cluster scheduler", scheduler::attach, scheduler::shutdown);
        }
        if (node.web()) {
            parts.add("web server (port " + port + ")", this::serve, () -> {
                web.stop();
                versionCheck.shutdownNow();
                covers.close();
                if (websub != null) {
                    websub.close();
                }
            });
        }
    }

    private void bind() {
        port = web.open();
        baseUri = settings.server().siteUrl() != null ? settings.server().siteUrl()
                : URI.create("http://localhost:" + port + "/");
    }

    private void importAtStart() {
        SourceAdmin.ImportReport configured;
        try {
            configured = importConfiguredSources();
        } catch (StoreException e) {
            // Nodes of a cluster starting together import the same file at once; one of them loses
            // the race on a new source's row, and finds it stored when it tries again.
            log.info("importing {} again after: {}", settings.sourcesFile(), e.getMessage());
            configured = importConfiguredSources();
        }
        SourceAdmin.ImportReport report = configured;
        report.skipped().forEach(s -> log.warn("{}: skipped '{}': {}", settings.sourcesFile(), s.text(), s.reason()));
        log.info("{}: {} sources added, {} updated, {} skipped", settings.sourcesFile(), report.added(),
                report.merged(), report.skipped().size());
    }

    /**
     * Schedules the enabled sources. Sources never polled (a new store, an OPML just imported) and
     * those overdue (the server was down: every feed may hold a backlog) are first polled together
     * in the background as {@code poll --once} does ({@link FirstPolls}), and scheduled after. In a
     * cluster every source goes to the shared schedule at once.
     */
    private void startPolling() {
        Instant now = clock.instant();
        List<Source> enabled = sources.all().stream().filter(Source::enabled).toList();
        List<Source> first = enabled.stream().filter(s -> pollsFirst(s) || overdue(s, now)).toList();
        Set<Long> polledFirst = first.stream().map(Source::id).collect(Collectors.toSet());
        scheduler.start(enabled.stream().filter(s -> !polledFirst.contains(s.id())).toList());
        firstPolls.start();
        firstPolls.add(first);
        startWatch();
        log.info("{} sources scheduled{}{}", enabled.size() - first.size(), scheduler.clustered() ? " in the cluster" : "",
                first.isEmpty() ? "" : "; " + first.size() + " new or overdue sources polled first, in the order of their "
                        + "items' times");
    }

    private boolean overdue(Source s, Instant now) {
        return !scheduler.clustered() && s.status().nextPoll() != null && s.status().nextPoll().isBefore(now);
    }

    /**
     * Schedules a source added, changed or found by the watch: one never polled waits for the
     * others that come with it, to be polled first together ({@link FirstPolls}).
     */
    private void schedule(Source s) {
        if (pollsFirst(s)) {
            firstPolls.add(List.of(s));
        } else {
            scheduler.schedule(s);
        }
    }

    private boolean pollsFirst(Source s) {
        return !scheduler.clustered() && s.status().lastPolled() == null;
    }

    private void stopPolling() {
        firstPolls.stop();
        watcher.shutdownNow();
        scheduler.shutdown();
    }

    private void startWatch() {
        // A ScheduledThreadPoolExecutor itself (not the JDK's single-thread wrapper), so the
        // executor binder sees its pool and queue.
        watcher = ExecutorServiceMetrics.monitor(meters, new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "source-watch");
            t.setDaemon(true);
            return t;
        }), "source-watch");
        SourceWatch watch = new SourceWatch(sources::all, this::schedule, scheduler::unschedule,
                sources.all().stream().filter(Source::enabled).toList());
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
    }

    /** Subscriptions at our sources' hubs: renewed before their leases end, ended when their source goes. */
    private void startRenewals() {
        renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "websub-renew");
            t.setDaemon(true);
            return t;
        });
        long every = pushes.checkEvery().toMillis();
        renewals.scheduleWithFixedDelay(() -> {
            try {
                pushes.renewDue();
            } catch (RuntimeException e) {
                log.warn("websub: cannot renew subscriptions at hubs; trying again in {} ms: {}", every, e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private void serve() {
        NodeSettings node = settings.node();
        ClusterState cluster = new ClusterState(database);
        EventSearch search = new EventSearch(database);
        Site site = new Site(events, contexts, related, baseUri, settings.contexts().minEvents(),
                settings.contexts().feedEntries(), settings.contexts().archiveMaxEntries(), new Listings(database),
                search, covers, settings.websub().externalHub());
        // Documents are rendered once per published version: this node's commits move it at once,
        // other nodes' are seen within cache.check-every.
        site.refreshVersion();
        database.afterCommit(() -> refreshVersion(site));
        versionCheck = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "site-version");
            t.setDaemon(true);
            return t;
        });
        long every = settings.server().checkEvery().toMillis();
        versionCheck.scheduleWithFixedDelay(() -> refreshVersion(site), every, every, TimeUnit.MILLISECONDS);
        // The first reader's search should not wait for the whole store to be read into H2's word index.
        versionCheck.execute(() -> {
            try {
                search.warm();
            } catch (RuntimeException e) {
                log.warn("cannot read the events into the search index now; the first search will: {}", e.getMessage());
            }
        });
        // Registered after the version's refresh, so it sees the version the commit made.
        websub = new WebSub(site, subscriptions, callbacks, settings.websub(), clock);
        database.afterCommit(websub::changed);
        versionCheck.scheduleWithFixedDelay(websub::changed, every, every, TimeUnit.MILLISECONDS);
        web.start(site,
                new WebServices(sources, events, ingest, contexts, admin, poller.metrics(), settings.admin().token(),
                        new NodeStatus(node.name(), node.roles(), database::isHealthy, scheduler::misfires,
                                scheduler.clustered() ? cluster::checkIns : List::of), meters, websub.hub(), subscriber));
    }

    /** Reads the published version again, so the site serves what was just committed (here or on another node). */
    private static void refreshVersion(Site site) {
        try {
            site.refreshVersion();
        } catch (RuntimeException e) {
            log.warn("cannot read the published version; documents stay as they were: {}", e.getMessage());
        }
    }

    /** Closes the database, compacting an H2 file this process wrote much to (see {@link Database#compactOnClose()}). */
    private void closeDatabase() {
        try {
            database.compactOnClose();
        } catch (RuntimeException e) {
            log.warn("{}; the database is intact, only larger on disk", e.getMessage());
        }
    }

    /** Stops every part started, in reverse order (web server, polls, HTTP client, database), and logs it. */
    @Override
    public void close() {
        boolean wasServing = serving;
        List<String> stopped = parts.stop().stream()
                .filter(name -> !QUIET_PARTS.contains(name)).toList();
        if (wasServing) {
            log.info("stopped: {}", String.join(", ", stopped));
        }
        if (meters != null) {
            meters.close();
        }
    }

    /** This node's name ({@code node.name}). */
    public String nodeName() {
        return settings.node().name();
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The port the web server listens on, once started. */
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

    /** Subscriptions this site holds at its sources' hubs. */
    public UpstreamStore upstreams() {
        return upstreams;
    }

    /** Subscriptions to this site's WebSub hub. */
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    public SourceAdmin admin() {
        return admin;
    }

    private static String version() {
        String v = App.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }
}
