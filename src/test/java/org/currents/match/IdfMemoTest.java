package org.currents.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdfMemoTest {
    @Test
    void answersAsTheWindowDoesAndAsksItOncePerToken() {
        Map<Integer, Integer> asked = new HashMap<>();
        Rarity window = t -> {
            asked.merge(t, 1, Integer::sum);
            return t * 0.5 + 1;
        };
        IdfMemo memo = new IdfMemo(window);
        Random random = new Random(7);
        int[] tokens = new int[5000];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i < 3 ? i - 1 : random.nextInt();
        }
        for (int pass = 0; pass < 3; pass++) {
            for (int t : tokens) {
                assertEquals(t * 0.5 + 1, memo.idf(t), "token " + t);
            }
        }
        assertEquals(java.util.Arrays.stream(tokens).distinct().count(), asked.size());
        asked.forEach((t, n) -> assertEquals(1, n, "asked for " + t));
    }
}
