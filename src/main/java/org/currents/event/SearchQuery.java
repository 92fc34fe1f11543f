package org.currents.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader typed into search, reduced to the words a full-text index can look up: letters
 * and digits only, so nothing the reader types reaches a query language (SQL, tsquery, H2's
 * full-text syntax) as syntax. Every word must match (in the headline, summary or a context name).
 */
public record SearchQuery(String text, List<String> terms) {
    /** Longer text than this is refused rather than cut, so the reader knows why. */
    public static final int MAX_CHARS = 200;
    public static final int MAX_TERMS = 8;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{2,40}");

    public SearchQuery {
        terms = List.copyOf(terms);
    }

    /**
     * The query for {@code text}.
     *
     * @throws IllegalArgumentException with a sentence for the reader when there is nothing to
     *     search for or too much
     */
    public static SearchQuery parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type one or more words to search for.");
        }
        if (t.codePointCount(0, t.length()) > MAX_CHARS) {
            throw new IllegalArgumentException("A search may be at most " + MAX_CHARS + " characters long; this one has "
                    + t.codePointCount(0, t.length()) + ".");
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(t);
        while (m.find() && words.size() < MAX_TERMS) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("Nothing to search for in '" + t + "': search looks for words of two or "
                    + "more letters or digits.");
        }
        return new SearchQuery(t, new ArrayList<>(words));
    }
}
