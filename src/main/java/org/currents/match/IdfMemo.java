package org.currents.match;

/**
 * The rarity of tokens read once for one decision: the forty candidates scored share most of
 * their words, and each reading is a logarithm and a probe of the window's counts.
 */
final class IdfMemo implements Rarity {
    private final Rarity rarity;
    private int[] keys = new int[256];
    private double[] values = new double[256];
    private boolean[] used = new boolean[256];
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
        if (size * 2 >= keys.length) {
            grow();
        }
        int i = slot(token);
        while (used[i]) {
            if (keys[i] == token) {
                return values[i];
            }
            i = (i + 1) & (keys.length - 1);
        }
        double idf = rarity.idf(token);
        used[i] = true;
        keys[i] = token;
        values[i] = idf;
        size++;
        return idf;
    }

    private int slot(int token) {
        int h = token * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (keys.length - 1);
    }

    private void grow() {
        int[] oldKeys = keys;
        double[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new int[oldKeys.length * 2];
        values = new double[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                int i = slot(oldKeys[j]);
                while (used[i]) {
                    i = (i + 1) & (keys.length - 1);
                }
                used[i] = true;
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
