package org.currents.match;

/**
 * The rarity of tokens read once for one decision: the forty candidates scored share most of
 * their words, and each reading is a logarithm and a probe of the window's counts. Each slot
 * holds a token and its rarity side by side, so a probe touches one cache line.
 */
final class IdfMemo implements Rarity {
    /** Marks a free slot: a rarity is never negative, so no stored value has this sign bit pattern. */
    private static final long FREE = -1L;

    private final Rarity rarity;
    /** Pairs of slots: the token at 2i, the bits of its rarity at 2i + 1 (or {@link #FREE}). */
    private long[] table = empty(256);
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
        if (size * 2 >= table.length / 2) {
            grow();
        }
        int mask = table.length / 2 - 1;
        int i = slot(token, mask);
        while (table[2 * i + 1] != FREE) {
            if (table[2 * i] == token) {
                return Double.longBitsToDouble(table[2 * i + 1]);
            }
            i = (i + 1) & mask;
        }
        double idf = rarity.idf(token);
        table[2 * i] = token;
        table[2 * i + 1] = Double.doubleToRawLongBits(idf);
        size++;
        return idf;
    }

    private static int slot(int token, int mask) {
        int h = token * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private static long[] empty(int slots) {
        long[] t = new long[2 * slots];
        for (int i = 1; i < t.length; i += 2) {
            t[i] = FREE;
        }
        return t;
    }

    private void grow() {
        long[] old = table;
        table = empty(old.length);
        int mask = table.length / 2 - 1;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j + 1] != FREE) {
                int i = slot((int) old[j], mask);
                while (table[2 * i + 1] != FREE) {
                    i = (i + 1) & mask;
                }
                table[2 * i] = old[j];
                table[2 * i + 1] = old[j + 1];
            }
        }
    }
}
