package org.currents.match;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds the words of news text to the stems matching compares: stop words dropped, British
 * spellings made American, plurals and verb endings removed, and the word families outlets use
 * for one another's words ("quake", "earthquake", "tremor"; "MPs", "lawmakers") folded to one.
 * Deliberately light: a wrong fold merges what should not, and a word folded into a common family
 * loses the rarity that made it evidence ("murder" stays apart from "killed").
 */
public final class Stems {
    // The last few are the labels feeds put before lines of their own ("Update:", "Background:"), not the happening's.
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
            "reportedly", "report", "reports", "reported", "news", "latest", "update", "live", "breaking", "background");

    /** Word families: every surface form on the left becomes the stem on the right. */
    private static final Map<String, String> FAMILIES = families(
            "earthquake: quake quakes earthquakes tremor tremors temblor",
            "explosion: blast blasts explosions exploded explodes explode",
            "death: dead deaths die dies died dying kill kills killed killing killings fatalities fatality toll slain slaying deadly lethal fatal",
            "injure: injured injures injuring injuries injury wounded wounds wounding hurt",
            "warning: warn warns warned warnings alert alerts alarm alarms",
            "resign: resigns resigned resignation resigning quit quits",
            "arrest: arrests arrested detain detains detained detention",
            "protest: protests protesters protestors protested demonstrators demonstration demonstrations rally rallies",
            "attack: attacks attacked attacker attackers assault",
            "fire: fires blaze blazes blazing wildfire wildfires flames flame ablaze inferno arson burn burns burned burnt"
                    + " burning torched",
            // Shots or staff fired, a missile firing: not a fire.
            "fired: firing",
            "crash: crashes crashed collision collide collides collided colliding",
            "erupt: erupts erupted eruption eruptions erupting volcano volcanoes volcanic",
            "sentence: sentenced sentences jailed imprisoned",
            "ceasefire: truce cease-fire",
            "agreement: deal deals agreements accord accords pact pacts",
            "elect: election elections elected electoral polls vote votes voted voting ballot ballots",
            "flee: fled flees fleeing evacuate evacuated evacuates evacuation evacuations",
            // What outlets say for one another's words in general news usage, beyond the disasters above.
            "lawmaker: lawmakers legislator legislators mps meps parliamentarians",
            "shia: shiite shiites shias",
            "kidnap: kidnaps kidnapped kidnapping kidnappings kidnappers abduct abducts abducted abduction abductions",
            "soldier: soldiers troops",
            "militant: militants insurgent insurgents rebel rebels guerrilla guerrillas guerillas jihadist jihadists",
            "gunman: gunmen shooter shooters assailant assailants",
            "plane: planes aircraft airliner airliners jet jets jetliner jetliners",
            "ship: ships vessel vessels",
            "flood: floods flooding flooded floodwaters",
            "landslide: landslides mudslide mudslides mudflow mudflows",
            "storm: storms hurricane hurricanes typhoon typhoons cyclone cyclones",
            "snow: snowfall snowstorm snowstorms blizzard blizzards",
            "sink: sinks sank sunk sunken sinking capsize capsizes capsized",
            "migrant: migrants refugee refugees",
            "deport: deports deported deportation deportations expel expels expelled expulsion",
            "ban: bans banned banning outlaw outlaws outlawed prohibit prohibits prohibited",
            "probe: probes investigation investigations investigate investigates investigating inquiry inquiries",
            "accuse: accuses accused accusation accusations allege alleges alleged allegation allegations",
            "negotiation: negotiations talks negotiate negotiates negotiating negotiator negotiators",
            "company: companies firm firms",
            "million: mln",
            "billion: bn",
            "percent: pct",
            "kilometer: kilometre kilometres kilometers km",
            "defense: defence",
            "offense: offence offences",
            "missing: unaccounted",
            "cleric: clerics clergy clergyman clergymen",
            "urge: urges urged plea pleas",
            "oust: ousts ousted ouster sack sacks sacked dismiss dismisses dismissed dismissal",
            "sue: sues sued lawsuit lawsuits",
            "win: wins won winning victory victories victorious",
            "spill: spills spilled spilt slick slicks",
            "warship: warships destroyer destroyers frigate frigates",
            "navy: naval navies",
            "missile: missiles rocket rockets",
            "charge: charges charged indict indicts indicted indictment indictments",
            "verdict: verdicts ruling rulings judgment judgement judgments judgements",
            "bankrupt: bankruptcy bankruptcies insolvent insolvency liquidation liquidate liquidated",
            "border: borders frontier frontiers",
            "strike: strikes walkout walkouts stoppage stoppages",
            "inaugurate: inaugurated inaugurates inauguration inaugurations inaugural sworn swearing-in",
            "artillery: shelling shelled bombard bombards bombarded bombardment bombardments",
            "seize: seizes seized seizing seizure seizures haul hauls confiscate confiscates confiscated",
            "hostage: hostages captive captives captivity",
            "gorge: gorges ravine ravines canyon canyons",
            "plunge: plunges plunged plunging plummet plummets plummeted",
            "riot: riots rioting rioters unrest",
            "corruption: corrupt graft bribery bribe bribes bribed kickback kickbacks",
            "invasion: invade invades invaded invading incursion incursions",
            "pope: popes pontiff pontiffs papal",
            "teenager: teenagers teen teens",
            "child: children kids",
            "police: cops policemen",
            "cryptocurrency: cryptocurrencies crypto cryptos",
            "jobless: unemployment unemployed",
            "stock: stocks equities",
            "woman: women female females lady ladies",
            "rail: rails railway railways railroad railroads train trains",
            "remark: remarks comment comments commented");

    /**
     * British endings and their American spellings: an -ise ending after four letters or more
     * ("organised", not "raised"), the others in words of more than six letters.
     */
    private static final String[][] BRITISH = {{"ised", "ized"}, {"ises", "izes"}, {"ising", "izing"},
        {"isation", "ization"}, {"isations", "izations"}, {"ise", "ize"}, {"ours", "ors"}, {"oured", "ored"},
        {"tres", "ters"}};

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
        String w = american(lower);
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4 && w.endsWith("es") && !w.endsWith("ses")) {
            // "taxes" is "tax" plus "es", "fires" is "fire" plus "s".
            boolean sibilant = w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes");
            w = w.substring(0, w.length() - (sibilant ? 2 : 1));
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        // After the plural, so that "bombings" comes to the stem of "bombing" and "bombed".
        if (w.length() > 4 && w.endsWith("ied")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = verb(w.substring(0, w.length() - 3));
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = verb(w.substring(0, w.length() - 2));
        }
        if (w.length() > 6 && w.endsWith("ion")) {
            w = w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /**
     * The verb of what is left of a word without its -ed or -ing: "stopp" of "stopped" as "stop"
     * ("kill" and "press" keep their double letter, as their plurals do), and "nam" of "named"
     * as "name", as "names" gives it: a short word of a consonant, a vowel and a consonant lost an e.
     */
    private static String verb(String w) {
        int n = w.length();
        if (n >= 4 && w.charAt(n - 1) == w.charAt(n - 2) && "bdgmnprt".indexOf(w.charAt(n - 1)) >= 0) {
            return w.substring(0, n - 1);
        }
        if (n == 3 && !isVowel(w.charAt(0)) && isVowel(w.charAt(1)) && !isVowel(w.charAt(2))
                && "wxy".indexOf(w.charAt(2)) < 0) {
            return w + "e";
        }
        return w;
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    /**
     * British spellings as American ones, where the two are the same word and the fold makes no
     * other word: "organise" and "organize", "labour" and "labor", "centre" and "center".
     */
    private static String american(String w) {
        int n = w.length();
        if (n > 4) {
            for (String[] ending : BRITISH) {
                // "organ" of "organised" is a stem to fold, "ra" of "raising" is not.
                int base = n - ending[0].length();
                if (w.endsWith(ending[0]) && (ending[0].startsWith("is") ? base >= 4 : n > 6)) {
                    return w.substring(0, base) + ending[1];
                }
            }
        }
        if (n >= 6 && w.endsWith("our")) {
            return w.substring(0, n - 2) + "r";
        }
        if (n >= 6 && w.endsWith("tre")) {
            return w.substring(0, n - 2) + "er";
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
