package org.currents.event;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a subject's name reads as a story the news follows over days ("2018 Tunisian
 * protests", "Sanchi oil tanker collision", "Syrian Civil War") rather than a person, place or
 * thing: it names a year or a kind of happening. Such a subject linked by events on several
 * days becomes a story.
 */
public final class StoryNames {
    public static final int MIN_EVENTS = 3;
    public static final int MIN_DAYS = 2;
    private static final Set<String> HAPPENINGS = Set.of("war", "crisis", "conflict", "election", "elections",
            "referendum", "protests", "protest", "shutdown", "attack", "attacks", "bombing", "bombings", "shooting",
            "collision", "crash", "disaster", "earthquake", "eruption", "activity", "outbreak", "epidemic", "pandemic",
            "summit", "olympics", "games", "championship", "cup", "march", "relations", "dispute", "case", "trial",
            "murder", "scandal", "investigation", "affair", "hurricane", "typhoon", "cyclone", "storm", "floods",
            "flood", "wildfires", "wildfire", "fire", "famine", "negotiations", "talks", "agreement", "deal", "operation",
            "offensive", "siege", "battle", "insurgency", "uprising", "coup", "persecution", "genocide", "strike",
            "strikes", "visit", "recognition", "withdrawal", "independence", "impeachment", "hostage", "kidnapping",
            "explosion", "sinking", "spill", "tariffs", "sanctions", "program", "programme", "crackdown");

    private StoryNames() {
    }

    public static boolean isStoryLike(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        if (words.length < 2) {
            return false;
        }
        for (String w : words) {
            if (HAPPENINGS.contains(w) || w.matches("(19|20)\\d\\d")) {
                return true;
            }
        }
        return false;
    }
}
