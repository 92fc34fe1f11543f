package org.currents.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
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
    private final SourceIntake intake;
    private final Poller poller;
    private final Consumer<Source> scheduled;
    private final LongConsumer unscheduled;
    private final Clock clock;

    public SourceAdmin(SourceStore sources, EventStore events, SourceIntake intake, Poller poller,
                       Consumer<Source> scheduled, LongConsumer unscheduled, Clock clock) {
        this.sources = sources;
        this.events = events;
        this.intake = intake;
        this.poller = poller;
        this.scheduled = scheduled;
        this.unscheduled = unscheduled;
        this.clock = clock;
    }

    /**
     * Adds a source after the checks every door shares (URL rules, address guard, this instance's
     * own feeds) and refuses a duplicate by name; with {@code validate}, its URL is also fetched
     * and parsed once, and a failure refuses it.
     */
    public Source add(SourceSpec spec, boolean validate) {
        String problem = intake.refusal(spec.feedUrl());
        if (problem != null) {
            throw new InvalidInput("feed_url", problem);
        }
        Optional<Source> same = sameFeed(spec.feedUrl());
        if (same.isPresent()) {
            throw new InvalidInput("feed_url", spec.feedUrl() + " is already source " + same.get().id()
                    + (same.get().feedUrl().equals(spec.feedUrl()) ? "" : " (" + same.get().feedUrl() + ")"));
        }
        if (validate) {
            String unreadable = intake.fetchProblem(spec.feedUrl());
            if (unreadable != null) {
                throw new InvalidInput("feed_url", unreadable);
            }
        }
        Source added = sources.upsert(spec);
        scheduled.accept(added);
        return added;
    }

    /** The stored source that names the same feed (see {@link SourceUrls#key}), if any. */
    private Optional<Source> sameFeed(String feedUrl) {
        String key = SourceUrls.key(feedUrl);
        return sources.all().stream().filter(s -> SourceUrls.key(s.feedUrl()).equals(key)).findFirst();
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

    /**
     * Imports an OPML list. A document that cannot be read is refused whole and changes nothing;
     * of a readable one, every entry the checks every door shares refuse is reported with its
     * reason, and the others are added, or merged into the source that names the same feed, in
     * one transaction.
     */
    public ImportReport importOpml(byte[] opml) {
        OpmlImport read = new OpmlReader().read(opml);
        List<OpmlImport.Skipped> skipped = new ArrayList<>(read.skipped());
        List<SourceSpec> accepted = accepted(read, skipped);
        SourceStore.ImportResult result = sources.importAll(accepted);
        sources.all().stream().filter(Source::enabled).filter(s -> s.status().lastPolled() == null).forEach(scheduled);
        return new ImportReport(result.added(), result.merged(), skipped);
    }

    /**
     * Brings the sources listed in {@code config/sources.opml} into the store, with the same
     * checks: a new entry is added, a stored one takes the file's title, site and contexts.
     */
    public ImportReport importConfigured(byte[] opml) {
        OpmlImport read = new OpmlReader().read(opml);
        List<OpmlImport.Skipped> skipped = new ArrayList<>(read.skipped());
        int added = 0;
        int updated = 0;
        for (SourceSpec spec : accepted(read, skipped)) {
            Optional<Source> same = sameFeed(spec.feedUrl());
            if (same.isPresent()) {
                sources.upsert(new SourceSpec(same.get().feedUrl(), spec.title(), spec.siteUrl(), spec.contexts(),
                        spec.interval()));
                updated++;
            } else {
                sources.upsert(spec);
                added++;
            }
        }
        return new ImportReport(added, updated, skipped);
    }

    private List<SourceSpec> accepted(OpmlImport read, List<OpmlImport.Skipped> skipped) {
        List<SourceSpec> accepted = new ArrayList<>();
        for (SourceSpec spec : read.sources()) {
            String problem = intake.refusal(spec.feedUrl());
            if (problem == null) {
                accepted.add(spec);
            } else {
                skipped.add(new OpmlImport.Skipped(spec.title().isEmpty() ? spec.feedUrl() : spec.title(), problem));
            }
        }
        return accepted;
    }

    public byte[] exportOpml() {
        return new OpmlWriter().write(sources.all(), clock.instant());
    }

    /** What an import did: sources added, stored ones merged into or updated, and entries skipped with why. */
    public record ImportReport(int added, int merged, List<OpmlImport.Skipped> skipped) {
        public ImportReport {
            skipped = List.copyOf(skipped);
        }
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
