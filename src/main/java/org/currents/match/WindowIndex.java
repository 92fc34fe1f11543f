package org.currents.match;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.currents.event.Features;

/**
 * The merge candidates of recent days, in memory: day buckets of events with an inverted index
 * of their tokens, and how many events hold each token (for {@link Rarity}). A cache in front
 * of the store: days are loaded from it when a report needs them, the least recently used days
 * go when the budget of events is spent, and a day is simply forgotten when its contents may
 * be stale. Not thread-safe: the ingest lock guards it.
 */
public final class WindowIndex implements Rarity {
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(s -> s.candidate.eventId());

    private final Duration window;
    private final int maxEvents;
    private final LinkedHashMap<LocalDate, DayBucket> days = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, Slot> slots = new HashMap<>();
    private final IntIntMap documents = new IntIntMap(1 << 14);
    private final IdfMemo rarities = new IdfMemo(this::rarity);
    private int size;
    /** Changes of the counts so far: a length read from the rarities holds until the next. */
    private long changes;
    /**
     * Candidates' vector lengths read since the counts last changed, by their features: a
     * decision weighs every word of each of its forty candidates for its length, and in a store
     * of many reports most joins add no word to their event (it already has the most it keeps).
     */
    private final IdentityHashMap<Features, Double> lengths = new IdentityHashMap<>();
    private Weighing lengthsWeighing;
    private long lengthsAt = -1;

    public WindowIndex(Duration window, int maxEvents) {
        this.window = window;
        this.maxEvents = maxEvents;
    }

    /** The days a report published at {@code t} may match within, that are not in memory. */
    public List<LocalDate> missingDays(Instant t) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = day(t.minus(window)); !d.isAfter(day(t.plus(window))); d = d.plusDays(1)) {
            if (!days.containsKey(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Puts a day's stored events in memory (replacing what was there), then keeps to the budget. */
    public void load(LocalDate day, Collection<Candidate> events) {
        forget(List.of(day));
        days.put(day, new DayBucket());
        events.forEach(this::put);
        Iterator<Map.Entry<LocalDate, DayBucket>> eldest = days.entrySet().iterator();
        while (size > maxEvents && days.size() > 1 && eldest.hasNext()) {
            Map.Entry<LocalDate, DayBucket> e = eldest.next();
            if (e.getKey().equals(day)) {
                continue;
            }
            drop(e.getValue());
            eldest.remove();
        }
    }

    /** Adds or replaces an event; ignored when its day is not in memory (it is read with the day). */
    public void put(Candidate c) {
        if (widen(c)) {
            return;
        }
        remove(c.eventId());
        LocalDate d = day(c.published());
        DayBucket bucket = days.get(d);
        if (bucket == null) {
            return;
        }
        slots.put(c.eventId(), new Slot(d, bucket.add(c)));
        count(c.features(), 1);
        size++;
        if (bucket.size() > 2 * bucket.liveEvents() + 64) {
            rebuild(d, bucket);
        }
    }

    /**
     * Puts a report's join in place: the event keeps its position, and only the tokens it gained
     * are posted and counted. Replacing it would post all its tokens again, and the tombstoned
     * entries, each a kilobyte or two, would stay in the heap until its day is rebuilt; most of
     * an ingest's work is joins. False when {@code c} is not a widening of the indexed event.
     */
    private boolean widen(Candidate c) {
        Slot slot = slots.get(c.eventId());
        if (slot == null || !slot.day.equals(day(c.published()))) {
            return false;
        }
        DayBucket bucket = days.get(slot.day);
        Candidate old = bucket.get(slot.position);
        Features was = old.features();
        Features now = c.features();
        if (!contains(now.words(), was.words()) || !contains(now.subjects(), was.subjects())) {
            return false;
        }
        int[] words = added(was.words(), now.words());
        int[] subjects = added(was.subjects(), now.subjects());
        bucket.widen(slot.position, c, words, subjects);
        count(words, 1, false);
        count(subjects, 1, false);
        return true;
    }

    /** Whether sorted {@code all} holds every token of sorted {@code part}. */
    private static boolean contains(int[] all, int[] part) {
        int i = 0;
        for (int t : part) {
            while (i < all.length && all[i] < t) {
                i++;
            }
            if (i == all.length || all[i] != t) {
                return false;
            }
            i++;
        }
        return true;
    }

    /** The tokens of sorted {@code now} that sorted {@code was} lacks, in order. */
    private static int[] added(int[] was, int[] now) {
        if (was.length == now.length) {
            return new int[0];
        }
        int[] out = new int[now.length - was.length];
        int n = 0;
        int i = 0;
        for (int t : now) {
            if (i < was.length && was[i] == t) {
                i++;
            } else {
                out[n++] = t;
            }
        }
        return out;
    }

    /** A day whose events were replaced many times (reports joining them) is indexed anew, without the old entries. */
    private void rebuild(LocalDate d, DayBucket old) {
        DayBucket fresh = new DayBucket();
        for (Candidate c : old.live()) {
            slots.put(c.eventId(), new Slot(d, fresh.add(c)));
        }
        days.put(d, fresh);
    }

    /** The event as the index holds it, or null when its day is not in memory. */
    public Candidate get(String eventId) {
        Slot slot = slots.get(eventId);
        return slot == null ? null : days.get(slot.day).get(slot.position);
    }

    public void remove(String eventId) {
        Slot slot = slots.remove(eventId);
        if (slot == null) {
            return;
        }
        Candidate old = days.get(slot.day).remove(slot.position);
        if (old != null) {
            count(old.features(), -1);
            size--;
        }
    }

    /** Drops these days from memory; they are read again from the store when next needed. */
    public void forget(Collection<LocalDate> forgotten) {
        for (LocalDate d : forgotten) {
            DayBucket bucket = days.remove(d);
            if (bucket != null) {
                drop(bucket);
            }
        }
    }

    public void clear() {
        days.clear();
        slots.clear();
        documents.clear();
        size = 0;
        changes++;
        rarities.forget();
    }

    public int size() {
        return size;
    }

    /**
     * The events within {@code reach} of the report's time (and within the window) that share the
     * most telling tokens with it, best first, at most {@code limit}.
     */
    public List<Candidate> candidates(Report r, Duration reach, int limit) {
        return shortlist(r, reach, limit).candidates();
    }

    /**
     * As {@link #candidates}, with what each shares with the report as the postings show it: the
     * {@link Shortlist}'s tallies hold for this index's rarities until its counts change.
     */
    public Shortlist shortlist(Report r, Duration reach, int limit) {
        Duration within = reach.compareTo(window) < 0 ? reach : window;
        Instant from = r.published().minus(within);
        Instant to = r.published().plus(within);
        // The best {@code limit} so far, in a heap whose head is the worst of them: no sort of every event that shares a word.
        PriorityQueue<Scored> found = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
        int[] words = r.features().words();
        int[] subjects = r.features().subjects();
        double[] wordIdf = new double[words.length];
        int[] kinds = kinds(r.features());
        for (int i = 0; i < words.length; i++) {
            wordIdf[i] = idf(words[i]);
        }
        double[] subjectIdf = new double[subjects.length];
        for (int i = 0; i < subjects.length; i++) {
            subjectIdf[i] = idf(subjects[i]);
        }
        for (LocalDate d = day(from); !d.isAfter(day(to)); d = d.plusDays(1)) {
            DayBucket bucket = days.get(d);
            if (bucket == null) {
                continue;
            }
            Tally tally = new Tally(bucket.size());
            for (int i = 0; i < words.length; i++) {
                bucket.scoreWord(words[i], wordIdf[i], kinds[i], tally);
            }
            for (int i = 0; i < subjects.length; i++) {
                bucket.scoreSubject(subjects[i], subjectIdf[i], tally.scores);
            }
            for (int i = 0; i < tally.scores.length; i++) {
                // Most events share a common word or two with the report: one under the worst of a
                // full shortlist is passed over before it is read.
                double score = tally.scores[i];
                Candidate c = score > 0 && (found.size() < limit || !found.isEmpty() && score >= found.peek().score)
                        ? bucket.get(i) : null;
                if (c != null && !c.earliest().isBefore(from) && !c.earliest().isAfter(to)) {
                    found.add(new Scored(c, score, tally, i));
                    if (found.size() > limit) {
                        found.poll();
                    }
                }
            }
        }
        List<Scored> best = new ArrayList<>(found);
        best.sort(BEST_FIRST);
        return new Shortlist(best.stream().map(Scored::candidate).toList(), best.stream().map(Scored::shared).toList());
    }

    /** What each of the report's words is to it, as {@link Tally} takes it: a figure, a name other than a place. */
    private static int[] kinds(Features f) {
        int[] words = f.words();
        int[] kinds = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            int t = words[i];
            kinds[i] = (Features.contains(f.figures(), t) ? Tally.FIGURE : 0)
                    | (Features.contains(f.names(), t) && !Features.contains(f.places(), t) ? Tally.NAME : 0);
        }
        return kinds;
    }

    @Override
    public double length(Features f, Weighing weighing) {
        if (lengthsAt != changes || lengthsWeighing != weighing) {
            lengths.clear();
            lengthsAt = changes;
            lengthsWeighing = weighing;
        }
        Double known = lengths.get(f);
        if (known == null) {
            known = weighing.length(f, this);
            lengths.put(f, known);
        }
        return known;
    }

    /** An event holds each of its tokens once, so no token is counted in more events than there are. */
    @Override
    public double floor() {
        return 1;
    }

    /** Smoothed inverse document frequency over the events in memory: at least 1. */
    @Override
    public double idf(int token) {
        return rarities.idf(token);
    }

    private double rarity(int token) {
        return Math.log((size + 1.0) / (documents.get(token, 0) + 1.0)) + 1;
    }

    private void drop(DayBucket bucket) {
        for (Candidate c : bucket.live()) {
            slots.remove(c.eventId());
            count(c.features(), -1);
            size--;
        }
    }

    /** Counts an event in or out: the number of events changes with it. */
    private void count(Features f, int delta) {
        count(f.words(), delta, true);
        count(f.subjects(), delta, true);
    }

    /**
     * Every change of the counts goes through here. Rarities read before are forgotten: all of
     * them when the number of events changes too, else those of the tokens counted.
     */
    private void count(int[] tokens, int delta, boolean eventsChanged) {
        for (int t : tokens) {
            documents.add(t, delta);
        }
        if (eventsChanged || tokens.length > 0) {
            changes++;
        }
        if (eventsChanged) {
            rarities.forget();
        } else {
            rarities.forget(tokens);
        }
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    private record Slot(LocalDate day, int position) {
    }

    private record Scored(Candidate candidate, double score, Tally tally, int at) {
        Shared shared() {
            return tally.of(at);
        }
    }
}
