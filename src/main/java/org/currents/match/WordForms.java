package org.currents.match;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.currents.event.Features;
import org.currents.event.TitleWords;

/**
 * What a word as written gives the analyzer whatever report it is in: a figure, a place, a word
 * with its stem's token, or nothing. News repeats its words, so each is read once (its dots and
 * case folded, looked up as a place, stemmed, hashed) and remembered; only whether a word is a
 * name depends on the report, and that is left to the analyzer.
 */
final class WordForms {
    /** Forms remembered at most (about 150 bytes each); then the memory starts again. */
    private static final int MAX_FORMS = 50_000;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    enum Kind { NONE, FIGURE, PLACE, WORD }

    /** Numbers written as words that would be figures in digits. */
    private static final Map<String, String> NUMBERS = Map.ofEntries(Map.entry("ten", "10"), Map.entry("eleven", "11"),
            Map.entry("twelve", "12"), Map.entry("thirteen", "13"), Map.entry("fourteen", "14"),
            Map.entry("fifteen", "15"), Map.entry("sixteen", "16"), Map.entry("seventeen", "17"),
            Map.entry("eighteen", "18"), Map.entry("nineteen", "19"), Map.entry("twenty", "20"), Map.entry("thirty", "30"),
            Map.entry("forty", "40"), Map.entry("fifty", "50"), Map.entry("sixty", "60"), Map.entry("seventy", "70"),
            Map.entry("eighty", "80"), Map.entry("ninety", "90"), Map.entry("hundred", "100"));
    /** Units a compound number ends with: "thirty-one". */
    private static final Map<String, Integer> UNITS = Map.of("one", 1, "two", 2, "three", 3, "four", 4, "five", 5,
            "six", 6, "seven", 7, "eight", 8, "nine", 9);

    /**
     * A word's reading: its token; for a figure, whether it counts as one (a year does not); for
     * a place, the list's name of it; for a word, its folded form, whether it is an acronym or a
     * title, and whether it is capitalised; whether a place's longer name begins with it; and the
     * country (or region) it stands for as its capital, written with a capital ("Kabul"), or null.
     */
    record Form(Kind kind, int token, boolean figure, String place, String lower, boolean acronym, boolean title,
                boolean capital, boolean beginsPlace, String capitalOf) {
    }

    private final Places places;
    private final Map<String, Form> memo = new ConcurrentHashMap<>();

    WordForms(Places places) {
        this.places = places;
    }

    Form of(String surface) {
        Form f = memo.get(surface);
        if (f == null) {
            if (memo.size() >= MAX_FORMS) {
                memo.clear();
            }
            f = read(surface);
            memo.put(surface, f);
        }
        return f;
    }

    private Form read(String surface) {
        char first = surface.charAt(0);
        boolean beginsPlace = places.beginsLongerName(surface);
        if (Character.isDigit(first)) {
            // "$2.8bn" is the figure of "$2.8 billion", "1,280kg" that of "1,280 kg": the unit is a word apart.
            String digits = surface.replace(",", "");
            int end = digits.length();
            while (Character.isLetter(digits.charAt(end - 1))) {
                end--;
            }
            String number = digits.substring(0, end);
            // "26K" is the figure of "26,000": a K is the one unit read into the number.
            boolean thousands = end == digits.length() - 1 && Character.toLowerCase(digits.charAt(end)) == 'k'
                    && PLAIN_NUMBER.matcher(number).matches();
            digits = thousands ? new BigDecimal(number).movePointRight(3).toPlainString() : number;
            if (digits.length() < 2) {
                return new Form(Kind.NONE, 0, false, null, null, false, false, false, beginsPlace, null);
            }
            // A year dates the report; it is a word, not a figure of the happening.
            boolean figure = !(digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20")));
            return new Form(Kind.FIGURE, Features.hash("#" + digits), figure, null, null, false, false, false, beginsPlace, null);
        }
        String bare = surface.replace(".", "");
        String place = places.placeOf(bare).orElse(null);
        if (place == null && Character.isUpperCase(first) && places.isPlaceName(bare)) {
            place = bare;
        }
        String lower = TextAnalyzer.fold(bare);
        String capitalOf = Character.isUpperCase(first) ? places.capitalOf(lower).orElse(null) : null;
        if (place != null) {
            // A place, however named, is one token: "U.S.", "American" and "United States" alike.
            return new Form(Kind.PLACE, TextAnalyzer.placeToken(place), false, places.nameOf(place),
                    null, false, false, false, beginsPlace, capitalOf);
        }
        String number = NUMBERS.containsKey(lower) ? NUMBERS.get(lower) : compoundNumber(lower);
        if (number != null) {
            // "Ten Syrians" and "10 Syrians" give one figure, "thirty-one" and "31" too (below ten a
            // number is no figure at all).
            return new Form(Kind.FIGURE, Features.hash("#" + number), true, null, null, false, false, false, beginsPlace, null);
        }
        if (lower.length() < 2 || Stems.isStop(lower)) {
            return new Form(Kind.NONE, 0, false, null, null, false, false, false, beginsPlace, null);
        }
        boolean acronym = surface.length() >= 2 && noLowerCase(surface);
        return new Form(Kind.WORD, Features.hash(Stems.of(lower)), false, null, lower, acronym, TitleWords.contains(lower),
                Character.isUpperCase(first), beginsPlace, capitalOf);
    }

    /** Whether {@code tens} and {@code unit} make one number written in words ("thirty" and "one"). */
    static boolean isCompoundNumber(String tens, String unit) {
        // Twenty to ninety: the tens that take a unit.
        String t = tens.toLowerCase(Locale.ROOT);
        return NUMBERS.containsKey(t) && NUMBERS.get(t).matches("[2-9]0") && UNITS.containsKey(unit.toLowerCase(Locale.ROOT));
    }

    /** The digits of "thirty-one" (31), or null when {@code lower} is not such a number. */
    private static String compoundNumber(String lower) {
        int dash = lower.indexOf('-');
        if (dash < 0 || !isCompoundNumber(lower.substring(0, dash), lower.substring(dash + 1))) {
            return null;
        }
        int tens = Integer.parseInt(NUMBERS.get(lower.substring(0, dash)));
        return String.valueOf(tens + UNITS.get(lower.substring(dash + 1)));
    }

    private static boolean noLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLowerCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
