package org.currents.match;

import java.util.List;

/**
 * The candidates the window's index found for a report, best first, with what each shares with
 * it ({@link Shared}, one per candidate) when the index tallied it on the way. {@link
 * Matcher#decide} leaves a candidate unweighed when its tally shows it cannot beat the best so far;
 * candidates without tallies ({@link #of}) are all weighed in full.
 */
public record Shortlist(List<Candidate> candidates, List<Shared> shared) {
    public Shortlist {
        candidates = List.copyOf(candidates);
        shared = shared == null ? null : List.copyOf(shared);
    }

    /** Candidates given by hand, with nothing known of what they share. */
    public static Shortlist of(List<Candidate> candidates) {
        return new Shortlist(candidates, null);
    }
}
