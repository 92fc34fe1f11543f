package org.currents.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdfMemoTest {
    @Test
    void answersAsTheWindowDoesAndAsksItOncePerTokenUntilTold() {
        Map<Integer, Integer> asked = new HashMap<>();
        double[] scale = {0.5};
        Rarity window = t -> {
            asked.merge(t, 1, Integer::sum);
            return t * scale[0] + 1;
        };
        IdfMemo memo = new IdfMemo(window);
        Random random = new Random(7);
        int[] tokens = new int[5000];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i < 3 ? i - 1 : random.nextInt();
        }
        for (int round = 0; round < 2; round++) {
            for (int pass = 0; pass < 3; pass++) {
                for (int t : tokens) {
                    assertEquals(t * scale[0] + 1, memo.idf(t), "token " + t + ", round " + round);
                }
            }
            assertEquals(java.util.Arrays.stream(tokens).distinct().count(), asked.size());
            int r = round;
            asked.forEach((t, n) -> assertEquals(1, n, "asked for " + t + ", round " + r));
            // The counts change: every rarity is read again, none kept from before.
            asked.clear();
            scale[0] = 0.25;
            memo.forget();
        }
    }

    @Test
    void forgettingSomeTokensReadsThoseAgainAndKeepsTheRest() {
        Map<Integer, Double> counts = new HashMap<>();
        Map<Integer, Integer> asked = new HashMap<>();
        Rarity window = t -> {
            asked.merge(t, 1, Integer::sum);
            return counts.getOrDefault(t, 1.0);
        };
        IdfMemo memo = new IdfMemo(window);
        for (int t = 0; t < 3000; t++) {
            memo.idf(t * 7919);
        }
        counts.put(7919, 5.0);
        counts.put(2 * 7919, 6.0);
        counts.put(-1, 9.0);
        asked.clear();
        memo.forget(new int[] {7919, 2 * 7919, -1});
        assertEquals(5.0, memo.idf(7919));
        assertEquals(6.0, memo.idf(2 * 7919));
        assertEquals(1.0, memo.idf(3 * 7919));
        assertEquals(9.0, memo.idf(-1), "a token not read before is read when asked");
        assertEquals(Map.of(7919, 1, 2 * 7919, 1, -1, 1), asked);
    }
}
