package org.currents.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntIntMapTest {
    @Test
    void readsAsAHashMapThroughGrowthZeroKeysAndClearing() {
        IntIntMap map = new IntIntMap(4);
        Map<Integer, Integer> expected = new HashMap<>();
        Random random = new Random(11);
        for (int round = 0; round < 2; round++) {
            for (int n = 0; n < 20_000; n++) {
                // Few distinct keys, so that keys are added to as well as put, and 0 (the free mark) among them.
                int key = random.nextInt(3) == 0 ? random.nextInt(5) - 2 : random.nextInt();
                int delta = random.nextInt(7) - 3;
                map.add(key, delta);
                expected.merge(key, delta, Integer::sum);
            }
            expected.forEach((k, v) -> assertEquals(v, map.get(k, -99), "key " + k));
            assertEquals(-99, map.get(123_456_789, -99));
            map.clear();
            expected.clear();
            assertEquals(-99, map.get(0, -99));
            assertEquals(-99, map.get(1, -99));
        }
    }
}
