package org.currents.event;

import java.text.Normalizer;
import java.util.Locale;

/** Makes URL slugs from names and headlines the way the portal's paths do. */
public final class Slugs {
    /** Longest slug kept; the portal cuts its event slugs at about this length. */
    public static final int MAX_LENGTH = 140;

    private Slugs() {
    }

    /**
     * Lower-case ASCII words joined by single hyphens: accents are folded, every other run of
     * non-alphanumerics becomes one hyphen; never empty ("untitled" for a name with no letters).
     */
    public static String of(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
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

    public static boolean isSlug(String s) {
        return s != null && !s.isEmpty() && s.length() <= MAX_LENGTH + 8 && s.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
