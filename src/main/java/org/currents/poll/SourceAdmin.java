package org.currents.poll;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.currents.fetch.FeedFetcher;
import org.currents.fetch.FetchRequest;
import org.currents.fetch.FetchResult;
import org.currents.parse.FeedParseException;
import org.currents.parse.FeedParser;
import org.currents.source.OpmlImport;
import org.currents.source.OpmlReader;
import org.currents.source.OpmlWriter;
import org.currents.source.Source;
import org.currents.source.SourceSpec;
import org.currents.source.SourceUrls;
import org.currents.store.EventStore;
import org.currents.store.SourceStore;

/**
 * What an operator does to sources, for the admin API and the command line alike: add (after
 * one validating fetch), change, remove, refresh now, import and export OPML. Changes reach the
 * scheduler through the hooks App gives.
 */
public final class SourceAdmin {
    private final SourceStore sources;
    private final EventStore events;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final Poller poller;
    private final Consumer<Source> scheduled;
    private final LongConsumer unscheduled;
    private final Clock clock;

    public SourceAdmin(SourceStore sources, EventStore events, FeedFetcher fetcher, FeedParser parser, Poller poller,
                       Consumer<Source> scheduled, LongConsumer unscheduled, Clock clock) {
        this.sources = sources;
        this.events = events;
        this.fetcher = fetcher;
        this.parser = parser;
        this.poller = poller;
        this.scheduled = scheduled;
        this.unscheduled = unscheduled;
        this.clock = clock;
    }

    /** Adds a source; with {@code validate}, its URL is fetched and parsed once first, and a failure refuses it. */
    public Source add(SourceSpec spec, boolean validate) {
        String problem = SourceUrls.check(spec.feedUrl());
        if (problem != null) {
            throw new InvalidInput("feed_url", problem);
        }
        if (sources.findByUrl(spec.feedUrl()).isPresent()) {
            throw new InvalidInput("feed_url", "a source with this URL exists");
        }
        if (validate) {
            FetchResult result = fetcher.fetch(new FetchRequest(URI.create(spec.feedUrl()), null, null));
            if (result instanceof FetchResult.Failed f) {
                throw new InvalidInput("feed_url", "cannot fetch the feed: " + f.message());
            }
            if (result instanceof FetchResult.Fetched f) {
                try {
                    parser.parse(f.body(), f.contentType(), spec.feedUrl());
                } catch (FeedParseException e) {
                    throw new InvalidInput("feed_url", "not a feed: " + e.getMessage());
                }
            }
        }
        Source added = sources.upsert(spec);
        scheduled.accept(added);
        return added;
    }

    public Optional<Source> update(long id, String title, List<String> contexts, Duration interval, boolean clearInterval,
                                   Boolean enabled) {
        Optional<Source> changed = sources.update(id, title, contexts, interval, clearInterval, enabled);
        changed.ifPresent(s -> {
            if (s.enabled()) {
                scheduled.accept(s);
            } else {
                unscheduled.accept(s.id());
            }
        });
        return changed;
    }

    /** Removes a source; its events stay unless {@code withEvents}, which removes the events only it reported. */
    public boolean remove(long id, boolean withEvents) {
        unscheduled.accept(id);
        if (withEvents) {
            events.deleteReportedOnlyBy(id);
        }
        return sources.delete(id);
    }

    public Optional<PollOutcome> refresh(long id) {
        if (sources.find(id).isEmpty()) {
            return Optional.empty();
        }
        PollOutcome outcome = poller.poll(id);
        sources.find(id).filter(Source::enabled).ifPresent(scheduled);
        return Optional.of(outcome);
    }

    /** Imports an OPML list, all or nothing; a document that cannot be read is refused whole. */
    public ImportReport importOpml(byte[] opml) {
        OpmlImport read = new OpmlReader().read(opml);
        SourceStore.ImportResult result = sources.importAll(read.sources());
        sources.all().stream().filter(Source::enabled).filter(s -> s.status().lastPolled() == null).forEach(scheduled);
        return new ImportReport(result.added(), result.merged(), read.skipped());
    }

    public byte[] exportOpml() {
        return new OpmlWriter().write(sources.all(), clock.instant());
    }

    /** What an import did. */
    public record ImportReport(int added, int merged, List<OpmlImport.Skipped> skipped) {
    }

    /** A value an operator gave that cannot be used, with the field it was given for. */
    public static final class InvalidInput extends IllegalArgumentException {
        private final String field;

        public InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
