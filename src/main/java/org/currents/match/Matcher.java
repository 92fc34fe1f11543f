package org.currents.match;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.currents.event.Features;

/**
 * Decides whether a report is one more account of a stored event or a new happening, from all
 * the evidence the two share: the cosine of their rarity-weighted (TF-IDF) vectors of words,
 * names and figures counting more than plain words, plus the subject pages both link to; discounted when
 * both name people or places but none in common, when they are more than a day apart, and when
 * one outlet filed both. A pure policy: the candidates and word rarities are given.
 */
public final class Matcher {
    private static final int EXPLAINED_WORDS = 6;
    /** A token no event holds: its weight is the largest any token can have. */
    private static final int UNSEEN = Features.hash("\u0000unseen");
    /** Words in common needed before shared subjects count in full. */
    private static final double TEXT_FOR_FULL_SUBJECTS = 0.15;

    private final Weights w;

    public Matcher(double threshold) {
        this(Weights.DEFAULT.withThreshold(threshold));
    }

    public Matcher(Weights weights) {
        this.w = weights;
    }

    /**
     * The policy's numbers. {@code nameBoost} and {@code figureBoost} multiply the rarity weight
     * of names and figures: they say more about which happening a text reports than plain words.
     * Shared subject pages add up to {@code subjectWeight}, the more the rarer they are. Reports of one happening come out within
     * {@code grace} of each other; every further day costs {@code perLateDay}. One outlet rarely
     * files two reports of one happening: within {@code sameSourceHours} its second report costs
     * {@code sameSource}, later it is a follow-up and never joins. Both naming people or places
     * and none in common multiplies the score by {@code noSharedName}. Reports of one happening
     * share at least one word few other events use (rarity at least {@code rareRatio} of the
     * rarest possible); sharing only words common in the window multiplies by {@code noSharedRare}.
     */
    public record Weights(double threshold, double nameBoost, double figureBoost, double subjectWeight, Duration grace,
                          double perLateDay, double sameSource, Duration sameSourceHours, double noSharedName,
                          double rareRatio, double noSharedRare) {
        public static final Weights DEFAULT = new Weights(0.12, 1.0, 1.4, 0.0, Duration.ofHours(12), 1.2, 0.2,
                Duration.ofHours(6), 0.5, 0.85, 0.4);

        public Weights withThreshold(double t) {
            return new Weights(t, nameBoost, figureBoost, subjectWeight, grace, perLateDay, sameSource, sameSourceHours,
                    noSharedName, rareRatio, noSharedRare);
        }
    }

    /** The best candidate if its evidence reaches the threshold, else a new event (with the nearest miss). */
    public Decision decide(Report report, List<Candidate> candidates, Rarity rarity) {
        Evidence best = null;
        String bestId = null;
        for (Candidate c : candidates) {
            Evidence e = evidence(report, c, rarity);
            if (best == null || e.score() > best.score()) {
                best = e;
                bestId = c.eventId();
            }
        }
        if (best != null && best.score() >= w.threshold()) {
            return new Decision.Join(bestId, best);
        }
        return new Decision.Start(best == null ? Evidence.NONE : best);
    }

    Evidence evidence(Report r, Candidate c, Rarity rarity) {
        Features a = r.features();
        Features b = c.features();
        List<Integer> shared = new ArrayList<>();
        double dot = dot(a.words(), b.words(), a, b, rarity, shared);
        double score = dot == 0 ? 0 : dot / (norm(a, rarity) * norm(b, rarity));
        // Subject pages both link to add to the words in common, the more the rarer they are; subjects
        // one links and the other does not take nothing away (outlets link differently), and
        // subjects alone, with no words in common, count half: a story's next event links them too.
        List<Integer> sharedSubjects = new ArrayList<>();
        double unexplained = 1;
        for (int s : a.subjects()) {
            if (Features.contains(b.subjects(), s)) {
                sharedSubjects.add(s);
                unexplained *= 1 - Math.min(1, rarity.idf(s) / rarity.idf(UNSEEN));
            }
        }
        score += w.subjectWeight() * (1 - unexplained) * (0.5 + 0.5 * Math.min(1, score / TEXT_FOR_FULL_SUBJECTS));

        List<String> names = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        for (int t : shared) {
            if (Features.contains(a.names(), t) || Features.contains(b.names(), t)) {
                names.add(a.label(t));
            } else if (Features.contains(a.figures(), t)) {
                figures.add(a.label(t));
            }
        }
        if (names.isEmpty() && sharedSubjects.isEmpty() && a.names().length > 0 && b.names().length > 0) {
            score *= w.noSharedName();
        }
        double rarest = rarity.idf(UNSEEN);
        if (shared.stream().noneMatch(t -> rarity.idf(t) >= w.rareRatio() * rarest)) {
            score *= w.noSharedRare();
        }
        Duration apart = Duration.between(r.published(), c.published()).abs();
        if (apart.compareTo(w.grace()) > 0) {
            score -= w.perLateDay() * apart.minus(w.grace()).toMinutes() / (24 * 60.0);
        }
        boolean sameSource = c.reportedBy(r.sourceId());
        if (sameSource) {
            score = apart.compareTo(w.sameSourceHours()) > 0 ? Math.min(score, 0) : score - w.sameSource();
        }
        List<String> rare = shared.stream().filter(t -> !Features.contains(a.names(), t) && !Features.contains(a.figures(), t))
                .sorted(Comparator.comparingDouble((Integer t) -> -rarity.idf(t))).limit(EXPLAINED_WORDS)
                .map(a::label).toList();
        return new Evidence(Math.round(score * 1000) / 1000.0, false, sharedSubjects.stream().map(a::label).toList(),
                names, figures, rare, apart.toMinutes(), sameSource);
    }

    /** The weighted dot product of two sorted token sets; the tokens in common go to {@code shared}. */
    private double dot(int[] x, int[] y, Features a, Features b, Rarity rarity, List<Integer> shared) {
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                dot += weight(x[i], a, rarity) * weight(x[i], b, rarity);
                shared.add(x[i]);
                i++;
                j++;
            }
        }
        return dot;
    }

    private double weight(int token, Features f, Rarity rarity) {
        double weight = rarity.idf(token);
        if (Features.contains(f.names(), token)) {
            weight *= w.nameBoost();
        } else if (Features.contains(f.figures(), token)) {
            weight *= w.figureBoost();
        }
        return weight;
    }

    /** The length of a report's vector of words (names and figures boosted). */
    private double norm(Features f, Rarity rarity) {
        double sum = 0;
        for (int t : f.words()) {
            double x = weight(t, f, rarity);
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
