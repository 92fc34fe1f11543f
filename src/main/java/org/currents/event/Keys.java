package org.currents.event;

/**
 * Identity keys (item keys, canonical links) as 64-bit hashes: a fixed eight bytes in the key
 * index instead of URLs of hundreds. Two keys share a hash with odds of about one in a million
 * over ten million keys, which at worst merges two reports.
 */
public final class Keys {
    private Keys() {
    }

    /** A 64-bit FNV-1a of the key's characters, finished with SplitMix64's mixer. */
    public static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
