package org.currents.event;

import java.util.Arrays;
import java.util.Map;

/**
 * What matching compares of one report, as sorted sets of 32-bit token hashes: its stemmed
 * words (names and figures among them), the names (capitalised words, places behind
 * demonyms), the figures (tolls, magnitudes, vote counts), the subjects it is filed under, and
 * which names are places of the list (broad: many happenings of a day share a country), and the
 * acronyms its longer names make ("Bar Council of India": BCI), which another report may give
 * for them.
 * Hashes keep an event's features to a few hundred bytes, so a window of many thousand
 * events fits in memory. {@code labels} maps hashes back to words, for explanations; stored
 * events carry none.
 */
public record Features(int[] words, int[] names, int[] figures, int[] subjects, int[] places, int[] aliases,
                       Map<Integer, String> labels) {
    public static final Features NONE = new Features(new int[0], new int[0], new int[0], new int[0], Map.of());

    public Features {
        // TokenLabels is immutable already; any other map is copied.
        labels = labels instanceof TokenLabels ? labels : Map.copyOf(labels);
    }

    /** Features that tell no places apart and give no acronyms. */
    public Features(int[] words, int[] names, int[] figures, int[] subjects, Map<Integer, String> labels) {
        this(words, names, figures, subjects, new int[0], new int[0], labels);
    }

    /** The token sets without their labels, as kept for stored events. */
    public Features unlabelled() {
        return labels.isEmpty() ? this : new Features(words, names, figures, subjects, places, aliases, Map.of());
    }

    public String label(int token) {
        return labels instanceof TokenLabels t ? t.label(token, "") : labels.getOrDefault(token, "");
    }

    public static boolean contains(int[] sorted, int token) {
        return Arrays.binarySearch(sorted, token) >= 0;
    }

    /** 32 well-mixed bits of a string (MurmurHash3's finalizer over {@link String#hashCode}). */
    public static int hash(String s) {
        int h = s.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
