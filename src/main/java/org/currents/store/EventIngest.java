package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.currents.event.EventDraft;
import org.currents.match.EventMerger;
import org.currents.match.Matcher;
import org.currents.match.TextAnalyzer;
import org.currents.match.WindowIndex;

/**
 * Files feeds' drafts as events, one feed per transaction, so that reports of one happening
 * become one event however many polls run at once, on one node or many.
 *
 * <p>An ingest goes through two stages, each one ingest at a time: deciding (holding the ingest
 * lock: read what the drafts need, match, merge, tell the {@link WindowIndex}) and writing
 * (holding the write turn: the rows, in one transaction, and the commit). A thread takes the
 * write turn before it lets go of the ingest lock, so ingests are written in the order they were
 * decided, and the next one is decided while the last is written: it reads that one's events,
 * keys and candidates from memory ({@link InFlight}), as its rows are not committed yet.
 *
 * <p>Nodes serialize on the row of the events counter, which every writing transaction takes first
 * (read {@code FOR UPDATE}, or moved from {@code v - 1} to {@code v}). An ingest decided as version
 * {@code v} commits only if the counter is still {@code v - 1}; if another node (or a command line
 * process) wrote in between, or the ingest before it failed, what it decided may rest on events
 * that were not there: the days it touched are forgotten and it is decided again holding both the
 * lock and the turn, in the transaction that writes it, after catching the index up with what
 * others wrote since (events carry the version that last wrote them). Parsing and normalizing stay
 * outside both and run in parallel.
 */
public final class EventIngest {
    private final Database db;
    private final Clock clock;
    private final Matcher matcher;
    private final EventMerger merger;
    private final TextAnalyzer analyzer;
    private final WindowIndex index;
    /**
     * Reports (of events this node decided last) kept to spare joins a read: some 800 bytes each (article
     * URL, headline, merge reasons; class histograms of the 100,000-item benchmark), so about 80 MB. Sized
     * for a window of thousands of events with dozens of reports each: at 20,000 reports the
     * 100,000-item benchmark reread most events it joined, with all their reports.
     */
    private final RecentEvents recent = new RecentEvents(100_000);
    /** Held while deciding; guards the index, {@code recent}, {@code inFlight} and {@code decided}. */
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Held while writing; taken before the ingest lock is let go, so writes follow the order of decisions. */
    private final ReentrantLock turn = new ReentrantLock(true);
    /** The last ingest decided (while it is written), or none. */
    private InFlight inFlight = InFlight.NONE;
    /** The version the last ingest decided will write (equal to {@code seen} when none is being written). */
    private long decided = -1;
    /** The counter value the index reflects, as committed; -1 before the first ingest and after a failure. */
    private volatile long seen = -1;
    /** Days of ingests that did not commit: the index forgets them before anything else is decided. */
    private final Queue<LocalDate> failedDays = new ConcurrentLinkedQueue<>();
    private volatile boolean failed;

    public EventIngest(Database db, Clock clock, Matcher matcher, EventMerger merger, TextAnalyzer analyzer,
                       WindowIndex index) {
        this.db = db;
        this.clock = clock;
        this.matcher = matcher;
        this.merger = merger;
        this.analyzer = analyzer;
        this.index = index;
    }

    /** Matches each draft to a stored event (by its keys, else by evidence) or creates one; all in one transaction. */
    public IngestResult ingest(List<EventDraft> drafts) {
        return ingest(drafts, null);
    }

    /**
     * As {@link #ingest(List)}, and writes the poll's record (when given) in the same transaction;
     * in one of its own when the drafts change nothing.
     */
    public IngestResult ingest(List<EventDraft> drafts, PollRecord record) {
        Recording recording = new Recording(record);
        IngestResult result = file(drafts, recording);
        if (record != null && !recording.written) {
            db.inTransaction(c -> {
                recording.write(c, result);
                return null;
            });
        }
        return result;
    }

    private IngestResult file(List<EventDraft> drafts, Recording recording) {
        if (drafts.isEmpty()) {
            return new IngestResult(0, 0, 0);
        }
        return file(FilingDraft.of(drafts), recording, () -> { }).total();
    }

    /**
     * Files the drafts as one ingest; {@code locked} runs once the ingest lock is taken, before
     * anything is decided (so a caller can let the next ingest queue behind this one).
     */
    private Filed file(List<FilingDraft> filing, Recording recording, Runnable locked) {
        Filed result = pipelined(filing, recording, locked);
        if (result != null) {
            return result;
        }
        lock.lock();
        try {
            return inOneStep(filing, recording);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Files the drafts of several feeds as ingests in the order given, each list of {@code drafts}
     * one ingest, on as many threads as call this: the {@code k}th list (counted from 0 by {@code
     * order}) is decided after the one before it, and written after it, while the next is
     * decided. So drafts given in the order of their reports' times are decided in that order,
     * whichever feed each came from. Returns what each source's drafts did; no poll is recorded.
     */
    public Map<Long, IngestResult> ingestInOrder(List<EventDraft> drafts, FilingOrder order, int k) {
        List<FilingDraft> filing;
        try {
            filing = FilingDraft.of(drafts);
        } catch (RuntimeException e) {
            order.skip(k);
            throw e;
        }
        if (filing.isEmpty()) {
            order.skip(k);
            return Map.of();
        }
        order.awaitTurn(k);
        return file(filing, new Recording(null), () -> order.passed(k)).bySource();
    }

    /** Decides, then writes while the next ingest is decided; null when it must be decided again. */
    private Filed pipelined(List<FilingDraft> filing, Recording recording, Runnable locked) {
        IngestTransaction tx = null;
        Filed result;
        long version;
        lock.lock();
        locked.run();
        try {
            if (failed || seen < 0) {
                return inOneStep(filing, recording);
            }
            // With no ingest being written, others may have written since: the counter is read on the
            // connection that reads for deciding (on PostgreSQL the first statement of a checkout is the
            // dearest, as the server's process wakes up for it).
            boolean idle = decided == seen;
            if (idle) {
                inFlight = InFlight.NONE;
            }
            IngestTransaction deciding = new IngestTransaction(matcher, merger, analyzer, index, recent, inFlight,
                    clock.instant());
            tx = deciding;
            result = new Filed(db.read(c -> {
                if (idle) {
                    catchUp(c, counter(c, ""));
                    decided = seen;
                }
                return deciding.decide(c, filing);
            }), deciding.resultsBySource());
            version = decided + 1;
            if (!tx.changesAnything() && inFlight == InFlight.NONE) {
                return result;
            }
            recent.putAll(tx.decided());
            if (tx.changesAnything()) {
                inFlight = tx.inFlight();
                decided = version;
            }
            turn.lock();
        } catch (RuntimeException e) {
            // Nothing of it was written: only the index and the events kept in memory learnt of it.
            if (tx != null) {
                index.forget(tx.touchedDays());
            }
            recent.clear();
            throw e;
        } finally {
            lock.unlock();
        }
        IngestTransaction writing = tx;
        try {
            if (!writing.changesAnything()) {
                // It wrote nothing but may have found its items among those of the ingest being
                // written: it stands only if that one committed.
                return failed ? null : result;
            }
            // It was decided on the one before it: if that one failed, the counter may still read
            // version - 1, written by another node that took its number, and the decisions rest
            // on events that were never written and miss the other node's.
            boolean written = !failed && db.inTransaction(c -> {
                if (!advance(c, version - 1, version)) {
                    return false;
                }
                writing.write(c, version);
                recording.write(c, result.total());
                return true;
            });
            if (!written) {
                forgetAfterFailure(writing.touchedDays());
                return null;
            }
            seen = version;
            return result;
        } catch (RuntimeException e) {
            forgetAfterFailure(writing.touchedDays());
            throw e;
        } finally {
            turn.unlock();
        }
    }

    /**
     * Holding the lock, takes the turn, then decides and writes in one transaction: the first
     * ingest, and after a failure.
     */
    private Filed inOneStep(List<FilingDraft> filing, Recording recording) {
        turn.lock();
        try {
            return inOneTransaction(filing, recording);
        } finally {
            turn.unlock();
        }
    }

    private Filed inOneTransaction(List<FilingDraft> filing, Recording recording) {
        repair();
        IngestTransaction tx = new IngestTransaction(matcher, merger, analyzer, index, recent, InFlight.NONE,
                clock.instant());
        try {
            long[] version = new long[1];
            IngestResult result = db.inTransaction(c -> {
                long current = counter(c, " FOR UPDATE");
                catchUp(c, current);
                IngestResult r = tx.decide(c, filing);
                version[0] = tx.changesAnything() ? current + 1 : current;
                if (version[0] != current) {
                    advance(c, current, version[0]);
                }
                tx.write(c, version[0]);
                recording.write(c, r);
                return r;
            });
            recent.putAll(tx.decided());
            seen = version[0];
            decided = version[0];
            return new Filed(result, tx.resultsBySource());
        } catch (RuntimeException e) {
            index.forget(tx.touchedDays());
            recent.clear();
            seen = -1;
            throw e;
        }
    }

    /** What one ingest did, in all and for each source of its drafts. */
    private record Filed(IngestResult total, Map<Long, IngestResult> bySource) {
    }

    /** Marks what the index holds of an ingest that did not commit as to be forgotten. */
    private void forgetAfterFailure(Collection<LocalDate> days) {
        failedDays.addAll(days);
        failed = true;
    }

    /** Holding the lock and the turn: the index forgets what ingests that did not commit put in it. */
    private void repair() {
        if (failed) {
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d; (d = failedDays.poll()) != null; ) {
                days.add(d);
            }
            index.forget(days);
            recent.clear();
            failed = false;
        }
        inFlight = InFlight.NONE;
    }

    /**
     * Splits the report with this article URL out of the event into an event of its own; the
     * split sticks on later polls. Throws {@link java.util.NoSuchElementException} for an unknown
     * event and {@link IllegalArgumentException} when the event has no such source or no other.
     */
    public EventSplit.Result split(String eventId, String articleUrl) {
        lock.lock();
        turn.lock();
        try {
            repair();
            try {
                EventSplit.Result result = db.inTransaction(c -> {
                    long current = counter(c, " FOR UPDATE");
                    catchUp(c, current);
                    recent.clear();
                    advance(c, current, current + 1);
                    return new EventSplit(c, current + 1, clock.instant()).split(eventId, articleUrl);
                });
                seen = decided = seen + 1;
                index.put(analyzer.candidate(result.original()));
                index.put(analyzer.candidate(result.split()));
                return result;
            } catch (RuntimeException e) {
                recent.clear();
                seen = -1;
                throw e;
            }
        } finally {
            turn.unlock();
            lock.unlock();
        }
    }

    /** The poll record of one ingest, and whether a transaction that wrote the ingest holds it. */
    private static final class Recording {
        private final PollRecord record;
        private boolean written;

        Recording(PollRecord record) {
            this.record = record;
        }

        void write(Connection c, IngestResult result) throws SQLException {
            if (record != null) {
                SourceStore.saveStatus(c, record.sourceId(), record.status().apply(result));
                written = true;
            }
        }
    }

    /** The events counter; {@code lock} " FOR UPDATE" in a writing transaction. */
    private static long counter(Connection c, String lock) throws SQLException {
        return Sql.query(c, "SELECT counter_value FROM counter WHERE name = 'events'" + lock, rs -> rs.getLong(1)).get(0);
    }

    /**
     * Moves the events counter from {@code from} to {@code to}, holding its row to the end of the
     * transaction; false, changing nothing, when it does not read {@code from} (another node wrote, or
     * the ingest before failed). One statement both checks and takes the row.
     */
    private static boolean advance(Connection c, long from, long to) throws SQLException {
        return Sql.update(c, "UPDATE counter SET counter_value = ? WHERE name = 'events' AND counter_value = ?", to,
                from) == 1;
    }

    /** Others wrote since the index was last in step: the days of what they wrote are read again when needed. */
    private void catchUp(Connection c, long current) throws SQLException {
        if (seen == current) {
            return;
        }
        recent.clear();
        if (seen < 0) {
            index.clear();
        } else {
            index.forget(Sql.query(c, "SELECT event_day FROM event WHERE seq > ? UNION SELECT e.event_day "
                    + "FROM event_source s JOIN event e ON e.id = s.event_id WHERE s.seq > ?",
                    rs -> rs.getObject(1, LocalDate.class), seen, seen));
        }
        seen = current;
    }
}
