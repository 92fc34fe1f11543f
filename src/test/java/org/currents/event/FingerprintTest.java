package org.currents.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void rewordedReportsShareABandAndUnrelatedOnesDoNot() {
        Set<Long> a = Fingerprint.of("Mount Mayon erupts, forcing thousands of residents to evacuate", "");
        Set<Long> b = Fingerprint.of("Mount Mayon erupts, forcing thousands to evacuate", "");
        Set<Long> c = Fingerprint.of("Parliament passes the budget after a night of debate", "");
        assertTrue(shared(a, b), "near-identical headlines share a band");
        assertFalse(shared(a, c), "unrelated headlines share none");
    }

    @Test
    void headlineAndSummaryBandsNeverCoincide() {
        String text = "Floods hit Lima as the river bursts its banks";
        Set<Long> both = Fingerprint.of(text, text);
        assertEquals(2 * Fingerprint.BANDS, both.size());
        assertTrue(Fingerprint.of(text, "").stream().noneMatch(Fingerprint.of("", text)::contains));
    }

    @Test
    void tooFewWordsGiveNoBands() {
        assertTrue(Fingerprint.of("Floods", "in Lima").isEmpty());
        assertEquals(Fingerprint.of("Floods hit Lima again", ""), Fingerprint.of("FLOODS  hit lima, again!", ""));
    }

    private static boolean shared(Set<Long> x, Set<Long> y) {
        Set<Long> common = new HashSet<>(x);
        common.retainAll(y);
        return !common.isEmpty();
    }
}
