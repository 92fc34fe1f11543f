package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
 * <p>Matching and writing are serialized: threads of this node queue on a lock, and nodes on
 * the row of the events counter, taken {@code FOR UPDATE} first in every ingest transaction.
 * Holding it, the ingest catches its {@link WindowIndex} up with what other nodes wrote since
 * (events carry the version that last wrote them), decides, writes, and moves the counter.
 * Parsing and normalizing, the expensive part, stay outside and run in parallel. A rolled back
 * ingest makes the index forget the days it touched, which are read again when needed.
 */
public final class EventIngest {
    private final Database db;
    private final Clock clock;
    private final Matcher matcher;
    private final EventMerger merger;
    private final TextAnalyzer analyzer;
    private final WindowIndex index;
    /**
     * Reports (of events this node wrote last) kept to spare joins a read: some 800 bytes each (article
     * URL, headline, merge reasons; class histograms of the 100,000-item benchmark), so about 80 MB. Sized
     * for a window of thousands of events with dozens of reports each: at 20,000 reports the
     * 100,000-item benchmark reread most events it joined, with all their reports.
     */
    private final RecentEvents recent = new RecentEvents(100_000);
    private final ReentrantLock lock = new ReentrantLock(true);
    /** The counter value the index reflects; -1 before the first ingest. */
    private long seen = -1;

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
        if (drafts.isEmpty()) {
            return new IngestResult(0, 0, 0);
        }
        List<FilingDraft> filing = FilingDraft.of(drafts);
        lock.lock();
        try {
            IngestTransaction[] tx = new IngestTransaction[1];
            try {
                IngestResult result = db.inTransaction(c -> {
                    long current = lockCounter(c);
                    catchUp(c, current);
                    tx[0] = new IngestTransaction(c, matcher, merger, analyzer, index, recent, clock.instant());
                    IngestResult r = tx[0].run(filing, current + 1);
                    seen = r.created() + r.updated() > 0 || tx[0].wroteKeys() ? current + 1 : current;
                    return r;
                });
                recent.putAll(tx[0].written());
                return result;
            } catch (RuntimeException e) {
                if (tx[0] != null) {
                    index.forget(tx[0].touchedDays());
                }
                recent.clear();
                seen = -1;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Splits the report with this article URL out of the event into an event of its own; the
     * split sticks on later polls. Throws {@link java.util.NoSuchElementException} for an unknown
     * event and {@link IllegalArgumentException} when the event has no such source or no other.
     */
    public EventSplit.Result split(String eventId, String articleUrl) {
        lock.lock();
        try {
            try {
                EventSplit.Result result = db.inTransaction(c -> {
                    long current = lockCounter(c);
                    catchUp(c, current);
                    recent.clear();
                    EventSplit.Result r = new EventSplit(c, current + 1, clock.instant()).split(eventId, articleUrl);
                    seen = current + 1;
                    return r;
                });
                index.put(analyzer.candidate(result.original()));
                index.put(analyzer.candidate(result.split()));
                return result;
            } catch (RuntimeException e) {
                recent.clear();
                seen = -1;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private static long lockCounter(Connection c) throws SQLException {
        return Sql.query(c, "SELECT counter_value FROM counter WHERE name = 'events' FOR UPDATE", rs -> rs.getLong(1))
                .get(0);
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
