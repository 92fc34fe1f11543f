package org.currents.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.function.BiConsumer;

/**
 * Place names behind demonyms and short forms ("Pakistani", "Afghans", "U.S."), so that reports
 * naming a place in different ways still share it. Acronyms ("US", "EU") count only in capitals:
 * "us" is a pronoun. Also the capitals and seats of government news names for a country
 * ("Kabul", "the Kremlin"), which name the country besides themselves.
 */
public final class Places {
    private static final String RESOURCE = "/org/currents/match/demonyms.txt";
    private static final String CAPITALS = "/org/currents/match/capitals.txt";

    private final Map<String, String> demonyms;
    private final Map<String, String> acronyms;
    private final Set<String> places;
    /** The first words of the names of more than one word ("new" of "new zealand"). */
    private final Set<String> firstWords;
    private final Map<String, String> canonical = new HashMap<>();
    /** Capitals, lower case without accents, to the place they stand for. */
    private final Map<String, String> capitals;

    private Places(Map<String, String> demonyms, Map<String, String> acronyms, Map<String, String> capitals) {
        this.demonyms = Map.copyOf(demonyms);
        this.acronyms = Map.copyOf(acronyms);
        this.capitals = Map.copyOf(capitals);
        capitals.forEach((capital, place) -> {
            if (!demonyms.containsValue(place) && !acronyms.containsValue(place)) {
                throw new IllegalArgumentException("capital " + capital + " of " + place + ", a place the list does not have");
            }
        });
        Set<String> names = new HashSet<>();
        demonyms.values().forEach(p -> names.add(p.toLowerCase(Locale.ROOT)));
        acronyms.values().forEach(p -> names.add(p.toLowerCase(Locale.ROOT)));
        this.places = Set.copyOf(names);
        Set<String> first = new HashSet<>();
        names.stream().filter(p -> p.indexOf(' ') > 0).forEach(p -> first.add(p.substring(0, p.indexOf(' '))));
        this.firstWords = Set.copyOf(first);
        demonyms.values().forEach(p -> canonical.putIfAbsent(p.toLowerCase(Locale.ROOT), p));
        acronyms.values().forEach(p -> canonical.putIfAbsent(p.toLowerCase(Locale.ROOT), p));
    }

    /** The place's name as the list writes it ("United States" for "united states"), or the phrase itself. */
    public String nameOf(String place) {
        return canonical.getOrDefault(place.toLowerCase(Locale.ROOT), place);
    }

    /** Whether {@code phrase} is exactly the name of a place of the list ("New Zealand", "France"). */
    public boolean isPlaceName(String phrase) {
        return places.contains(phrase.toLowerCase(Locale.ROOT));
    }

    /** Whether some place's name of more than one word begins with {@code word}, in any case. */
    public boolean beginsLongerName(String word) {
        return firstWords.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code name} is a place of the list ("France", "European Union"), by name, demonym or acronym. */
    public boolean isPlace(String name) {
        return places.contains(name.strip().toLowerCase(Locale.ROOT)) || placeOf(name.strip().replace(".", "")).isPresent();
    }

    /** The country or region a capital or seat of government stands for ("Kabul": Afghanistan), by its folded form. */
    public Optional<String> capitalOf(String folded) {
        return Optional.ofNullable(capitals.get(folded));
    }

    /** The lists shipped with Currents. */
    public static Places standard() {
        return parse(lines(RESOURCE), lines(CAPITALS));
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Places.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Lines of {@code Place: demonym, demonym}; blank lines and {@code #} comments are skipped. */
    static Places parse(List<String> lines) {
        return parse(lines, List.of());
    }

    /**
     * Demonyms as {@link #parse(List)} reads them, and capitals in lines of {@code Place: capital,
     * capital}, each place named as the demonyms' lines name it.
     */
    static Places parse(List<String> demonymLines, List<String> capitalLines) {
        Map<String, String> demonyms = new HashMap<>();
        Map<String, String> acronyms = new HashMap<>();
        forEachForm(demonymLines, (place, f) -> {
            if (f.length() <= 4 && f.equals(f.toUpperCase(Locale.ROOT))) {
                acronyms.put(f, place);
            } else {
                demonyms.put(f.toLowerCase(Locale.ROOT), place);
            }
        });
        Map<String, String> capitals = new HashMap<>();
        forEachForm(capitalLines, (place, f) -> capitals.put(TextAnalyzer.fold(f), place));
        return new Places(demonyms, acronyms, capitals);
    }

    private static void forEachForm(List<String> lines, BiConsumer<String, String> sink) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (line.isBlank() || line.startsWith("#") || colon < 0) {
                continue;
            }
            String place = line.substring(0, colon).strip();
            for (String form : line.substring(colon + 1).split(",")) {
                String f = form.strip().replace(".", "");
                if (!f.isEmpty()) {
                    sink.accept(place, f);
                }
            }
        }
    }

    /** The place a word names by demonym or acronym; {@code surface} as written, dots removed. */
    public Optional<String> placeOf(String surface) {
        String acronym = acronyms.get(surface);
        if (acronym != null) {
            return Optional.of(acronym);
        }
        // "poles" and "indian summer" are not places: a demonym is written with a capital.
        if (surface.isEmpty() || !Character.isUpperCase(surface.charAt(0))) {
            return Optional.empty();
        }
        return Optional.ofNullable(demonyms.get(surface.toLowerCase(Locale.ROOT)));
    }
}
