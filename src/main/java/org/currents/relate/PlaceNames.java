package org.currents.relate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.match.TextAnalyzer;

/**
 * The places an event's text names ("Nigerian" and "northeastern Nigeria" both name Nigeria), read
 * once per event of a page: an event whose outlet linked other subjects, or none, still names where
 * it happened.
 */
public final class PlaceNames {
    private final TextAnalyzer analyzer;
    private final Map<String, Map<String, String>> byEvent = new HashMap<>();

    public PlaceNames(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The places of the event's headline and summary, and of its reports' headlines when it has
     * them: each name in lower case to the name as the list writes it ("united states" to "United States").
     */
    Map<String, String> of(Event event) {
        return byEvent.computeIfAbsent(event.id(), id -> {
            Map<String, String> out = new LinkedHashMap<>();
            analyzer.places(event.headline(), event.summary()).forEach(p -> out.putIfAbsent(key(p), p));
            for (EventSource s : event.sources()) {
                if (s.headline() != null) {
                    analyzer.places(s.headline(), "").forEach(p -> out.putIfAbsent(key(p), p));
                }
            }
            return out;
        });
    }

    /** A place's or a context's name as names are compared. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
