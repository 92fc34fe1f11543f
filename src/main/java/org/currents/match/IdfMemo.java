package org.currents.match;

import java.util.Arrays;

/**
 * Rarities already read, kept until the counts behind them change: a decision reads the same few
 * hundred tokens for each of its forty candidates, and each reading is a logarithm and a probe of
 * the window's counts. The table is kept from one decision to the next; each slot holds a token,
 * the bits of its rarity and the generation it was read in, so forgetting them all is one
 * increment (a table made anew for every decision, and grown to hold its tokens, cost more than
 * the readings it saved).
 */
final class IdfMemo implements Rarity {
    private final Rarity rarity;
    private int[] tokens = new int[1024];
    private long[] bits = new long[1024];
    /** The generation each slot was read in; 0, never. */
    private int[] read = new int[1024];
    private int generation = 1;
    private int size;

    IdfMemo(Rarity rarity) {
        this.rarity = rarity;
    }

    @Override
    public double floor() {
        return rarity.floor();
    }

    @Override
    public double idf(int token) {
        if (size * 2 >= tokens.length) {
            grow();
        }
        int mask = tokens.length - 1;
        int i = slot(token, mask);
        while (read[i] == generation) {
            if (tokens[i] == token) {
                return Double.longBitsToDouble(bits[i]);
            }
            i = (i + 1) & mask;
        }
        double idf = rarity.idf(token);
        tokens[i] = token;
        bits[i] = Double.doubleToRawLongBits(idf);
        read[i] = generation;
        size++;
        return idf;
    }

    /**
     * Reads again the rarities of {@code changed}, whose counts alone changed (the number of
     * events did not): the others still hold. A report joining an event changes the counts of the
     * few words it brings, and most joins none at all.
     */
    void forget(int[] changed) {
        int mask = tokens.length - 1;
        for (int token : changed) {
            for (int i = slot(token, mask); read[i] == generation; i = (i + 1) & mask) {
                if (tokens[i] == token) {
                    bits[i] = Double.doubleToRawLongBits(rarity.idf(token));
                    break;
                }
            }
        }
    }

    /** Forgets every rarity read: the counts they came from changed. */
    void forget() {
        size = 0;
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(read, 0);
            generation = 1;
        }
    }

    private static int slot(int token, int mask) {
        int h = token * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        int[] oldTokens = tokens;
        long[] oldBits = bits;
        int[] oldRead = read;
        tokens = new int[oldTokens.length * 2];
        bits = new long[tokens.length];
        read = new int[tokens.length];
        int mask = tokens.length - 1;
        for (int j = 0; j < oldTokens.length; j++) {
            if (oldRead[j] == generation) {
                int i = slot(oldTokens[j], mask);
                while (read[i] == generation) {
                    i = (i + 1) & mask;
                }
                tokens[i] = oldTokens[j];
                bits[i] = oldBits[j];
                read[i] = generation;
            }
        }
    }
}
