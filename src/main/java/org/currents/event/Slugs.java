package org.currents.event;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Makes URL slugs from names and headlines the way the portal's paths do. */
public final class Slugs {
    /** Longest slug kept; the portal cuts its event slugs at about this length. */
    public static final int MAX_LENGTH = 140;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Slugs() {
    }

    /**
     * Lower-case ASCII words joined by single hyphens: accents are folded, every other run of
     * non-alphanumerics becomes one hyphen; never empty ("untitled" for a name with no letters).
     */
    public static String of(String text) {
        String folded = fold(text == null ? "" : text);
        StringBuilder out = new StringBuilder(Math.min(folded.length(), MAX_LENGTH));
        boolean hyphen = false;
        for (int i = 0; i < folded.length() && out.length() < MAX_LENGTH; i++) {
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

    /** Lower case without accents; ASCII text, which has no accents to fold, skips the decomposition. */
    private static String fold(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code s} is words of [a-z0-9] joined by single hyphens (checked by hand: every context read checks it). */
    public static boolean isSlug(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH + 8 || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alnum && (c != '-' || s.charAt(i - 1) == '-')) {
                return false;
            }
        }
        return true;
    }
}
