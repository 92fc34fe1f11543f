package org.currents.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeysTest {
    private static long group(long hash) {
        return hash >>> 48;
    }

    @Test
    void aSourcesItemKeysShareTheirTopBitsAndDifferBelow() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long h = Keys.hash("item:42:https://outlet.example/story/" + i);
            assertEquals(group(Keys.hash("item:42:guid-0")), group(h), "one source, one group");
            hashes.add(h);
        }
        assertEquals(1000, hashes.size());
        assertNotEquals(group(Keys.hash("item:42:x")), group(Keys.hash("item:43:x")), "another source, another group");
    }

    @Test
    void aHostsLinkKeysShareTheirTopBits() {
        assertEquals(group(Keys.hash("link:outlet.example/a")), group(Keys.hash("link:outlet.example/b?id=1")));
        assertNotEquals(group(Keys.hash("link:outlet.example/a")), group(Keys.hash("link:other.example/a")));
        // The same article through a mirror is one key whoever reports it: the group is the link's, not the source's.
        assertEquals(Keys.hash("link:wire.example/story/1"), Keys.hash("link:wire.example/story/1"));
    }

    @Test
    void aStoredHashMovesToTheGroupedLayoutWithoutItsText() {
        assertEquals(Keys.hash("item:7:tag:outlet.example,2018:1"),
                Keys.regroup(Keys.legacyHash("item:7:tag:outlet.example,2018:1"), "item:7"));
        assertEquals(Keys.hash("link:outlet.example/2018/01/a"),
                Keys.regroup(Keys.legacyHash("link:outlet.example/2018/01/a"), "link:outlet.example"));
        for (String key : new String[] {"item:7:tag:outlet.example,2018:1", "link:outlet.example/2018/01/a",
                "link:outlet.example", "item:", "sha256:abc"}) {
            assertEquals(Keys.group(key), Keys.hash(key) >>> 48, key);
        }
    }

    @Test
    void theLegacyHashIsTheOneDatabasesBeforeSchema16Hold() {
        // Taken from Keys.hash as it was before grouping: the migration finds stored keys by it.
        assertEquals(1115682195531849617L, Keys.legacyHash("item:1:a"));
        assertEquals(-4977077389096973128L, Keys.legacyHash("link:outlet.example/a"));
    }
}
