package org.currents.match;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The events of one UTC day with an inverted index from token to events: postings are linked
 * lists in two int arrays, so a day of a few thousand events costs a few hundred kilobytes.
 * Words and subjects have lists of their own, so a word's list holds each event with that word
 * once, and only those. Replaced or removed events are tombstoned and their postings skipped.
 */
final class DayBucket {
    private final List<Candidate> events = new ArrayList<>();
    private final IntIntMap words = new IntIntMap(256);
    private final IntIntMap subjects = new IntIntMap(64);
    private int[] next = new int[1024];
    private int[] owner = new int[1024];
    private int postings;
    private int live;

    /** Adds an event and returns its position in the day. */
    int add(Candidate c) {
        int at = events.size();
        events.add(c);
        live++;
        post(c.features().words(), at, this.words);
        post(c.features().subjects(), at, this.subjects);
        return at;
    }

    /**
     * Replaces the live event at {@code at} with {@code c}, whose tokens are the old event's plus
     * {@code words} and {@code subjects}: only those are posted, the old postings stay valid.
     */
    void widen(int at, Candidate c, int[] words, int[] subjects) {
        events.set(at, c);
        post(words, at, this.words);
        post(subjects, at, this.subjects);
    }

    Candidate get(int at) {
        return events.get(at);
    }

    /** Tombstones the event at {@code at}; returns what was there. */
    Candidate remove(int at) {
        Candidate old = events.set(at, null);
        if (old != null) {
            live--;
        }
        return old;
    }

    int liveEvents() {
        return live;
    }

    /** Adds {@code weight} to {@code scores[event]} for every live event of the day under subject {@code token}. */
    void scoreSubject(int token, double weight, double[] scores) {
        for (int p = subjects.get(token, -1); p >= 0; p = next[p]) {
            if (events.get(owner[p]) != null) {
                scores[owner[p]] += weight;
            }
        }
    }

    /**
     * Tallies word {@code token} of the report ({@link Tally#FIGURE}, {@link Tally#NAME} in
     * {@code kind}) for every live event of the day holding it.
     */
    void scoreWord(int token, double idf, int kind, Tally tally) {
        for (int p = words.get(token, -1); p >= 0; p = next[p]) {
            if (events.get(owner[p]) != null) {
                tally.word(owner[p], idf, kind);
            }
        }
    }

    int size() {
        return events.size();
    }

    List<Candidate> live() {
        return events.stream().filter(e -> e != null).toList();
    }

    private void post(int[] tokens, int at, IntIntMap head) {
        if (postings + tokens.length > next.length) {
            layOut(Math.max(2 * next.length, postings + tokens.length));
        }
        for (int t : tokens) {
            next[postings] = head.get(t, -1);
            owner[postings] = at;
            head.put(t, postings++);
        }
    }

    /**
     * Copies the postings into arrays of {@code capacity}, each token's list in one run and
     * without tombstoned events. Posted as events come, a list's entries lie an event's tokens
     * apart, and walking it missed the cache at every step: the walk was a fifth of a decision.
     */
    private void layOut(int capacity) {
        int[] toNext = new int[capacity];
        int[] toOwner = new int[capacity];
        int[] laid = {0};
        IntUnaryOperator copy = head -> {
            int first = laid[0];
            for (int p = head; p >= 0; p = next[p]) {
                if (events.get(owner[p]) != null) {
                    toOwner[laid[0]] = owner[p];
                    toNext[laid[0]] = laid[0] + 1;
                    laid[0]++;
                }
            }
            if (laid[0] == first) {
                return -1;
            }
            toNext[laid[0] - 1] = -1;
            return first;
        };
        words.replaceValues(copy);
        subjects.replaceValues(copy);
        next = toNext;
        owner = toOwner;
        postings = laid[0];
    }
}
