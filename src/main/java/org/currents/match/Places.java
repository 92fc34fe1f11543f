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

/**
 * Place names behind demonyms and short forms ("Pakistani", "Afghans", "U.S."), so that reports
 * naming a place in different ways still share it. Acronyms ("US", "EU") count only in capitals:
 * "us" is a pronoun.
 */
public final class Places {
    private static final String RESOURCE = "/org/currents/match/demonyms.txt";

    private final Map<String, String> demonyms;
    private final Map<String, String> acronyms;
    private final Set<String> places;
    /** The first words of the names of more than one word ("new" of "new zealand"). */
    private final Set<String> firstWords;
    private final Map<String, String> canonical = new HashMap<>();

    private Places(Map<String, String> demonyms, Map<String, String> acronyms) {
        this.demonyms = Map.copyOf(demonyms);
        this.acronyms = Map.copyOf(acronyms);
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

    /** The list shipped with Currents. */
    public static Places standard() {
        try (InputStream in = Places.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Lines of {@code Place: demonym, demonym}; blank lines and {@code #} comments are skipped. */
    static Places parse(List<String> lines) {
        Map<String, String> demonyms = new HashMap<>();
        Map<String, String> acronyms = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (line.isBlank() || line.startsWith("#") || colon < 0) {
                continue;
            }
            String place = line.substring(0, colon).strip();
            for (String form : line.substring(colon + 1).split(",")) {
                String f = form.strip().replace(".", "");
                if (f.isEmpty()) {
                    continue;
                }
                if (f.length() <= 4 && f.equals(f.toUpperCase(Locale.ROOT))) {
                    acronyms.put(f, place);
                } else {
                    demonyms.put(f.toLowerCase(Locale.ROOT), place);
                }
            }
        }
        return new Places(demonyms, acronyms);
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
