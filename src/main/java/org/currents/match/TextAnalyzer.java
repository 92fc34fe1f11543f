package org.currents.match;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.currents.event.Features;
import org.currents.event.TokenLabels;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventSource;

/**
 * Reads the {@link Features} of a report from its headline, summary and contexts. A word is a
 * name when it is written with a capital where a sentence does not begin, anywhere in the
 * report (so title-cased headlines and sentence starts do not make names of ordinary words),
 * when it is an acronym, or when it names a place by demonym.
 */
public final class TextAnalyzer {
    /** Longest place name read as one ("Democratic Republic of the Congo" is read by its acronym or demonym). */
    private static final int PLACE_WORDS = 4;

    /** Small words inside a name, which its acronym leaves out. */
    private static final Set<String> CONNECTORS = Set.of("of", "and", "for", "the", "on", "de", "del", "des", "du", "la");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /**
     * Nouns an outlet writes where another writes the verb and its particle: "the shutdown" and
     * "the government shuts down", "layoffs" and "lays off".
     */
    private static final Set<String> COMPOUNDS = Set.of("shutdown", "lockdown", "crackdown", "clampdown", "meltdown",
            "breakdown", "walkout", "pullout", "bailout", "buyout", "payout", "rollout", "sellout", "takeover",
            "handover", "standoff", "selloff", "layoff", "spinoff", "shakeup", "breakup", "setback", "pushback",
            "cutback", "comeback");
    private static final String[] PARTICLES = {"down", "out", "over", "off", "up", "back"};
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");

    private final Places places;
    private final WordForms forms;

    public TextAnalyzer(Places places) {
        this.places = places;
        this.forms = new WordForms(places);
    }

    /**
     * An event as a merge candidate, as matching left it in memory: the features of its first
     * report (the event's own headline, summary and contexts), widened by each report that joined
     * it, in the order they joined, by its headline and the summary it was matched by
     * ({@link Candidate#joinedBy(long, Features)}). So an event read back from the store, after a
     * restart or another node's ingest, is matched as it was before. Reports stored before their
     * summaries were kept give their headlines alone.
     */
    public Candidate candidate(Event e) {
        List<EventSource> sources = e.sources();
        Instant earliest = e.published();
        Instant latest = e.published();
        for (EventSource s : sources) {
            if (s.published() != null && s.published().isBefore(earliest)) {
                earliest = s.published();
            }
            if (s.published() != null && s.published().isAfter(latest)) {
                latest = s.published();
            }
        }
        long[] first = sources.isEmpty() ? new long[0] : new long[] {sources.get(0).sourceId()};
        Candidate c = new Candidate(e.id(), e.published(), earliest, latest, first,
                analyze(e.headline(), e.summary(), e.contexts()).unlabelled());
        for (int i = 1; i < sources.size(); i++) {
            EventSource s = sources.get(i);
            c = c.joinedBy(s.sourceId(), analyze(s.headline(), s.summary(), List.of()));
        }
        return c;
    }

    /** The places a report names, by the list's names, in order of first mention. */
    public List<String> places(String headline, String summary) {
        Collector collect = collector(headline, summary);
        return List.copyOf(collect.placeNames);
    }

    public Features analyze(String headline, String summary, List<Context> contexts) {
        return read(headline, summary, contexts).features();
    }

    /** A report's features and the places it names ({@link #places}), from one reading of its text. */
    public record Reading(Features features, List<String> places) {
    }

    public Reading read(String headline, String summary, List<Context> contexts) {
        Collector collect = collector(headline, summary);
        Tokens subjects = new Tokens();
        for (Context c : contexts) {
            // Categories are each outlet's own tags ("World", "Politics"): they say little of the happening.
            if (c.kind() == ContextKind.STORY || c.kind() == ContextKind.SUBJECT) {
                int h = Features.hash("s:" + c.slug());
                subjects.add(h);
                collect.labels.putIfAbsent(h, c.name());
            }
        }
        return new Reading(new Features(ints(collect.words), ints(collect.names), ints(collect.figures), ints(subjects),
                ints(collect.placeTokens), ints(collect.aliases), collect.labels.build()), List.copyOf(collect.placeNames));
    }

    private Collector collector(String headline, String summary) {
        Set<String> capitalised = new HashSet<>();
        Collector collect = new Collector(capitalised);
        List<Text> texts = new ArrayList<>(2);
        for (String text : new String[] {headline, summary}) {
            if (text == null) {
                continue;
            }
            List<String> words = new ArrayList<>();
            BitSet afterSpace = new BitSet();
            BitSet sentenceStarts = new BitSet();
            scan(text, (surface, sentenceStart, joined) -> {
                afterSpace.set(words.size(), joined);
                sentenceStarts.set(words.size(), sentenceStart);
                words.add(surface);
            });
            Text read = new Text(words, afterSpace, shouted(words), isTitleCase(text));
            for (int i = 0; i < read.words.size(); i++) {
                String surface = read.words.get(i);
                if (!read.titleCase && !sentenceStarts.get(i) && !read.shouted.get(i)
                        && Character.isUpperCase(surface.charAt(0))) {
                    capitalised.add(fold(surface));
                }
            }
            texts.add(read);
        }
        // Every text's capitals are known before any word is folded: a name may be capitalised only in the other.
        for (Text t : texts) {
            for (int i = 0; i < t.words.size(); i += collect.words(t.words, t.shouted, i)) {
                // collect.words consumes one word, or the words of a place's name
            }
        }
        // After every word, so that a word keeps its own label where an acronym is also a word of the text.
        for (Text t : texts) {
            if (!t.titleCase) {
                collect.acronyms(t.words, t.afterSpace);
            }
        }
        return collect;
    }

    /**
     * A text's words, which of them only spaces part from the word before, which are shouted
     * ({@link #shouted}), and whether it is title-cased.
     */
    private record Text(List<String> words, BitSet afterSpace, BitSet shouted, boolean titleCase) {
    }

    /**
     * The words written in capitals beside another such word: a tabloid's "BOOM BOAT NABBED OFF
     * CRETE" or "DOW WOW!" shouts, and its words are no acronyms or names; an acronym stands
     * alone ("FBI agents", "the UN says"). A place of the list is still read as one.
     */
    private static BitSet shouted(List<String> words) {
        BitSet out = new BitSet();
        for (int i = 0; i < words.size(); i++) {
            if (isCapitals(words.get(i)) && (i > 0 && isCapitals(words.get(i - 1))
                    || i + 1 < words.size() && isCapitals(words.get(i + 1)))) {
                out.set(i);
            }
        }
        return out;
    }

    /** Whether a word has two letters or more and no lower-case one. */
    private static boolean isCapitals(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters += Character.isLetter(c) ? 1 : 0;
        }
        return letters >= 2;
    }

    /** Folds one word into the collector's sets. */
    private final class Collector {
        final Set<String> capitalised;
        final Tokens words = new Tokens();
        final Tokens names = new Tokens();
        final Tokens figures = new Tokens();
        final Tokens placeTokens = new Tokens();
        final Tokens aliases = new Tokens();
        final TokenLabels.Builder labels = new TokenLabels.Builder();
        final java.util.LinkedHashSet<String> placeNames = new java.util.LinkedHashSet<>();

        Collector(Set<String> capitalised) {
            this.capitalised = capitalised;
        }

        /**
         * Folds the word at {@code i}, or the place a run of capitalised words from there names
         * ("United States", "Gulf of Alaska" is not one, "New Zealand" is); returns how many were read.
         * A {@code shouted} word is read as a plain word, never a name.
         */
        int words(List<String> words, BitSet shouted, int i) {
            String surface = words.get(i);
            if (isPartOfDate(words, i)) {
                return 1;
            }
            compound(words, i);
            if (!Character.isUpperCase(surface.charAt(0))) {
                word(surface, false);
                return 1;
            }
            // Most capitalised words begin no place's name of several words: no phrase to try.
            int longest = forms.of(surface).beginsPlace() ? Math.min(PLACE_WORDS, words.size() - i) : 1;
            for (int n = longest; n >= 2; n--) {
                String phrase = String.join(" ", words.subList(i, i + n));
                if (places.isPlaceName(phrase)) {
                    place(places.nameOf(phrase), placeToken(phrase), phrase);
                    return n;
                }
            }
            word(words.get(i), shouted.get(i));
            return 1;
        }

        /** The noun of the verb at {@code i} and the particle after it ("shuts down": shutdown), as a word more. */
        private void compound(List<String> text, int i) {
            String particle = i + 1 < text.size() ? particle(text.get(i + 1)) : null;
            if (particle != null) {
                String noun = Stems.of(fold(text.get(i))) + particle;
                if (COMPOUNDS.contains(noun)) {
                    WordForms.Form f = forms.of(noun);
                    words.add(f.token());
                    labels.putIfAbsent(f.token(), noun);
                }
            }
        }

        /** The particle {@code word} is, in lower case, or null: asked of every word, so nothing is folded. */
        private static String particle(String word) {
            if (word.length() <= 4) {
                for (String p : PARTICLES) {
                    if (p.equalsIgnoreCase(word)) {
                        return p;
                    }
                }
            }
            return null;
        }

        /**
         * Whether the word at {@code i} is the day or the month of a date ("Jan. 23", "23 January"):
         * a date dates the report, and is neither a figure of the happening nor a word or name of
         * it. The reports' times already say how near they are, and two happenings of a day are
         * dated alike: Iran's protest at the "January 12" sanctions on its chief justice and India's
         * judges' revolt of "January 12" against theirs were merged in the app, with "January" a name
         * both give. No pair of the quality sets' replays moved.
         */
        private boolean isPartOfDate(List<String> words, int i) {
            // The day first: it is a look at one character, where a month is a folded word (every word is asked).
            return isDay(words, i) && (isMonth(words, i - 1) || isMonth(words, i + 1))
                    || (isDay(words, i - 1) || isDay(words, i + 1)) && isMonth(words, i);
        }

        private boolean isDay(List<String> words, int i) {
            return i >= 0 && i < words.size() && words.get(i).length() <= 2 && Character.isDigit(words.get(i).charAt(0));
        }

        private boolean isMonth(List<String> words, int i) {
            return i >= 0 && i < words.size() && MONTHS.contains(fold(words.get(i)).replace(".", ""));
        }

        /** Folds a word; a {@code shouted} one is never a name, however it is written. */
        void word(String surface, boolean shouted) {
            WordForms.Form f = forms.of(surface);
            int h = f.token();
            if (f.capitalOf() != null) {
                // The country too, beside the city's own name: "Seoul" and "Pyongyang" in one report,
                // South Korea and North Korea in another. Only the country is a place of the list:
                // counted as one, the city's name gave two of the blind sets' pairs less.
                int country = placeToken(f.capitalOf());
                words.add(country);
                names.add(country);
                placeTokens.add(country);
                labels.putIfAbsent(country, places.nameOf(f.capitalOf()));
            }
            switch (f.kind()) {
                case FIGURE -> {
                    words.add(h);
                    if (f.figure()) {
                        figures.add(h);
                    }
                }
                case PLACE -> {
                    place(f.place(), h, surface);
                    return;
                }
                case WORD -> {
                    words.add(h);
                    if ((f.acronym() || f.capital() && capitalised.contains(f.lower())) && !f.title() && !shouted) {
                        names.add(h);
                    }
                }
                case NONE -> {
                    return;
                }
            }
            labels.putIfAbsent(h, surface);
        }

        /**
         * The acronyms, of three to five letters, of names of capitalised words in a row (with
         * "of", "and" and the like between them, nothing but spaces between any two): "Bar Council
         * of India" makes BCI, "Immigration and Customs Enforcement" ICE, "Department of Justice"
         * DOJ. One outlet names a body in full where another gives its acronym.
         */
        void acronyms(List<String> words, BitSet afterSpace) {
            int i = 0;
            while (i < words.size()) {
                if (!isNamePart(words.get(i))) {
                    i++;
                    continue;
                }
                // Some acronyms keep the O of "of" (DOJ), most do not (BCI): both are read.
                StringBuilder initials = new StringBuilder().append(words.get(i).charAt(0));
                StringBuilder withOf = new StringBuilder(initials);
                boolean of = false;
                int end = i + 1;
                for (int j = i + 1; j < words.size() && afterSpace.get(j); j++) {
                    if (isNamePart(words.get(j))) {
                        initials.append(words.get(j).charAt(0));
                        withOf.append(of ? "O" : "").append(words.get(j).charAt(0));
                        of = false;
                        end = j + 1;
                    } else if (CONNECTORS.contains(words.get(j))) {
                        of |= words.get(j).equals("of");
                    } else {
                        break;
                    }
                }
                String phrase = String.join(" ", words.subList(i, end));
                alias(initials.toString(), phrase);
                alias(withOf.toString(), phrase);
                i = end;
            }
        }

        private void alias(String initials, String phrase) {
            if (initials.length() >= 3 && initials.length() <= 5) {
                WordForms.Form f = forms.of(initials);
                if (f.kind() == WordForms.Kind.WORD && f.acronym()) {
                    aliases.add(f.token());
                    labels.putIfAbsent(f.token(), phrase);
                }
            }
        }

        /** A word of a name: capitalised, and so written somewhere no sentence begins. */
        private boolean isNamePart(String word) {
            return Character.isUpperCase(word.charAt(0)) && Character.isLetter(word.charAt(word.length() - 1))
                    && capitalised.contains(fold(word));
        }

        /** A place, however named, is one token: "U.S.", "American" and "United States" alike. */
        private void place(String name, int token, String surface) {
            placeNames.add(name);
            words.add(token);
            names.add(token);
            placeTokens.add(token);
            labels.putIfAbsent(token, surface);
        }
    }

    /**
     * Calls {@code sink} with every word and number of {@code text}, whether a sentence begins
     * there, and whether nothing but spaces parts it from the word before.
     */
    static void scan(String text, WordSink sink) {
        int n = text.length();
        boolean sentenceStart = true;
        boolean joined = false;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n') {
                    sentenceStart = true;
                }
                joined &= isSpace(c);
                i++;
                continue;
            }
            int start = i;
            boolean number = Character.isDigit(c);
            i++;
            while (i < n) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d)) {
                    i++;
                } else if (i + 1 < n && isJoiner(text, i, number)) {
                    i += 2;
                } else {
                    break;
                }
            }
            // "Thirty-one" is one number, where a hyphen otherwise parts two words ("Russia-linked").
            if (!number && i + 1 < n && text.charAt(i) == '-' && Character.isLetter(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                if (WordForms.isCompoundNumber(text.substring(start, i), text.substring(i + 1, end))) {
                    i = end;
                }
            }
            // "U.S." keeps its last dot, which ends no sentence.
            if (i < n && text.charAt(i) == '.' && i - start >= 3 && text.charAt(i - 2) == '.') {
                i++;
            }
            sink.accept(text.substring(start, i), sentenceStart, joined);
            sentenceStart = false;
            joined = true;
        }
    }

    /** Inside a number, "." "," and "-" join digits (7.9, 40,000, 81-18); inside a word, "." joins initials (U.S). */
    private static boolean isJoiner(String text, int i, boolean number) {
        char d = text.charAt(i);
        char next = text.charAt(i + 1);
        if (number) {
            return (d == '.' || d == ',' || d == '-') && Character.isDigit(next) && Character.isDigit(text.charAt(i - 1));
        }
        return d == '.' && Character.isUpperCase(next) && Character.isUpperCase(text.charAt(i - 1))
                && (i < 2 || !Character.isLetter(text.charAt(i - 2)));
    }

    /** A headline written With Every Word Capitalised says nothing about which words are names. */
    private static boolean isTitleCase(String text) {
        int words = 0;
        int capitals = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i - start > 3 && Character.isLetter(text.charAt(start))) {
                words++;
                if (Character.isUpperCase(text.charAt(start))) {
                    capitals++;
                }
            }
        }
        return words >= 3 && capitals * 10 >= words * 8;
    }

    /** What the regular expression {@code \s} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The token of a place, by any of its names. */
    static int placeToken(String place) {
        return Features.hash("place:" + fold(place));
    }

    static String fold(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 128) {
                return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
            }
        }
        return word.toLowerCase(Locale.ROOT);
    }

    private static int[] ints(Tokens tokens) {
        return tokens.sortedDistinct();
    }

    /** A growable list of token hashes, read out sorted and without repeats (no boxing). */
    private static final class Tokens {
        private int[] values = new int[32];
        private int size;

        void add(int token) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = token;
        }

        int[] sortedDistinct() {
            int[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            int n = 0;
            for (int i = 0; i < out.length; i++) {
                if (n == 0 || out[i] != out[n - 1]) {
                    out[n++] = out[i];
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    @FunctionalInterface
    interface WordSink {
        void accept(String surface, boolean sentenceStart, boolean joined);
    }
}
