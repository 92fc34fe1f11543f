package org.currents.event;

/**
 * Identity keys (item keys, canonical links) as 64-bit hashes: a fixed eight bytes in the key
 * index instead of URLs of hundreds.
 *
 * <p>The top 16 bits hash the key's group (its source for {@code item:SOURCE:ID}, its host for
 * {@code link:HOST/PATH}), the other 48 the whole key. So a feed's keys sit side by side in the
 * key index, in a few of its pages, and a commit rewrites those few instead of one page per key
 * (with random hashes, a feed of 50 items touched about a hundred pages of the index). Two keys of
 * one group share a hash with odds of about one in ten thousand over a million keys, which at
 * worst merges two reports.
 */
public final class Keys {
    private static final long GROUP_BITS = 0xFFFF_0000_0000_0000L;

    private Keys() {
    }

    public static long hash(String key) {
        return regroup(legacyHash(key), groupOf(key));
    }

    /** The 16 bits {@link #hash} leads a key with: the same for every key of its group. */
    public static int group(String key) {
        return (int) (legacyHash(groupOf(key)) >>> 48);
    }

    /** {@code item:SOURCE} of an item key, {@code link:HOST} of a link key, else the key itself. */
    private static String groupOf(String key) {
        int end = key.startsWith("item:") ? key.indexOf(':', 5) : key.startsWith("link:") ? key.indexOf('/', 5) : -1;
        return end > 0 ? key.substring(0, end) : key;
    }

    /**
     * The hash {@link #hash} gives a key of {@code group} whose {@link #legacyHash} is {@code legacy}:
     * a stored key can be moved to the grouped layout without its text.
     */
    public static long regroup(long legacy, String group) {
        return (legacyHash(group) & GROUP_BITS) | (legacy >>> 16);
    }

    /** The hash before keys were grouped (schema 16): a 64-bit FNV-1a, finished with SplitMix64's mixer. */
    public static long legacyHash(String key) {
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
