package org.currents.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Slugs made and checked without regular expressions agree with the definitions that used them. */
class SlugsTest {
    private static final String ALPHABET = "aZ09 -_.'\u00e9\u00c5\u0301\u00df\u0130\u2019\u00bd\uFB01\u4e2d-";

    @Test
    void slugsAsTheRegularExpressionsMadeThem() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of("", "Ünïcödé Wörds", "Façade Be Local film", "ﬁre İstanbul ½",
                "Published & Patient", "  --  ", "U.S. strikes"));
        for (int n = 0; n < 5000; n++) {
            texts.add(random(random, 12));
        }
        for (String text : texts) {
            assertEquals(reference(text), Slugs.of(text), text);
        }
    }

    @Test
    void isSlugAsTheRegularExpressionSaid() {
        Random random = new Random(11);
        List<String> candidates = new ArrayList<>(List.of("", "a", "-", "a-", "-a", "a--b", "a-b-c", "A", "abc-1",
                "x".repeat(148), "x".repeat(149)));
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                s.append("ab9-A_".charAt(random.nextInt(6)));
            }
            candidates.add(s.toString());
        }
        for (String s : candidates) {
            boolean expected = !s.isEmpty() && s.length() <= Slugs.MAX_LENGTH + 8 && s.matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertEquals(expected, Slugs.isSlug(s), s);
        }
    }

    private static String random(Random random, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(max); i > 0; i--) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** Slugs.of as it was: NFKD and a regular expression for every text. */
    private static String reference(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < folded.length() && out.length() < Slugs.MAX_LENGTH; i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (hyphen && out.length() > 0) {
                    out.append('-');
                }
                out.append(c);
                hyphen = false;
            } else {
                hyphen = true;
            }
        }
        return out.length() == 0 ? "untitled" : out.toString();
    }
}
