package org.currents.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenLabelsTest {
    @Test
    void theFirstWordGivenForATokenStays() {
        TokenLabels.Builder b = new TokenLabels.Builder();
        b.putIfAbsent(7, "Kabul");
        b.putIfAbsent(-3, "minus");
        b.putIfAbsent(7, "kabul");
        b.putIfAbsent(Integer.MIN_VALUE, "least");
        TokenLabels labels = b.build();
        assertEquals(Map.of(7, "Kabul", -3, "minus", Integer.MIN_VALUE, "least"), labels);
        assertEquals("Kabul", labels.label(7, ""));
        assertEquals("", labels.label(8, ""));
        assertNull(labels.get("7"));
        assertTrue(labels.containsKey(-3));
        assertFalse(labels.containsKey(8));
    }

    @Test
    void readsAsAHashMapFilledTheSameWayDoes() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            TokenLabels.Builder b = new TokenLabels.Builder();
            Map<Integer, String> expected = new HashMap<>();
            for (int i = 0, n = random.nextInt(120); i < n; i++) {
                int token = random.nextInt(50) - 25 + (random.nextBoolean() ? Integer.MAX_VALUE / 2 : 0);
                String word = "w" + i;
                b.putIfAbsent(token, word);
                expected.putIfAbsent(token, word);
            }
            TokenLabels labels = b.build();
            assertEquals(expected, labels);
            assertEquals(expected.hashCode(), labels.hashCode());
            expected.forEach((t, w) -> assertEquals(w, labels.label(t, "")));
        }
    }

    @Test
    void featuresKeepTheirLabelsAndLoseThemUnlabelled() {
        TokenLabels.Builder b = new TokenLabels.Builder();
        b.putIfAbsent(5, "five");
        Features f = new Features(new int[] {5}, new int[0], new int[0], new int[0], b.build());
        assertEquals("five", f.label(5));
        assertEquals("", f.label(6));
        assertEquals(Map.of(), f.unlabelled().labels());
    }
}
