package org.currents.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The words behind a report's tokens, as an immutable map kept in two arrays sorted by token: a
 * report names a few dozen tokens, and a boxed hash map of them (built for every report, copied
 * into an immutable one, read a dozen times for the winner's explanation) cost about 3 % of a poll
 * thread. {@link Builder} keeps the first word given for a token, as {@code putIfAbsent} does.
 */
public final class TokenLabels extends AbstractMap<Integer, String> {
    private final int[] tokens;
    private final String[] words;

    private TokenLabels(int[] tokens, String[] words) {
        this.tokens = tokens;
        this.words = words;
    }

    /** The word behind {@code token}, or {@code fallback}: no boxing of the token. */
    public String label(int token, String fallback) {
        int i = Arrays.binarySearch(tokens, token);
        return i >= 0 ? words[i] : fallback;
    }

    @Override
    public String get(Object key) {
        return key instanceof Integer t ? label(t, null) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Integer t && Arrays.binarySearch(tokens, t) >= 0;
    }

    @Override
    public int size() {
        return tokens.length;
    }

    @Override
    public Set<Entry<Integer, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Integer, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < tokens.length;
                    }

                    @Override
                    public Entry<Integer, String> next() {
                        if (next >= tokens.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<Integer, String> e = Map.entry(tokens[next], words[next]);
                        next++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return tokens.length;
            }
        };
    }

    /** Collects labels in any order; the first word given for a token stays. */
    public static final class Builder {
        private int[] tokens = new int[32];
        private String[] words = new String[32];
        private int size;

        public void putIfAbsent(int token, String word) {
            if (size == tokens.length) {
                tokens = Arrays.copyOf(tokens, size * 2);
                words = Arrays.copyOf(words, size * 2);
            }
            tokens[size] = token;
            words[size] = word;
            size++;
        }

        /** The labels, each token's first word. */
        public TokenLabels build() {
            // Token in the high half, arrival in the low: sorted, equal tokens keep their order and the first stays.
            long[] order = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = (long) tokens[i] << 32 | i;
            }
            Arrays.sort(order);
            int[] sortedTokens = new int[size];
            String[] sortedWords = new String[size];
            int n = 0;
            for (long o : order) {
                int t = (int) (o >> 32);
                if (n == 0 || sortedTokens[n - 1] != t) {
                    sortedTokens[n] = t;
                    sortedWords[n] = words[(int) o];
                    n++;
                }
            }
            return new TokenLabels(Arrays.copyOf(sortedTokens, n), Arrays.copyOf(sortedWords, n));
        }
    }
}
