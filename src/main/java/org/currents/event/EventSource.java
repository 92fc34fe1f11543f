package org.currents.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One outlet's report of an event: the outlet's name, the article it published, the feed
 * (source) the report came from, the outlet's own headline and time, the hash of its item key
 * (which identifies the report within its source, see {@link Keys}; 0 when unknown) and, for
 * every report but the one that started the event, why it was merged and, when its words widened
 * the event's, its summary: the event's matching candidate is rebuilt from them when read back (the
 * event's own summary is its first report's). {@code articleUrl} may be null when the item had no link;
 * {@code headline}, {@code published}, {@code merge} and {@code summary} may be null.
 */
public record EventSource(long sourceId, String outlet, String articleUrl, String feedUrl, String headline,
                          Instant published, long reportKey, MergeNote merge, String summary) {
    public EventSource {
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(feedUrl, "feedUrl");
    }

    public EventSource(long sourceId, String outlet, String articleUrl, String feedUrl) {
        this(sourceId, outlet, articleUrl, feedUrl, null, null, 0, null, null);
    }

    public EventSource(long sourceId, String outlet, String articleUrl, String feedUrl, String headline,
                       Instant published, long reportKey, MergeNote merge) {
        this(sourceId, outlet, articleUrl, feedUrl, headline, published, reportKey, merge, null);
    }

    /**
     * This report as an event lists it: with why it was merged and the summary it was matched by
     * (null for an event's first report, whose summary is the event's own).
     */
    public EventSource listed(MergeNote note, String matchedSummary) {
        return new EventSource(sourceId, outlet, articleUrl, feedUrl, headline, published, reportKey, note, matchedSummary);
    }

    /** The same report again (a re-poll), whatever its text and link now say. */
    public boolean sameReport(EventSource other) {
        if (sourceId != other.sourceId) {
            return false;
        }
        return reportKey != 0 && other.reportKey != 0 ? reportKey == other.reportKey
                : Objects.equals(articleUrl, other.articleUrl);
    }
}
