package org.currents.poll;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.currents.fetch.FeedFetcher;
import org.currents.fetch.FetchRequest;
import org.currents.fetch.FetchResult;
import org.currents.fetch.FetchResult.Failed;
import org.currents.fetch.FetchResult.FailureKind;
import org.currents.fetch.FetchResult.Fetched;
import org.currents.fetch.FetchResult.NotModified;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedHints;
import org.currents.parse.FeedParseException;
import org.currents.parse.FeedParser;
import org.currents.parse.ParsedFeed;
import org.currents.parse.PushLinks;
import org.currents.source.Source;
import org.currents.source.SourceStatus;
import org.currents.store.EventIngest;
import org.currents.store.IngestResult;
import org.currents.store.PollRecord;
import org.currents.store.SourceStore;
import org.currents.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source: load it, make a conditional request, parse, normalize, store, and record how
 * it went on the source with its next poll time. A failure of any step is recorded on the source
 * (and logged here, once); stored events are never touched by a failed poll.
 */
public final class Poller {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    /** Sources {@link #pollAll} fetches and parses before filing their items: bounds the parsed items held at once. */
    private static final int GROUP = 16;

    private final SourceStore sources;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final Normalizer normalizer;
    private final EventIngest events;
    private final PollPlanner planner;
    private final Clock clock;
    private final PollMetrics metrics = new PollMetrics();
    private final PushWatch push;

    public Poller(SourceStore sources, FeedFetcher fetcher, FeedParser parser, Normalizer normalizer,
                  EventIngest events, PollPlanner planner, Clock clock) {
        this(sources, fetcher, parser, normalizer, events, planner, PushWatch.NONE, clock);
    }

    /** @param push told of the hubs each fetched feed names, and asked whether a source is pushed to us */
    public Poller(SourceStore sources, FeedFetcher fetcher, FeedParser parser, Normalizer normalizer,
                  EventIngest events, PollPlanner planner, PushWatch push, Clock clock) {
        this.push = push;
        this.sources = sources;
        this.fetcher = fetcher;
        this.parser = parser;
        this.normalizer = normalizer;
        this.events = events;
        this.planner = planner;
        this.clock = clock;
    }

    /** Polls the source with this id, if it still exists and is enabled. */
    public PollOutcome poll(long sourceId) {
        Optional<Source> source = sources.find(sourceId);
        if (source.isEmpty() || !source.get().enabled()) {
            return new PollOutcome(sourceId, "skipped", 0, 0, 0, null, null);
        }
        return poll(source.get());
    }

    /** Polls every enabled source once, one after another. */
    public List<PollOutcome> pollAll() {
        return pollAll(1);
    }

    /**
     * Polls every enabled source once on {@code threads} threads (for {@code poll --once}); the
     * fetcher's per-host limit keeps one host from being hit by all of them. The outcomes come
     * in the order of the sources.
     */
    public List<PollOutcome> pollAll(int threads) {
        return pollAll(threads, () -> false);
    }

    /**
     * As {@link #pollAll(int)}, until {@code stopping} says to stop: the polls under way finish
     * (each ingest is one transaction either way), the sources not yet begun are left for the
     * next poll and have no outcome. Sources are fetched and parsed {@value #GROUP} at a time,
     * and each group's items are filed in the order of their times, whichever feed each came
     * from ({@link TimeOrderedFiling}): the events made do not depend on which feed answered first.
     */
    public List<PollOutcome> pollAll(int threads, BooleanSupplier stopping) {
        return pollAll(sources.all().stream().filter(Source::enabled).toList(), threads, stopping);
    }

    /** As {@link #pollAll(int, BooleanSupplier)}, for these sources. */
    public List<PollOutcome> pollAll(List<Source> enabled, int threads, BooleanSupplier stopping) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "poll-once");
            t.setDaemon(true);
            return t;
        });
        try {
            List<PollOutcome> out = new ArrayList<>();
            List<Future<Prepared>> next = prepareGroup(enabled, 0, pool, stopping);
            for (int from = 0; from < enabled.size(); from += GROUP) {
                long start = System.nanoTime();
                List<Prepared> prepared = new ArrayList<>();
                for (Future<Prepared> f : next) {
                    prepared.add(f.get());
                }
                List<Prepared.Feed> feeds = new ArrayList<>();
                for (Prepared p : prepared) {
                    if (p instanceof Prepared.Feed feed) {
                        feeds.add(feed);
                    }
                }
                TimeOrderedFiling.Pending filing = new TimeOrderedFiling(events, pool)
                        .start(feeds.stream().map(Prepared.Feed::items).toList());
                // Queued behind the group's ingests: a thread they leave free fetches the next group.
                next = prepareGroup(enabled, from + GROUP, pool, stopping);
                out.addAll(recorded(prepared, feeds, filing.await(), start));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a poll failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts fetching and parsing the group of sources from {@code from}; a source begun once stopping has no outcome. */
    private List<Future<Prepared>> prepareGroup(List<Source> all, int from, ExecutorService pool, BooleanSupplier stopping) {
        List<Future<Prepared>> running = new ArrayList<>();
        for (Source s : all.subList(Math.min(from, all.size()), Math.min(all.size(), from + GROUP))) {
            running.add(pool.submit(() -> stopping.getAsBoolean() ? null : prepare(s)));
        }
        return running;
    }

    /** Records the polls of a group whose items were filed; the outcomes in the group's order. */
    private List<PollOutcome> recorded(List<Prepared> prepared, List<Prepared.Feed> feeds, TimeOrderedFiling.Filed filed,
                                       long start) {
        Map<Long, SourceStatus> statuses = new LinkedHashMap<>();
        Map<Long, PollOutcome> outcomes = new HashMap<>();
        for (Prepared.Feed feed : feeds) {
            Source source = feed.source();
            RuntimeException failure = filed.failures().get(source.id());
            if (failure != null) {
                // TimeOrderedFiling logged the failure, once for all the sources of the ingest.
                outcomes.put(source.id(), failed(source, 0, notStored(failure), null, feed.now()));
                continue;
            }
            IngestResult stored = filed.results().getOrDefault(source.id(), new IngestResult(0, 0, 0));
            SourceStatus status = feed.status().apply(stored);
            statuses.put(source.id(), status);
            watchHubs(source, feed.push());
            outcomes.put(source.id(), reported(source, status, stored));
        }
        // Written after the items: a crash between the two polls the feeds again, and their items are known by their keys.
        sources.saveStatuses(statuses);
        List<PollOutcome> out = new ArrayList<>();
        for (Prepared p : prepared) {
            PollOutcome o = p instanceof Prepared.Done done ? done.outcome()
                    : p instanceof Prepared.Feed feed ? outcomes.get(feed.source().id()) : null;
            if (o != null) {
                metrics.record(o, System.nanoTime() - start);
                out.add(o);
            }
        }
        return out;
    }

    public PollOutcome poll(Source source) {
        long start = System.nanoTime();
        PollOutcome outcome = pollTimed(source);
        metrics.record(outcome, System.nanoTime() - start);
        return outcome;
    }

    public PollMetrics metrics() {
        return metrics;
    }

    private PollOutcome pollTimed(Source source) {
        Prepared p = prepare(source);
        if (p instanceof Prepared.Done done) {
            return done.outcome();
        }
        Prepared.Feed feed = (Prepared.Feed) p;
        try {
            IngestResult stored = events.ingest(feed.items().drafts(), new PollRecord(feed.source().id(), feed.status()));
            watchHubs(feed.source(), feed.push());
            return reported(feed.source(), feed.status().apply(stored), stored);
        } catch (RuntimeException e) {
            // A bug or a database failure while storing: the transaction rolled back; record and go on.
            log.error("storing the items of source {} ({}) failed", source.id(), source.feedUrl(), e);
            return failed(feed.source(), 0, notStored(e), null, feed.now());
        }
    }

    /** The operator's sentence for a failure to store a poll's items: a database's own message says what went wrong. */
    private static String notStored(RuntimeException e) {
        return "its items could not be stored, and will be fetched again: "
                + (e instanceof StoreException ? e.getMessage() : "internal error " + e);
    }

    /**
     * A poll up to its items: fetched, parsed and normalized, with the status it records as a
     * function of what filing them does; or its outcome, when it ends before (a failure, 304).
     */
    private Prepared prepare(Source source) {
        Instant now = clock.instant();
        URI url;
        try {
            url = new URI(source.feedUrl());
        } catch (URISyntaxException e) {
            return new Prepared.Done(failed(source, 0, "not a URL: " + source.feedUrl() + " (" + e.getReason() + ")",
                    null, now));
        }
        SourceStatus status = source.status();
        FetchResult result = fetcher.fetch(new FetchRequest(url, status.etag(), status.lastModified()));
        Source current = movedIfPermanent(source, result);
        try {
            if (result instanceof Fetched f) {
                return parsed(current, f, now);
            }
            if (result instanceof Failed f) {
                return new Prepared.Done(f.kind() == FailureKind.GONE
                        ? disabled(current, f.httpStatus(), f.message(), now)
                        : failed(current, f.httpStatus(), f.message(), f.retryAfter(), now));
            }
            IngestResult none = new IngestResult(0, 0, 0);
            SourceStatus unchanged = succeeded(current, 304, status.etag(), status.lastModified(), FeedHints.NONE, none,
                    "not_modified", now, pushing(current));
            sources.saveStatus(current.id(), unchanged);
            return new Prepared.Done(reported(current, unchanged, none));
        } catch (RuntimeException e) {
            log.error("poll of source {} ({}) failed", source.id(), source.feedUrl(), e);
            return new Prepared.Done(failed(current, 0, "internal error: " + e, null, now));
        }
    }

    private Prepared parsed(Source source, Fetched fetched, Instant now) {
        ParsedFeed feed;
        try {
            feed = parser.parse(fetched.body(), fetched.contentType(), source.feedUrl());
        } catch (FeedParseException e) {
            return new Prepared.Done(failed(source, fetched.status(), e.getMessage(), null, now));
        }
        Normalizer.FeedItems items = normalizer.items(source, feed, now);
        boolean pushing = pushing(source);
        // Only what the status needs is kept, not the feed or its body: a group's feeds wait to be filed.
        FeedHints hints = feed.hints();
        int http = fetched.status();
        String etag = fetched.etag();
        String lastModified = fetched.lastModified();
        Function<IngestResult, SourceStatus> status = stored -> succeeded(source, http, etag, lastModified, hints, stored,
                "ok", now, pushing);
        return new Prepared.Feed(source, feed.push(), items, status, now);
    }

    /**
     * Takes in a feed a hub pushed (WebSub), as a poll takes one it fetched, and records it on the
     * source; the poll schedule stays as it was (the next poll is the fallback's).
     */
    public PollOutcome ingestPushed(long sourceId, byte[] body, String contentType) {
        Optional<Source> found = sources.find(sourceId);
        if (found.isEmpty() || !found.get().enabled()) {
            return new PollOutcome(sourceId, "skipped", 0, 0, 0, null, null);
        }
        Source source = found.get();
        SourceStatus old = source.status();
        Instant now = clock.instant();
        ParsedFeed feed;
        try {
            feed = parser.parse(body, contentType, source.feedUrl());
        } catch (FeedParseException e) {
            String message = "pushed content: " + e.getMessage();
            sources.saveStatus(source.id(), new SourceStatus(old.etag(), old.lastModified(), now, old.nextPoll(), "error", 200,
                    0, 0, old.consecutiveErrors() + 1, old.failingSince() != null ? old.failingSince() : now, message));
            log.warn("source {} ({}): {}", source.id(), source.feedUrl(), message);
            return new PollOutcome(source.id(), "error", 200, 0, 0, message, old.nextPoll());
        }
        IngestResult stored = events.ingest(normalizer.normalize(source, feed, now));
        sources.saveStatus(source.id(), new SourceStatus(old.etag(), old.lastModified(), now, old.nextPoll(), "pushed", 200,
                stored.created(), stored.updated(), 0, null, null));
        log.info("source {} ({}): pushed by its hub, {} new, {} updated", source.id(), source.displayName(),
                stored.created(), stored.updated());
        // Not watched for hub links: a hub may push only the new entries, without the feed's links.
        return new PollOutcome(source.id(), "pushed", 200, stored.created(), stored.updated(), null, old.nextPoll());
    }

    /** A failure to reach a hub is the subscriber's to log and retry; the poll went well and stays so. */
    private void watchHubs(Source source, PushLinks links) {
        try {
            push.seen(source, links);
        } catch (RuntimeException e) {
            log.warn("source {} ({}): cannot update its WebSub subscription: {}", source.id(), source.feedUrl(), e.toString());
        }
    }

    private Source movedIfPermanent(Source source, FetchResult result) {
        URI movedTo = result instanceof Fetched f ? f.movedTo()
                : result instanceof NotModified n ? n.movedTo() : null;
        if (movedTo == null || movedTo.toString().equals(source.feedUrl())) {
            return source;
        }
        log.info("source {} moved permanently: {} -> {}", source.id(), source.feedUrl(), movedTo);
        sources.updateUrl(source.id(), movedTo.toString());
        return sources.find(source.id()).orElse(source);
    }

    /** The status of a poll that went well; the next poll as the planner puts it. */
    private SourceStatus succeeded(Source source, int http, String etag, String lastModified, FeedHints hints,
                                   IngestResult stored, String state, Instant now, boolean pushing) {
        Instant next = planner.nextAfterSuccess(source, hints, stored.created(), now, pushing);
        return new SourceStatus(etag, lastModified, now, next, state, http, stored.created(), stored.updated(), 0, null,
                null);
    }

    private PollOutcome reported(Source source, SourceStatus status, IngestResult stored) {
        if (stored.created() + stored.updated() > 0) {
            log.info("source {} ({}): {} new, {} updated", source.id(), source.displayName(), stored.created(), stored.updated());
        }
        return new PollOutcome(source.id(), status.lastStatus(), status.lastHttpStatus(), stored.created(),
                stored.updated(), null, status.nextPoll());
    }

    private boolean pushing(Source source) {
        try {
            return push.pushing(source.id());
        } catch (RuntimeException e) {
            log.warn("source {}: cannot tell whether its hub pushes to us; polling as usual: {}", source.id(), e.toString());
            return false;
        }
    }

    private PollOutcome failed(Source source, int http, String message, Instant retryAfter, Instant now) {
        SourceStatus old = source.status();
        int errors = old.consecutiveErrors() + 1;
        Instant since = old.failingSince() != null ? old.failingSince() : now;
        Instant next = planner.nextAfterFailure(source, errors, retryAfter, now);
        SourceStatus status = new SourceStatus(old.etag(), old.lastModified(), now, next, "error", http, 0, 0,
                errors, since, message);
        Source failing = source.withStatus(status);
        if (planner.shouldDisable(failing, now)) {
            return disabled(failing, http, message + " (failing since " + since + ")", now);
        }
        sources.saveStatus(source.id(), status);
        log.warn("source {} ({}) failed ({} in a row): {}", source.id(), source.feedUrl(), errors, message);
        return new PollOutcome(source.id(), "error", http, 0, 0, message, next);
    }

    private PollOutcome disabled(Source source, int http, String message, Instant now) {
        SourceStatus old = source.status();
        String reason = "disabled: " + message;
        sources.saveStatus(source.id(), new SourceStatus(old.etag(), old.lastModified(), now, null, "disabled", http,
                0, 0, old.consecutiveErrors() + 1, old.failingSince() != null ? old.failingSince() : now, reason));
        sources.setEnabled(source.id(), false);
        log.warn("source {} ({}) {}", source.id(), source.feedUrl(), reason);
        return new PollOutcome(source.id(), "disabled", http, 0, 0, reason, null);
    }
}
