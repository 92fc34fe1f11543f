package org.currents.match;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.currents.event.Features;

/**
 * Decides whether a report is one more account of a stored event or a new happening, from all
 * the evidence the two share: the cosine of their rarity-weighted (TF-IDF) vectors of words,
 * names and figures counting more than plain words, plus the subject pages both link to, a rare
 * name both give and rare words in common beyond a few (in full within hours, less the later a
 * report is, none for a late one that brings a figure the event lacks); discounted when both name
 * people or places but none in common, when they are more than a day apart (half as much for a
 * retelling that repeats the event's figures and brings none), and when one outlet filed both.
 * A pure policy: the candidates and word rarities are given.
 */
public final class Matcher {
    private static final long SECONDS_PER_DAY = 24 * 60 * 60;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    /** A token no event holds: its weight is the largest any token can have. */
    private static final int UNSEEN = Features.hash("\u0000unseen");
    /** Names in common (the rare one among them) before a rare name counts: one capitalised word alone is thin. */
    private static final int NAMES_FOR_RARE_NAME = 2;
    /** Words in common needed before shared subjects count in full. */
    private static final double TEXT_FOR_FULL_SUBJECTS = 0.15;

    private final Weights w;
    /**
     * Whether the score rises with the cosine, so a bound on the cosine bounds it: no weight below
     * zero, and a place counting no more than another word (the index's tally counts it in full).
     */
    private final boolean monotone;
    /** The weights' times in nanoseconds, as the scores measure time. */
    private final long graceNanos;
    private final long graceFromFirstNanos;
    private final long sameSourceNanos;
    /** A candidate's vector length: its weights are not kept, the shared ones were read beside the report's. */
    private final Rarity.Weighing lengths = (f, rarity) -> weigh(f, rarity, null, null, null);

    public Matcher(double threshold) {
        this(Weights.DEFAULT.withThreshold(threshold));
    }

    public Matcher(Weights weights) {
        this.w = weights;
        this.monotone = weights.subjectWeight() >= 0 && weights.noSharedName() >= 0 && weights.noSharedRare() >= 0
                && weights.perSharedRarity() >= 0 && weights.placeShare() >= 0 && weights.placeShare() <= 1;
        this.graceNanos = weights.grace().toNanos();
        this.graceFromFirstNanos = weights.graceFromFirst().toNanos();
        this.sameSourceNanos = weights.sameSourceHours().toNanos();
    }

    /**
     * The policy's numbers. {@code nameBoost} and {@code figureBoost} multiply the rarity weight
     * of names and figures: they say more about which happening a text reports than plain words.
     * Shared subject pages add up to {@code subjectWeight}, the more the rarer they are. Reports of
     * one happening come out on its day (UTC), or within {@code grace} of the event's nearest
     * report and {@code graceFromFirst} of its farthest (a morning paper's report of yesterday
     * afternoon's happening is 15 h after the wire's first, a few hours after its last); every
     * further day costs {@code perLateDay}, or {@code perLateDayRetold} for a retelling: a report
     * that repeats a figure of the event and brings none of its own (the next day's development
     * brings its own toll or count, and a report with no figure says nothing either way). One
     * outlet rarely files two reports of one happening: within {@code sameSourceHours} its second report costs
     * {@code sameSource}, later it is a follow-up and never joins. Both naming people or places
     * and none in common multiplies the score by {@code noSharedName}. Reports of one happening
     * share at least one word few other events use (rarity at least {@code rareRatio} of the
     * rarest possible); sharing only words common in the window multiplies by {@code noSharedRare}.
     * Sharing a specific name few events hold (rarity at least {@code rareNameRatio} of the rarest:
     * a town, a person, a company; not a country of the place list) and one more name besides,
     * on the day or within the graces, adds {@code rareName} (a later report a part of it, see
     * {@link #bonusShare}): outlets word a happening
     * differently but name its particulars alike, and a short report's cosine with a long one is
     * small whatever they share. For the same reason, on the day or within the graces and unless
     * their names disagree, every unit of shared rarity beyond {@code sharedRarityFloor} adds
     * {@code perSharedRarity} (before the discounts): the shared rarity is the sum, over the words
     * both give, of each word's squared rarity as a share of the rarest possible (a word no other
     * event of the window holds counts about 0.7, a common one next to nothing), a place of the
     * list counting {@code placeShare} of that (two happenings of a day share a country as often as
     * not, but a country few events of the window name says as much as any rare word: its rarity
     * tells the two apart). So it counts what two
     * texts share whatever their lengths, where the cosine divides it by both. A floor of 2 asks for
     * three rare words in common before anything counts.
     */
    public record Weights(double threshold, double nameBoost, double figureBoost, double subjectWeight, Duration grace,
                          double perLateDay, double sameSource, Duration sameSourceHours, double noSharedName,
                          double rareRatio, double noSharedRare, double rareNameRatio, double rareName,
                          double sharedRarityFloor, double perSharedRarity, Duration graceFromFirst,
                          double perLateDayRetold, double placeShare) {
        public static final Weights DEFAULT = new Weights(0.12, 1.0, 1.4, 0.0, Duration.ofHours(12), 1.2, 0.2,
                Duration.ofHours(6), 0.5, 0.85, 0.4, 0.7, 0.04, 2.0, 0.12, Duration.ofHours(15), 0.6, 0.5);

        public Weights withThreshold(double t) {
            return new Weights(t, nameBoost, figureBoost, subjectWeight, grace, perLateDay, sameSource, sameSourceHours,
                    noSharedName, rareRatio, noSharedRare, rareNameRatio, rareName, sharedRarityFloor, perSharedRarity,
                    graceFromFirst, perLateDayRetold, placeShare);
        }
    }

    /**
     * How far apart in time a report and an event can be and still join: beyond it the cost of
     * the late days alone puts the strongest evidence there is (every word and subject in common)
     * under the threshold, so candidates further away need not be scored; by then the bonuses
     * for a rare name and rare words in common are gone too ({@link #bonusShare}). Minutes
     * are added for the score's rounding. Never less than a day: reports of one day are never late.
     */
    public Duration reach() {
        if (w.perLateDay() <= 0) {
            return ChronoUnit.FOREVER.getDuration();
        }
        double perDay = Math.min(w.perLateDay(), w.perLateDayRetold());
        double days = Math.max(0, 1 + w.subjectWeight() - w.threshold()) / perDay;
        // The score is rounded to a thousandth: beyond the days, minutes enough to cost half of one more.
        long minutes = (long) Math.ceil((days + 0.0005 / perDay) * 24 * 60) + 1;
        Duration grace = max(w.grace(), w.graceFromFirst());
        Duration late = grace.plus(max(Duration.ofMinutes(minutes), w.grace()));
        return late.compareTo(Duration.ofDays(1)) < 0 ? Duration.ofDays(1) : late;
    }

    /** The best candidate if its evidence reaches the threshold, else a new event (with the nearest miss). */
    public Decision decide(Report report, List<Candidate> candidates, Rarity rarity) {
        return decide(report, Shortlist.of(candidates), rarity);
    }

    /**
     * As {@link #decide(Report, List, Rarity)}, for candidates the window's index tallied with
     * {@code rarity}: a candidate whose tally bounds its score at or below the best so far is not
     * weighed at all.
     */
    public Decision decide(Report report, Shortlist shortlist, Rarity rarity) {
        // The report's weights are read once. A candidate whose tally cannot beat the best so far
        // is passed over; the rest are scored without building the explanation, which only the
        // winner (or the nearest miss) needs, and with a second bound once their shared words are walked.
        Vector a = vector(report.features(), rarity);
        double rarest = rarity.idf(UNSEEN);
        List<Candidate> candidates = shortlist.candidates();
        List<Shared> shared = monotone ? shortlist.shared() : null;
        Candidate best = null;
        double bestScore = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (best != null && shared != null && bound(report, a, c, shared.get(i), rarity, rarest) <= bestScore) {
                continue;
            }
            double score = score(report, a, c, rarity, rarest, best == null ? Double.NEGATIVE_INFINITY : bestScore);
            if (best == null || score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        if (best == null) {
            return new Decision.Start(Evidence.NONE);
        }
        Evidence explained = Explanation.of(report, best, a.idf, bestScore);
        return bestScore >= w.threshold() ? new Decision.Join(best.eventId(), explained) : new Decision.Start(explained);
    }

    /** The bound {@link #decide(Report, Shortlist, Rarity)} puts on the {@code i}th candidate; never below its score. */
    double bound(Report r, Shortlist s, int i, Rarity rarity) {
        return bound(r, vector(r.features(), rarity), s.candidates().get(i), s.shared().get(i), rarity,
                rarity.idf(UNSEEN));
    }

    /**
     * The most {@code c} can score, from what the index tallied it shares with the report, before
     * its words are walked. A word is a figure in both texts or in neither ({@link WordForms} reads
     * it from the word alone), so of each shared word's weights only a name's boost is unknown: it
     * is taken at its most in the dot product and at its least in the candidate's length, the
     * candidate's other words at the rarity's floor. A rare word in common is as the rarest shared
     * word says; the other signs of one happening count in its favour unless the tally rules them
     * out. Time, sources and figures are read as they are.
     */
    private double bound(Report r, Vector a, Candidate c, Shared s, Rarity rarity, double rarest) {
        double name = w.nameBoost();
        double figure = w.figureBoost();
        double plain = s.squares() - s.figureSquares();
        double dot = plain * square(Math.max(1, name)) + s.figureSquares() * square(Math.max(name, figure));
        int others = Math.max(0, c.features().words().length - s.count());
        double shortest = Math.sqrt(plain * square(Math.min(1, name)) + s.figureSquares() * square(Math.min(name, figure))
                + others * square(Math.min(1, Math.min(name, figure)) * rarity.floor()));
        if (shortest == 0 || a.norm == 0) {
            return Double.POSITIVE_INFINITY;
        }
        // A hair of slack for rounding, as in score(): the bound is never below the score computed in full.
        double cosine = Math.min(1, dot / (a.norm * shortest)) * (1 + 1e-9);
        boolean rareName = w.rareName() >= 0 && s.rarestName() >= w.rareNameRatio() * rarest;
        return scoreOf(cosine, new Score(0, w.noSharedName() <= 1, s.rarest() >= w.rareRatio() * rarest, rareName,
                apart(r, c), late(r, c), c.reportedBy(r.sourceId()), s.squares() / (rarest * rarest),
                figures(r.features(), c.features())));
    }

    private static double square(double x) {
        return x * x;
    }

    Evidence evidence(Report r, Candidate c, Rarity rarity) {
        Vector a = vector(r.features(), rarity);
        return Explanation.of(r, c, a.idf, score(r, a, c, rarity, rarity.idf(UNSEEN), Double.NEGATIVE_INFINITY));
    }

    /**
     * How strongly {@code r} reports the happening of {@code c}; negative infinity when the score
     * cannot exceed {@code toBeat}: the tokens in common give the dot product, and the candidate's
     * vector is at least as long as its shared weights plus every other token at the rarity's
     * floor, so the full vector (a rarity reading per token) is only built when a cosine that high
     * could still win. Kept apart from {@link Explanation}, which only the winner needs: this runs
     * for every candidate, and the JIT compiles it smaller without the explanation's code.
     */
    private double score(Report r, Vector va, Candidate c, Rarity rarity, double rarest, double toBeat) {
        Features a = r.features();
        Features b = c.features();
        int[] x = a.words();
        int[] y = b.words();
        double dot = 0;
        double sharedLength = 0;
        int sharedCount = 0;
        boolean nameShared = false;
        int namesShared = 0;
        boolean rareShared = false;
        boolean rareNameShared = false;
        double sharedSquares = 0;
        double rare = w.rareRatio() * rarest;
        double rareName = w.rareNameRatio() * rarest;
        int[] bNames = b.names();
        int[] bFigures = b.figures();
        int[] aPlaces = a.places();
        // The tokens in common come in rising order, so the candidate's names and figures, and the
        // report's places, are walked beside them.
        for (int i = 0, j = 0, n = 0, g = 0, p = 0; i < x.length && j < y.length; ) {
            int xi = x[i];
            int yj = y[j];
            if (xi != yj) {
                // Stepped without a branch on which is smaller: that goes either way at random, and its
                // mispredictions took a fifth of a decision (14 candidates: 23.5 µs with the branch, 18 without).
                i += xi < yj ? 1 : 0;
                j += xi > yj ? 1 : 0;
            } else {
                // The candidate's weight, as weigh() gives it: its own names and figures boosted.
                double idf = va.idf[i];
                while (n < bNames.length && bNames[n] < x[i]) {
                    n++;
                }
                while (g < bFigures.length && bFigures[g] < x[i]) {
                    g++;
                }
                while (p < aPlaces.length && aPlaces[p] < x[i]) {
                    p++;
                }
                boolean named = n < bNames.length && bNames[n] == x[i];
                boolean figure = g < bFigures.length && bFigures[g] == x[i];
                double weight = named ? idf * w.nameBoost() : figure ? idf * w.figureBoost() : idf;
                dot += va.weights[i] * weight;
                sharedLength += weight * weight;
                sharedCount++;
                nameShared |= va.named[i] || named;
                namesShared += va.named[i] || named ? 1 : 0;
                rareShared |= idf >= rare;
                sharedSquares += p < aPlaces.length && aPlaces[p] == x[i] ? w.placeShare() * idf * idf : idf * idf;
                rareNameShared |= idf >= rareName && isSpecificName(a, va.named[i], b, named, x[i]);
                i++;
                j++;
            }
        }
        // Subject pages both link to add to the words in common, the more the rarer they are; subjects
        // one links and the other does not take nothing away (outlets link differently), and
        // subjects alone, with no words in common, count half: a story's next event links them too.
        double unexplained = 1;
        boolean subjectShared = false;
        for (int s : a.subjects()) {
            if (Features.contains(b.subjects(), s)) {
                subjectShared = true;
                unexplained *= 1 - Math.min(1, rarity.idf(s) / rarest);
            }
        }
        Score score = new Score(unexplained, nameShared || subjectShared || a.names().length == 0 || b.names().length == 0
                || givesAcronymOf(a, b) || givesAcronymOf(b, a),
                rareShared, rareNameShared && namesShared >= NAMES_FOR_RARE_NAME, apart(r, c), late(r, c),
                c.reportedBy(r.sourceId()), sharedSquares / (rarest * rarest), figures(a, b));
        if (toBeat > Double.NEGATIVE_INFINITY && dot > 0 && monotone) {
            double least = Math.min(1, Math.min(w.nameBoost(), w.figureBoost())) * rarity.floor();
            double shortest = Math.sqrt(sharedLength + (y.length - sharedCount) * least * least);
            // A hair of slack for rounding: the bound is never below the cosine computed in full.
            if (scoreOf(Math.min(1, dot / (va.norm * shortest)) * (1 + 1e-9), score) <= toBeat) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        double cosine = dot == 0 ? 0 : dot / (va.norm * rarity.length(b, lengths));
        return scoreOf(cosine, score);
    }

    /**
     * Whether a token both texts give names someone or something in particular: a name in both
     * (capitalised where no sentence begins: "Airlines" of "Malaysia Airlines" is "airline" in a
     * report of another carrier, and "Tehran" opening a sentence may stand for Iran's government)
     * and not a place of the list (a country is where many happenings of a day are).
     */
    private static boolean isSpecificName(Features a, boolean namedInA, Features b, boolean namedInB, int token) {
        return namedInA && namedInB && !Features.contains(a.places(), token) && !Features.contains(b.places(), token);
    }

    /** Whether {@code a} names by its acronym a body {@code b} names in full ("BCI", "Bar Council of India"). */
    static boolean givesAcronymOf(Features a, Features b) {
        for (int alias : b.aliases()) {
            if (Features.contains(a.names(), alias)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Nanoseconds from the report to the event's earliest report, in a long: this runs for every
     * candidate, and a {@link Duration} allocates.
     */
    private static long apart(Report r, Candidate c) {
        return Math.abs(nanos(r.published()) - nanos(c.earliest()));
    }

    /** Epoch nanoseconds: a long holds them until 2262. */
    private static long nanos(Instant t) {
        return t.getEpochSecond() * NANOS_PER_SECOND + t.getNano();
    }

    /**
     * How late the report is for the candidate: beyond {@code grace} of the event's nearer end (its
     * earliest or latest report) or beyond {@code graceFromFirst} of its farther end, whichever is
     * more. So whatever order its reports came in, an event's reports stay within a day, or
     * {@code graceFromFirst}, of each other, and a report joins a one-report event within {@code grace}.
     */
    private long late(Report r, Candidate c) {
        long toEarliest = apartAcrossDays(r.published(), c.earliest());
        long toLatest = apartAcrossDays(r.published(), c.latest());
        return Math.max(beyond(Math.min(toEarliest, toLatest), graceNanos),
                beyond(Math.max(toEarliest, toLatest), graceFromFirstNanos));
    }

    private static long beyond(long apart, long grace) {
        return Math.max(0, apart - grace);
    }

    /**
     * How far apart {@code t} and the report at {@code other} are for lateness: nothing on one day
     * (UTC), as the portal files a happening under its day (a morning and a late-evening report of
     * one happening are 14 h apart), else the time between them.
     */
    private static long apartAcrossDays(Instant t, Instant other) {
        // Days counted on the epoch seconds: this runs for every candidate, and Instant.truncatedTo allocates.
        if (Math.floorDiv(t.getEpochSecond(), SECONDS_PER_DAY) == Math.floorDiv(other.getEpochSecond(), SECONDS_PER_DAY)) {
            return 0;
        }
        return Math.abs(nanos(t) - nanos(other));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * How a report's figures stand to the event's: it brings one the event lacks (a new toll, a
     * new count, a new sum), or repeats some and brings none, or gives none.
     */
    private enum Figures { NEW, REPEATED, NONE }

    private static Figures figures(Features report, Features event) {
        boolean repeated = false;
        for (int f : report.figures()) {
            if (!Features.contains(event.figures(), f)) {
                return Figures.NEW;
            }
            repeated = true;
        }
        return repeated ? Figures.REPEATED : Figures.NONE;
    }

    /** What the pair shares besides the words: the score is a function of the cosine given these. */
    private record Score(double unexplained, boolean namesAgree, boolean rareShared, boolean rareNameShared,
                         long apart, long late, boolean sameSource, double sharedRarity, Figures figures) {
    }

    /**
     * How much of the rare name's and the shared rarity's bonus counts: all of it on the day or
     * within the graces. A later report keeps it only while it brings no figure the event lacks,
     * and less of it the later it is, none once {@code grace} late: a morning paper retells
     * yesterday's happening with its particulars, where the next day's development of the story
     * names them too but brings its own toll or count ("siege ends with 18 dead").
     */
    private double bonusShare(Score s) {
        if (s.late() == 0) {
            return 1;
        }
        if (s.figures() == Figures.NEW) {
            return 0;
        }
        return Math.max(0, 1 - (double) (s.late() / NANOS_PER_MINUTE) / w.grace().toMinutes());
    }

    /** The score for a cosine of the words; never falling as the cosine rises (see {@link #monotone}). */
    private double scoreOf(double cosine, Score s) {
        double score = cosine + w.subjectWeight() * (1 - s.unexplained())
                * (0.5 + 0.5 * Math.min(1, cosine / TEXT_FOR_FULL_SUBJECTS));
        double bonus = bonusShare(s);
        if (s.namesAgree()) {
            score += bonus * w.perSharedRarity() * Math.max(0, s.sharedRarity() - w.sharedRarityFloor());
        }
        if (!s.namesAgree()) {
            score *= w.noSharedName();
        }
        if (!s.rareShared()) {
            score *= w.noSharedRare();
        }
        if (s.rareNameShared()) {
            score += bonus * w.rareName();
        }
        if (s.late() != 0) {
            double perDay = s.figures() == Figures.REPEATED ? w.perLateDayRetold() : w.perLateDay();
            score -= perDay * (s.late() / NANOS_PER_MINUTE) / (24 * 60.0);
        }
        if (s.sameSource()) {
            score = s.apart() > sameSourceNanos ? Math.min(score, 0) : score - w.sameSource();
        }
        return Math.round(score * 1000) / 1000.0;
    }

    /**
     * A report's words as weights (rarity, names and figures boosted), with their rarities, which
     * are names, and the vector's length.
     */
    private Vector vector(Features f, Rarity rarity) {
        int n = f.words().length;
        double[] idf = new double[n];
        double[] weights = new double[n];
        boolean[] named = new boolean[n];
        return new Vector(idf, weights, named, weigh(f, rarity, idf, weights, named));
    }

    /**
     * Weighs every word of {@code f}, filling the arrays when given; returns the vector's length.
     * Names and figures are walked beside the words: all sorted.
     */
    private double weigh(Features f, Rarity rarity, double[] idf, double[] weights, boolean[] named) {
        int[] words = f.words();
        int[] names = f.names();
        int[] figures = f.figures();
        double sum = 0;
        for (int i = 0, n = 0, g = 0; i < words.length; i++) {
            int t = words[i];
            while (n < names.length && names[n] < t) {
                n++;
            }
            while (g < figures.length && figures[g] < t) {
                g++;
            }
            double rare = rarity.idf(t);
            double weight = rare;
            boolean name = n < names.length && names[n] == t;
            if (name) {
                weight *= w.nameBoost();
            } else if (g < figures.length && figures[g] == t) {
                weight *= w.figureBoost();
            }
            if (idf != null) {
                idf[i] = rare;
                weights[i] = weight;
                named[i] = name;
            }
            sum += weight * weight;
        }
        return Math.sqrt(sum);
    }

    private record Vector(double[] idf, double[] weights, boolean[] named, double norm) {
    }
}
