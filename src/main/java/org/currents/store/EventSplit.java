package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.currents.event.ArticleUrls;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.Keys;

/**
 * Takes one report out of an event that merged it wrongly and makes it an event of its own,
 * inside the ingest lock's transaction. The report's identity keys move with it, so its next
 * poll finds its own event by key and the split sticks; the original keeps its id and URL.
 */
public final class EventSplit {
    private final Connection c;
    private final long version;
    private final Instant now;

    EventSplit(Connection c, long version, Instant now) {
        this.c = c;
        this.version = version;
        this.now = now;
    }

    /** The original event without the report, and the report's new event. */
    public record Result(Event original, Event split) {
    }

    Result split(String eventId, String articleUrl) throws SQLException {
        List<Event> found = EventRows.load(c, List.of(eventId));
        if (found.isEmpty()) {
            throw new NoSuchElementException("no event " + eventId);
        }
        Event e = found.get(0);
        String wanted = ArticleUrls.key(articleUrl);
        EventSource report = e.sources().stream().filter(s -> wanted != null && wanted.equals(ArticleUrls.key(s.articleUrl())))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("event " + eventId
                        + " has no source with the URL " + articleUrl));
        if (e.sources().size() == 1) {
            throw new IllegalArgumentException("event " + eventId + " has only that one source; there is nothing to split");
        }
        List<EventSource> rest = new ArrayList<>(e.sources());
        rest.remove(report);
        EventSource next = rest.get(0);
        EventSource first = next.listed(null, null);
        rest.set(0, first);
        boolean wasFirst = e.sources().get(0) == report;
        // The event's summary is its first report's: whichever report leaves takes its own summary
        // along, where the store kept it (with a report whose words widened the event's).
        String summary = wasFirst && next.summary() != null ? next.summary() : e.summary();
        String splitSummary = wasFirst ? e.summary() : report.summary() != null ? report.summary() : "";
        Event original = new Event(e.id(), e.slug(), e.published(), wasFirst && first.headline() != null ? first.headline()
                : e.headline(), summary, e.contentHtml(), wasFirst ? first.articleUrl() : e.link(), e.coverImage(), rest,
                e.contexts(), e.storySlug(), e.firstSeen(), now);
        String headline = report.headline() != null ? report.headline() : e.headline();
        Instant published = report.published() != null ? report.published() : e.published();
        Event split = new Event(FilingDraft.idFor("split:" + e.id() + ":" + report.reportKey() + ":" + now), "",
                published, headline, splitSummary, "", report.articleUrl(), null, List.of(report.listed(null, null)),
                e.contexts(), e.storySlug(), now, now);
        EventRowWriter writer = new EventRowWriter(c, version, now, Map.of());
        Map<Long, String> noKeys = Map.of();
        writer.write(List.of(split), List.of(original), Map.of(e.id(), e), noKeys);
        Event stored = EventRows.load(c, List.of(split.id())).get(0);
        List<Long> keys = new ArrayList<>();
        if (report.reportKey() != 0) {
            keys.add(report.reportKey());
        }
        if (wanted != null) {
            keys.add(Keys.hash("link:" + wanted));
        }
        for (long k : keys) {
            Sql.update(c, "UPDATE event_key SET event_id = ? WHERE key_hash = ? AND event_id = ?", stored.id(), k, e.id());
        }
        return new Result(original, stored);
    }
}
