package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.currents.event.Event;
import org.currents.event.MergeNote;
import org.currents.match.Candidate;
import org.currents.match.Decision;
import org.currents.match.EventMerger;
import org.currents.match.Evidence;
import org.currents.match.Matcher;
import org.currents.match.Report;
import org.currents.match.TextAnalyzer;
import org.currents.match.WindowIndex;

/**
 * One feed's drafts filed as events, in two steps. {@link #decide} holds the ingest lock: every
 * draft is decided in order (its keys first, then the matcher over the window's candidates,
 * which include the events this feed just started or joined and those of the ingest still being
 * written), then the stored events joined are read in one statement and merged. {@link #write}
 * writes what changed in batches with one new version, in the writing transaction. Lookups are
 * one statement per feed, not per item.
 */
final class IngestTransaction {
    private static final int CANDIDATES = 40;

    private final Matcher matcher;
    private final EventMerger merger;
    private final TextAnalyzer analyzer;
    private final WindowIndex index;
    private final RecentEvents recent;
    private final InFlight previous;
    private final Instant now;

    private final Map<String, Event> loaded = new HashMap<>();
    private final Map<String, Event> created = new LinkedHashMap<>();
    private final Map<String, Event> changed = new LinkedHashMap<>();
    private final Map<String, Event> before = new HashMap<>();
    private final Map<Long, String> keys = new HashMap<>();
    private final Map<Long, String> newKeys = new LinkedHashMap<>();
    private final Set<LocalDate> touchedDays = new LinkedHashSet<>();
    private final Map<String, String> slugs = new HashMap<>();
    /** Per source of the drafts: events created, events changed, drafts that changed nothing. */
    private final Map<Long, int[]> bySource = new LinkedHashMap<>();
    /** The source whose draft started each event created here. */
    private final Map<String, Long> startedBy = new HashMap<>();

    /** @param previous the ingest decided before this one, perhaps not committed yet: its events, keys and candidates count */
    IngestTransaction(Matcher matcher, EventMerger merger, TextAnalyzer analyzer, WindowIndex index,
                      RecentEvents recent, InFlight previous, Instant now) {
        this.matcher = matcher;
        this.merger = merger;
        this.analyzer = analyzer;
        this.index = index;
        this.recent = recent;
        this.previous = previous;
        this.now = now;
    }

    /** Whether {@link #write} has anything to write: events made or changed, or keys. */
    boolean changesAnything() {
        return !created.isEmpty() || !changed.isEmpty() || !newKeys.isEmpty();
    }

    /** What this ingest decided, for the ingest decided after it while this one is being written. */
    InFlight inFlight() {
        Map<String, Event> events = new HashMap<>(created);
        events.putAll(changed);
        List<Candidate> candidates = new ArrayList<>();
        for (String id : events.keySet()) {
            Candidate c = index.get(id);
            if (c != null) {
                candidates.add(c);
            }
        }
        return new InFlight(events, Map.copyOf(newKeys), candidates);
    }

    /** Days of the index this transaction changed: forgotten if it rolls back. */
    Set<LocalDate> touchedDays() {
        return touchedDays;
    }

    /** Decides every draft, reading on {@code reads}; the window index learns the outcome, the database nothing yet. */
    IngestResult decide(Connection reads, List<FilingDraft> drafts) throws SQLException {
        loadWindow(reads, drafts);
        lookUpKeys(reads, drafts);
        List<Plan> plans = new ArrayList<>(drafts.size());
        for (FilingDraft d : drafts) {
            plans.add(decide(d));
            slugs.put(d.draft().headline(), d.slugBase());
        }
        loadJoined(reads, plans);
        int unchanged = 0;
        int updated = 0;
        for (Plan p : plans) {
            Outcome o = apply(p);
            if (o == Outcome.UNCHANGED) {
                unchanged++;
            } else if (o == Outcome.UPDATED) {
                updated++;
            }
            tally(p, o);
        }
        return new IngestResult(created.size(), updated, unchanged);
    }

    /**
     * Counts a draft's outcome for its source. A draft joining an event another source started in
     * this ingest changed that event; one joining an event its own feed started changed nothing
     * stored, as the ingest's total counts it.
     */
    private void tally(Plan p, Outcome o) {
        long source = p.draft().draft().source().sourceId();
        int[] counts = bySource.computeIfAbsent(source, k -> new int[3]);
        if (o == Outcome.CREATED && !p.started() && created.containsKey(p.target())) {
            if (startedBy.get(p.target()) != source) {
                counts[1]++;
            }
        } else {
            counts[o == Outcome.CREATED ? 0 : o == Outcome.UPDATED ? 1 : 2]++;
        }
    }

    /** What the drafts of each source did, as {@link #decide} counted them. */
    Map<Long, IngestResult> resultsBySource() {
        Map<Long, IngestResult> out = new LinkedHashMap<>();
        bySource.forEach((source, c) -> out.put(source, new IngestResult(c[0], c[1], c[2])));
        return out;
    }

    /** Writes what {@link #decide} decided, in batches, as {@code version}; nothing when it changed nothing. */
    void write(Connection writes, long version) throws SQLException {
        if (changesAnything()) {
            new EventRowWriter(writes, version, now, slugs).write(created.values(), changed.values(), before,
                    newKeys);
        }
    }

    /** The events made and changed, as decided (new ones without their slug, which the writer picks). */
    List<Event> decided() {
        List<Event> out = new ArrayList<>(created.values());
        out.addAll(changed.values());
        return out;
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** Where a draft goes: the event it joins (by key or by evidence, with why), or the event it started. */
    private record Plan(FilingDraft draft, String target, MergeNote note, boolean sameArticle, boolean started,
                        boolean widened) {
    }

    /**
     * Decides a draft against what this transaction knows so far, so later drafts of the feed see
     * the events earlier ones started or joined; the stored events joined are read afterwards,
     * all in one statement.
     */
    private Plan decide(FilingDraft d) {
        long[] hashes = d.keyHashes();
        String eventId = keys.get(hashes[0]);
        boolean sameArticle = false;
        for (int i = 1; eventId == null && i < hashes.length; i++) {
            eventId = keys.get(hashes[i]);
            sameArticle = eventId != null;
        }
        MergeNote note = null;
        boolean widened = false;
        if (eventId == null) {
            Report report = d.report();
            if (matcher.decide(report, index.shortlist(report, matcher.reach(), CANDIDATES), index) instanceof Decision.Join j) {
                eventId = j.eventId();
                note = new MergeNote(j.evidence().score(), j.evidence().explain());
                Candidate joined = index.get(eventId);
                if (joined != null) {
                    Candidate wider = joined.joinedBy(report);
                    widened = wider.widens(joined);
                    index.put(wider);
                    touchedDays.add(LocalDate.ofInstant(joined.published(), ZoneOffset.UTC));
                }
            }
        }
        if (eventId == null) {
            return new Plan(d, start(d).id(), null, false, true, false);
        }
        rememberKeys(d, eventId);
        return new Plan(d, eventId, note, sameArticle, false, widened);
    }

    /** A new event for the draft, known to later drafts of the feed through its keys and the index. */
    private Event start(FilingDraft d) {
        Event e = merger.create(d.draft(), d.fresh().eventId(), "", now);
        created.put(e.id(), e);
        startedBy.put(e.id(), d.draft().source().sourceId());
        rememberKeys(d, e.id());
        index.put(d.fresh());
        touchedDays.add(e.date());
        return e;
    }

    private Outcome apply(Plan p) {
        if (p.started()) {
            return Outcome.CREATED;
        }
        FilingDraft d = p.draft();
        Event existing = created.containsKey(p.target()) ? created.get(p.target())
                : changed.containsKey(p.target()) ? changed.get(p.target()) : loaded.get(p.target());
        if (existing == null) {
            // Deleted since it was indexed: the draft starts an event, and its keys go with it.
            index.remove(p.target());
            for (long h : d.keyHashes()) {
                keys.remove(h, p.target());
                newKeys.remove(h, p.target());
            }
            start(d);
            return Outcome.CREATED;
        }
        MergeNote note = p.sameArticle() ? new MergeNote(1, Evidence.sameArticle(Duration.between(existing.published(),
                d.draft().published()).abs().toMinutes()).explain()) : p.note();
        Event merged = merger.merge(existing, d.draft(), note, p.widened(), now);
        if (merged == existing) {
            return Outcome.UNCHANGED;
        }
        if (created.containsKey(merged.id())) {
            // Still one new event, now with more reports: not an update of a stored one.
            created.put(merged.id(), merged);
            return Outcome.CREATED;
        }
        before.putIfAbsent(merged.id(), existing);
        changed.put(merged.id(), merged);
        return Outcome.UPDATED;
    }

    /** Reads, in one statement per thousand, the stored events the drafts join that are not read yet. */
    private void loadJoined(Connection c, List<Plan> plans) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        for (Plan p : plans) {
            if (!p.started() && !created.containsKey(p.target()) && !loaded.containsKey(p.target())) {
                wanted.add(p.target());
            }
        }
        load(c, wanted);
    }

    /**
     * Puts the events in {@code loaded}: from the ingest being written, else those this node wrote
     * last, else read in one statement per thousand.
     */
    private void load(Connection c, Set<String> ids) throws SQLException {
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            Event e = previous.events().getOrDefault(id, recent.get(id));
            if (e != null) {
                loaded.put(id, e);
            } else {
                unknown.add(id);
            }
        }
        EventRows.load(c, unknown).forEach(e -> loaded.put(e.id(), e));
    }

    /** Notes the draft's keys as the event's, for later drafts and for writing. */
    private void rememberKeys(FilingDraft d, String eventId) {
        for (long h : d.keyHashes()) {
            // A key another event holds stays with it; a key first seen here goes to this event.
            if (!keys.containsKey(h)) {
                keys.put(h, eventId);
                newKeys.put(h, eventId);
            }
        }
    }

    /** Puts in memory the stored events of the days the drafts may match within that it lacks. */
    private void loadWindow(Connection c, List<FilingDraft> drafts) throws SQLException {
        Set<LocalDate> missing = new LinkedHashSet<>();
        for (FilingDraft d : drafts) {
            missing.addAll(index.missingDays(d.draft().published()));
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<LocalDate, List<Event>> byDay = new HashMap<>();
        missing.forEach(day -> byDay.put(day, new ArrayList<>()));
        for (Event e : EventRows.loadOnDays(c, missing)) {
            byDay.get(e.date()).add(e);
        }
        byDay.forEach((day, events) -> index.load(day, events.stream().map(analyzer::candidate).toList()));
        // The ingest being written is not in the rows read: its events of these days go back in.
        for (Candidate pending : previous.candidates()) {
            if (byDay.containsKey(LocalDate.ofInstant(pending.published(), ZoneOffset.UTC))) {
                index.put(pending);
            }
        }
    }

    /** Which stored events hold the drafts' keys, in one statement per thousand keys. */
    private void lookUpKeys(Connection c, List<FilingDraft> drafts) throws SQLException {
        Set<Long> wanted = new LinkedHashSet<>();
        for (FilingDraft d : drafts) {
            for (long h : d.keyHashes()) {
                wanted.add(h);
            }
        }
        List<String> hit = new ArrayList<>();
        for (Long h : wanted) {
            String id = previous.keys().get(h);
            if (id != null) {
                keys.put(h, id);
                hit.add(id);
            }
        }
        for (List<Long> chunk : EventRows.chunks(List.copyOf(wanted))) {
            Sql.query(c, "SELECT key_hash, event_id FROM event_key WHERE key_hash IN (" + Sql.marks(chunk.size()) + ")",
                    rs -> {
                        keys.put(rs.getLong(1), rs.getString(2));
                        hit.add(rs.getString(2));
                        return null;
                    }, chunk.toArray());
        }
        load(c, new LinkedHashSet<>(hit));
    }
}
