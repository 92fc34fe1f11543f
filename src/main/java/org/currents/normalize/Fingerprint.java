package org.currents.normalize;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Locality-sensitive band keys (MinHash, {@value #BANDS} bands of {@value #ROWS} rows) of a
 * text's word pairs. Two texts whose pair sets overlap with Jaccard similarity s share a band
 * with probability 1 - (1 - s²)^10: 94% at s = 0.5, 10% at s = 0.1. Pairs rather than single
 * words keep unrelated texts that share common words from sharing bands. The store indexes the
 * keys, so near-duplicates are found without comparing against every event.
 */
final class Fingerprint {
    static final int BANDS = 10;
    static final int ROWS = 2;
    private static final int MIN_WORDS = 3;

    private Fingerprint() {
    }

    /** Band keys of {@code words}, each prefixed with {@code prefix} so headline and summary bands never mix. */
    static Set<String> bands(String prefix, Set<String> wordSet) {
        Set<String> out = new LinkedHashSet<>();
        if (wordSet.size() < MIN_WORDS) {
            return out;
        }
        List<String> list = List.copyOf(wordSet);
        List<String> words = new java.util.ArrayList<>(list.size() - 1);
        for (int i = 1; i < list.size(); i++) {
            words.add(list.get(i - 1) + ' ' + list.get(i));
        }
        long[] min = new long[BANDS * ROWS];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (String w : words) {
            long h = fnv(w);
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
            out.add(prefix + b + ":" + Long.toHexString(mix(band)));
        }
        return out;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
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
