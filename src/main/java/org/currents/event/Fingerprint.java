package org.currents.event;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Locality-sensitive band keys (MinHash, {@value #BANDS} bands of {@value #ROWS} rows) of the
 * word pairs of a headline and of a summary. Two texts whose pair sets overlap with Jaccard
 * similarity s share a band with probability 1 - (1 - s²)^10: 94% at s = 0.5, 10% at s = 0.1.
 * Pairs rather than single words keep unrelated texts that share common words from sharing
 * bands. Keys are 64-bit numbers, so the store indexes them cheaply and finds near-duplicates
 * without comparing against every event.
 */
public final class Fingerprint {
    static final int BANDS = 10;
    static final int ROWS = 2;
    private static final int MIN_WORDS = 3;

    private Fingerprint() {
    }

    /** The band keys of a headline and a summary; headline and summary bands never collide by construction. */
    public static Set<Long> of(String headline, String summary) {
        Set<Long> out = new LinkedHashSet<>();
        bands(0, Words.of(headline), out);
        bands(BANDS, Words.of(summary), out);
        return out;
    }

    private static void bands(int firstSlot, Set<String> wordSet, Set<Long> out) {
        if (wordSet.size() < MIN_WORDS) {
            return;
        }
        long[] min = new long[BANDS * ROWS];
        Arrays.fill(min, Long.MAX_VALUE);
        List<String> words = List.copyOf(wordSet);
        long previous = fnv(words.get(0), 0xcbf29ce484222325L);
        for (int w = 1; w < words.size(); w++) {
            // The hash of the pair "previous current", without building the pair's string.
            long current = fnv(words.get(w), 0xcbf29ce484222325L);
            long h = mix(previous * 31 + current);
            previous = current;
            for (int i = 0; i < min.length; i++) {
                long v = mix(h + 0x9E3779B97F4A7C15L * (i + 1));
                if (Long.compareUnsigned(v, min[i]) < 0) {
                    min[i] = v;
                }
            }
        }
        for (int b = 0; b < BANDS; b++) {
            long band = 17;
            for (int r = 0; r < ROWS; r++) {
                band = band * 31 + min[b * ROWS + r];
            }
            // The slot is mixed in so that equal minima in different bands give different keys.
            out.add(mix(band + 0xD6E8FEB86659FD93L * (firstSlot + b + 1)));
        }
    }

    private static long fnv(String s, long h) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finalizer: spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
