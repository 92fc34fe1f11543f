package org.currents.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.currents.event.Event;
import org.currents.event.Keys;
import org.currents.event.EventDraft;
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
 * One feed's drafts filed as events inside one database transaction, holding the ingest lock:
 * every draft is decided in order (its keys first, then the matcher over the window's
 * candidates, which include the events this feed just started), and what changed is written
 * in batches at the end with one new version. Lookups are one statement per feed, not per item.
 */
final class IngestTransaction {
    private static final int CANDIDATES = 40;

    private final Connection c;
    private final Matcher matcher;
    private final EventMerger merger;
    private final TextAnalyzer analyzer;
    private final WindowIndex index;
    private final Instant now;

    private final Map<String, Event> loaded = new HashMap<>();
    private final Map<String, Event> created = new LinkedHashMap<>();
    private final Map<String, Event> changed = new LinkedHashMap<>();
    private final Map<String, Event> before = new HashMap<>();
    private final Map<Long, String> keys = new HashMap<>();
    private final Map<Long, String> newKeys = new LinkedHashMap<>();
    private final Set<LocalDate> touchedDays = new LinkedHashSet<>();

    IngestTransaction(Connection c, Matcher matcher, EventMerger merger, TextAnalyzer analyzer, WindowIndex index,
                      Instant now) {
        this.c = c;
        this.matcher = matcher;
        this.merger = merger;
        this.analyzer = analyzer;
        this.index = index;
        this.now = now;
    }

    boolean wroteKeys() {
        return !newKeys.isEmpty();
    }

    /** Days of the index this transaction changed: forgotten if it rolls back. */
    Set<LocalDate> touchedDays() {
        return touchedDays;
    }

    IngestResult run(List<EventDraft> drafts, long version) throws SQLException {
        loadWindow(drafts);
        lookUpKeys(drafts);
        int unchanged = 0;
        int updated = 0;
        for (EventDraft d : drafts) {
            Outcome o = file(d);
            if (o == Outcome.UNCHANGED) {
                unchanged++;
            } else if (o == Outcome.UPDATED) {
                updated++;
            }
        }
        if (created.isEmpty() && changed.isEmpty() && newKeys.isEmpty()) {
            return new IngestResult(0, 0, unchanged);
        }
        new EventRowWriter(c, version, now).write(created.values(), changed.values(), before, newKeys);
        return new IngestResult(created.size(), updated, unchanged);
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED }

    private Outcome file(EventDraft d) throws SQLException {
        String eventId = keys.get(Keys.hash(d.itemKey()));
        MergeNote note = null;
        if (eventId == null) {
            for (String k : d.matchKeys()) {
                eventId = keys.get(Keys.hash(k));
                if (eventId != null) {
                    note = new MergeNote(1, Evidence.sameArticle(minutesApart(d, eventId)).explain());
                    break;
                }
            }
        }
        if (eventId == null) {
            Report report = new Report(d.published(), d.source().sourceId(), d.features());
            if (matcher.decide(report, index.candidates(report, CANDIDATES), index) instanceof Decision.Join j) {
                eventId = j.eventId();
                note = new MergeNote(j.evidence().score(), j.evidence().explain());
            }
        }
        Event existing = eventId == null ? null : event(eventId);
        if (existing == null) {
            if (eventId != null) {
                index.remove(eventId); // stale: deleted since it was indexed
            }
            Event e = merger.create(d, idFor(d.itemKey()), "", now);
            created.put(e.id(), e);
            // A new event's features are its one report's: no need to read its text again.
            remember(d, e, new Candidate(e.id(), e.published(), new long[] {d.source().sourceId()},
                    d.features().unlabelled()));
            return Outcome.CREATED;
        }
        Event merged = merger.merge(existing, d, note, now);
        if (merged == existing) {
            remember(d, existing, null);
            return Outcome.UNCHANGED;
        }
        remember(d, merged, analyzer.candidate(merged));
        if (created.containsKey(merged.id())) {
            created.put(merged.id(), merged);
        } else {
            before.putIfAbsent(merged.id(), existing);
            changed.put(merged.id(), merged);
        }
        return Outcome.UPDATED;
    }

    private long minutesApart(EventDraft d, String eventId) throws SQLException {
        Event e = event(eventId);
        return e == null ? 0 : Duration.between(e.published(), d.published()).abs().toMinutes();
    }

    /** The event as this transaction knows it: made or changed here, else read from the store. */
    private Event event(String id) throws SQLException {
        Event e = created.get(id);
        if (e == null) {
            e = changed.get(id);
        }
        if (e == null && !loaded.containsKey(id)) {
            EventRows.load(c, List.of(id)).forEach(x -> loaded.put(x.id(), x));
            loaded.putIfAbsent(id, null);
        }
        return e != null ? e : loaded.get(id);
    }

    /** Notes the draft's keys as the event's, and puts the event's new state, if any, in the index. */
    private void remember(EventDraft d, Event e, Candidate changed) {
        for (String k : allKeys(d)) {
            long h = Keys.hash(k);
            if (!keys.containsKey(h)) {
                keys.put(h, e.id());
                newKeys.put(h, e.id());
            }
        }
        if (changed != null) {
            index.put(changed);
            touchedDays.add(e.date());
        }
    }

    /** Puts in memory the stored events of the days the drafts may match within that it lacks. */
    private void loadWindow(List<EventDraft> drafts) throws SQLException {
        Set<LocalDate> missing = new LinkedHashSet<>();
        for (EventDraft d : drafts) {
            missing.addAll(index.missingDays(d.published()));
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
    }

    /** Which stored events hold the drafts' keys, in one statement per thousand keys. */
    private void lookUpKeys(List<EventDraft> drafts) throws SQLException {
        Set<Long> wanted = new LinkedHashSet<>();
        drafts.forEach(d -> allKeys(d).forEach(k -> wanted.add(Keys.hash(k))));
        List<String> hit = new ArrayList<>();
        for (List<Long> chunk : EventRows.chunks(List.copyOf(wanted))) {
            Sql.query(c, "SELECT key_hash, event_id FROM event_key WHERE key_hash IN (" + Sql.marks(chunk.size()) + ")",
                    rs -> {
                        keys.put(rs.getLong(1), rs.getString(2));
                        hit.add(rs.getString(2));
                        return null;
                    }, chunk.toArray());
        }
        EventRows.load(c, List.copyOf(new LinkedHashSet<>(hit))).forEach(e -> loaded.put(e.id(), e));
    }

    private static List<String> allKeys(EventDraft d) {
        List<String> out = new ArrayList<>();
        out.add(d.itemKey());
        out.addAll(d.matchKeys());
        return out;
    }

    static String idFor(String itemKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(itemKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
