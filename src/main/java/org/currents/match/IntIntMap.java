package org.currents.match;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * An int-to-int hash map with open addressing: the window index holds millions of token
 * entries, which boxed maps would make ten times larger. Absent keys read as {@code missing}.
 */
final class IntIntMap {
    private static final int FREE = 0;

    private int[] keys;
    private int[] values;
    private boolean hasZero;
    private int zeroValue;
    private int size;

    IntIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        values = new int[capacity];
    }

    int get(int key, int missing) {
        if (key == FREE) {
            return hasZero ? zeroValue : missing;
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
            if (keys[i] == FREE) {
                return missing;
            }
        }
    }

    void put(int key, int value) {
        if (key == FREE) {
            size += hasZero ? 0 : 1;
            hasZero = true;
            zeroValue = value;
            return;
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == FREE) {
            keys[i] = key;
            if (++size * 2 > keys.length) {
                values[i] = value;
                grow();
                return;
            }
        }
        values[i] = value;
    }

    /** Adds {@code delta} to the key's value (absent counts as 0). */
    void add(int key, int delta) {
        put(key, get(key, 0) + delta);
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = hasZero ? 1 : 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** Replaces every value with what {@code f} makes of it, key by key. */
    void replaceValues(IntUnaryOperator f) {
        if (hasZero) {
            zeroValue = f.applyAsInt(zeroValue);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                values[i] = f.applyAsInt(values[i]);
            }
        }
    }

    void clear() {
        Arrays.fill(keys, FREE);
        hasZero = false;
        size = 0;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
