package org.currents.match;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.currents.event.Features;

/**
 * Why a report was or was not filed with an event, told from what the two share: the subjects,
 * names and figures in common, the rarest of their other words, and how far apart they are. Only
 * a decision's winner (or nearest miss) is explained, so this runs once per report.
 */
final class Explanation {
    private static final int EXPLAINED_WORDS = 6;

    private Explanation() {
    }

    /**
     * The evidence that {@code r} reports the happening of {@code c}: the score given, and what
     * the two share; {@code idf} holds the rarity of each of the report's words, as the decision read it.
     */
    static Evidence of(Report r, Candidate c, double[] idf, double score) {
        Features a = r.features();
        Features b = c.features();
        List<String> sharedSubjects = new ArrayList<>();
        for (int s : a.subjects()) {
            if (Features.contains(b.subjects(), s)) {
                sharedSubjects.add(a.label(s));
            }
        }
        // The words in common, in rising order, with the names and figures walked beside them: a
        // name of either text is a name, else a figure of the report a figure, else a plain word,
        // of which the rarest few are told (the first of equals first).
        List<String> names = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        int[] rare = new int[EXPLAINED_WORDS];
        double[] rareIdf = new double[EXPLAINED_WORDS];
        int rares = 0;
        int[] x = a.words();
        int[] y = b.words();
        for (int i = 0, j = 0, an = 0, bn = 0, af = 0; i < x.length && j < y.length; ) {
            int t = x[i];
            if (t != y[j]) {
                i += t < y[j] ? 1 : 0;
                j += t > y[j] ? 1 : 0;
                continue;
            }
            an = skipBelow(a.names(), an, t);
            bn = skipBelow(b.names(), bn, t);
            af = skipBelow(a.figures(), af, t);
            boolean namedInA = an < a.names().length && a.names()[an] == t;
            if (namedInA || bn < b.names().length && b.names()[bn] == t) {
                names.add(a.label(t));
            } else if (af < a.figures().length && a.figures()[af] == t) {
                figures.add(a.label(t));
            }
            if (!namedInA && !(af < a.figures().length && a.figures()[af] == t)) {
                int at = 0;
                while (at < rares && rareIdf[at] >= idf[i]) {
                    at++;
                }
                if (at < EXPLAINED_WORDS) {
                    int moved = Math.min(rares, EXPLAINED_WORDS - 1) - at;
                    System.arraycopy(rare, at, rare, at + 1, moved);
                    System.arraycopy(rareIdf, at, rareIdf, at + 1, moved);
                    rare[at] = t;
                    rareIdf[at] = idf[i];
                    rares = Math.min(rares + 1, EXPLAINED_WORDS);
                }
            }
            i++;
            j++;
        }
        // A body one names in full and the other by its acronym is a name in common.
        for (int alias : a.aliases()) {
            if (Features.contains(b.names(), alias)) {
                names.add(a.label(alias));
            }
        }
        for (int alias : b.aliases()) {
            if (Features.contains(a.names(), alias)) {
                names.add(a.label(alias));
            }
        }
        List<String> rareWords = new ArrayList<>(rares);
        for (int k = 0; k < rares; k++) {
            rareWords.add(a.label(rare[k]));
        }
        long minutesApart = Duration.between(r.published(), c.earliest()).abs().toMinutes();
        return new Evidence(score, false, sharedSubjects, names, figures, rareWords, minutesApart,
                c.reportedBy(r.sourceId()));
    }

    /** The first position at or after {@code from} of sorted {@code tokens} not below {@code t}. */
    private static int skipBelow(int[] tokens, int from, int t) {
        while (from < tokens.length && tokens[from] < t) {
            from++;
        }
        return from;
    }
}
