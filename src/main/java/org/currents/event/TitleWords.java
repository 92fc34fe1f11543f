package org.currents.event;

import java.util.Locale;
import java.util.Set;

/**
 * Words of titles and institutions that name no one in particular ("President", "Prime
 * Minister", "Government"): capitalised in news text without being names, and the titles of
 * subject pages nobody follows as such.
 */
public final class TitleWords {
    private static final Set<String> WORDS = Set.of("president", "minister", "prime", "vice", "secretary", "general",
            "chancellor", "governor", "mayor", "senator", "king", "queen", "prince", "princess", "pope", "chief", "deputy",
            "foreign", "defense", "defence", "interior", "justice", "finance", "army", "police", "court", "supreme",
            "government", "parliament", "national", "state", "federal", "republic", "democratic", "party", "council",
            "committee", "ministry", "department", "agency", "university", "north", "south", "east", "west", "northern",
            "southern", "eastern", "western", "central", "new", "former", "leader", "official", "officials", "mr", "mrs");

    private TitleWords() {
    }

    /** Whether a lower-case word is one of them. */
    public static boolean contains(String lower) {
        return WORDS.contains(lower);
    }

    /** Whether every word of {@code name} is one of them: "Prime Minister" is, "Prime Minister of India" is not. */
    public static boolean onlyTitles(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        int seen = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (!WORDS.contains(w)) {
                return false;
            }
            seen++;
        }
        return seen > 0;
    }
}
