package org.currents.match;

import java.time.Instant;
import org.currents.event.Features;

/**
 * A stored event as matching sees it: its date (which files it under a day), when its earliest
 * and latest reports were published (what a report's time is measured from), the sources that
 * reported it (in rising order) and its features.
 */
public record Candidate(String eventId, Instant published, Instant earliest, Instant latest, long[] sourceIds,
                        Features features) {
    /** Beyond this many words, a candidate takes no more from the reports that join it. */
    private static final int MAX_WORDS = 160;

    /** The sources in rising order, so that {@link #reportedBy} need not read them all. */
    public Candidate {
        for (int i = 1; i < sourceIds.length; i++) {
            if (sourceIds[i - 1] >= sourceIds[i]) {
                sourceIds = java.util.Arrays.stream(sourceIds).sorted().distinct().toArray();
                break;
            }
        }
    }

    /** An event of one report, or one whose reports' times are not known: its earliest report is its date. */
    public Candidate(String eventId, Instant published, long[] sourceIds, Features features) {
        this(eventId, published, published, published, sourceIds, features);
    }

    /**
     * The candidate after {@code r} joined it: as {@link #joinedBy(long, Features)}, its earliest
     * and latest reports widened by the report's time. Measuring from the event's reports, not
     * from the one that happened to arrive first, makes the time a report is judged by the same in
     * whatever order the event's reports came.
     */
    public Candidate joinedBy(Report r) {
        Candidate c = joinedBy(r.sourceId(), r.features());
        Instant t = r.published();
        return new Candidate(eventId, published, t.isBefore(earliest) ? t : earliest, t.isAfter(latest) ? t : latest,
                c.sourceIds, c.features);
    }

    /**
     * The candidate after a report from {@code sourceId} with {@code joining} features joined it:
     * its words widened by the report's, so a further report may match either wording (as
     * {@link TextAnalyzer#candidate} reads a stored event with a few merged headlines).
     */
    public Candidate joinedBy(long sourceId, Features joining) {
        long[] sources = sourceIds;
        int at = java.util.Arrays.binarySearch(sourceIds, sourceId);
        if (at < 0) {
            at = -at - 1;
            sources = new long[sourceIds.length + 1];
            System.arraycopy(sourceIds, 0, sources, 0, at);
            sources[at] = sourceId;
            System.arraycopy(sourceIds, at, sources, at + 1, sourceIds.length - at);
        }
        Features f = features.words().length >= MAX_WORDS ? features : new Features(union(features.words(),
                joining.words()), union(features.names(), joining.names()), union(features.figures(), joining.figures()),
                union(features.subjects(), joining.subjects()), union(features.places(), joining.places()),
                union(features.aliases(), joining.aliases()), java.util.Map.of());
        return new Candidate(eventId, published, earliest, latest, sources, f);
    }

    /**
     * Whether this candidate holds a token {@code before} lacks: it is {@code before} joined by a
     * report ({@link #joinedBy(long, Features)} only adds), so a longer array is a token more.
     */
    public boolean widens(Candidate before) {
        Features a = features;
        Features b = before.features;
        return a.words().length > b.words().length || a.names().length > b.names().length
                || a.figures().length > b.figures().length || a.subjects().length > b.subjects().length
                || a.places().length > b.places().length || a.aliases().length > b.aliases().length;
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int next = j >= b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
            if (n == 0 || out[n - 1] != next) {
                out[n++] = next;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Whether a report of {@code sourceId} is among the event's: asked twice of each candidate of a decision. */
    boolean reportedBy(long sourceId) {
        return java.util.Arrays.binarySearch(sourceIds, sourceId) >= 0;
    }
}
