package org.currents.match;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds the words of news text to the stems matching compares: stop words dropped, plurals and
 * verb endings removed, and the few word families outlets use interchangeably ("quake",
 * "earthquake", "tremor") folded to one. Deliberately light: a wrong fold merges what should not.
 */
public final class Stems {
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or",
            "but", "nor", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have",
            "had", "its", "it", "that", "this", "these", "those", "after", "over", "into", "onto", "s", "t", "he", "she",
            "his", "her", "him", "they", "them", "their", "we", "our", "you", "your", "i", "who", "whom", "which",
            "what", "when", "where", "while", "than", "then", "there", "here", "not", "no", "so", "up", "down", "out",
            "about", "against", "between", "during", "before", "under", "again", "also", "more", "most", "some", "such",
            "other", "all", "any", "each", "both", "only", "own", "same", "very", "can", "will", "would", "should",
            "could", "may", "might", "must", "do", "does", "did", "says", "said", "say", "saying", "according", "amid",
            "new", "one", "two", "three", "first", "last", "year", "years", "day", "days", "week", "today", "yesterday",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "via",
            "per", "just", "now", "still", "since", "until", "because", "if", "how", "why", "though", "although",
            "least", "many", "much", "several", "around", "near", "off", "through", "across", "toward", "towards",
            "reportedly", "report", "reports", "reported", "news", "latest", "update", "live", "breaking");

    /** Word families: every surface form on the left becomes the stem on the right. */
    private static final Map<String, String> FAMILIES = families(
            "earthquake: quake quakes earthquakes tremor tremors temblor",
            "explosion: blast blasts explosions exploded explodes explode",
            "death: dead deaths die dies died dying kill kills killed killing fatalities fatality toll",
            "injure: injured injures injuries injury wounded wounds wounding hurt",
            "warning: warn warns warned warnings alert alerts",
            "resign: resigns resigned resignation resigning quit quits",
            "arrest: arrests arrested detain detains detained detention",
            "protest: protests protesters protestors protested demonstrators demonstration demonstrations rally rallies",
            "attack: attacks attacked attacker attackers assault",
            "fire: fires blaze blazes wildfire wildfires",
            "crash: crashes crashed collision collides collided",
            "erupt: erupts erupted eruption eruptions erupting",
            "sentence: sentenced sentences jailed imprisoned",
            "ceasefire: truce cease-fire",
            "agreement: deal deals agreements accord accords",
            "elect: election elections elected electoral polls",
            "flee: fled flees fleeing evacuate evacuated evacuates evacuation evacuations");

    private Stems() {
    }

    public static boolean isStop(String lower) {
        return STOP.contains(lower);
    }

    /** The stem of a lower-case word. */
    public static String of(String lower) {
        String family = FAMILIES.get(lower);
        if (family != null) {
            return family;
        }
        String w = lower;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && w.endsWith("es") && !w.endsWith("ses")) {
            w = w.substring(0, w.length() - 1);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 6 && w.endsWith("ion")) {
            w = w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static Map<String, String> families(String... lines) {
        Map<String, String> out = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.split(":", 2);
            String stem = parts[0].strip();
            out.put(stem.toLowerCase(Locale.ROOT), stem);
            for (String form : parts[1].strip().split("\\s+")) {
                out.put(form, stem);
            }
        }
        return Map.copyOf(out);
    }
}
