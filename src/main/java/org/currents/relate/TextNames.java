package org.currents.relate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.Features;
import org.currents.match.TextAnalyzer;

/**
 * The names an event's text gives, read once per event of a page: the places ("Nigerian" and
 * "northeastern Nigeria" both name Nigeria) and the people and organisations (words capitalised
 * mid-sentence, acronyms: "Zakzaky", "Senate") as matching reads them. An event whose outlet
 * linked other subjects, or none, still names where it happened and who took part.
 */
public final class TextNames {
    private final TextAnalyzer analyzer;
    private final Map<String, Map<String, String>> byEvent = new HashMap<>();

    public TextNames(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The names of the event's headline and summary, and the places of its reports' headlines when
     * it has them: each name's key (a place's name in lower case, "united states"; "#" and the
     * token of any other name) to the name as written ("United States", "Zakzaky").
     */
    Map<String, String> of(Event event) {
        return byEvent.computeIfAbsent(event.id(), id -> {
            Map<String, String> out = new LinkedHashMap<>();
            TextAnalyzer.Reading text = analyzer.read(event.headline(), event.summary(), List.of());
            text.places().forEach(p -> out.putIfAbsent(key(p), p));
            for (EventSource s : event.sources()) {
                if (s.headline() != null) {
                    analyzer.places(s.headline(), "").forEach(p -> out.putIfAbsent(key(p), p));
                }
            }
            Features f = text.features();
            for (int token : f.names()) {
                String label = f.label(token);
                // Places are named above by the list's names, whatever form the text used.
                if (label != null && !Features.contains(f.places(), token)) {
                    out.putIfAbsent("#" + token, label);
                }
            }
            return out;
        });
    }

    /** Whether a key of {@link #of} is a place's. */
    static boolean isPlace(String key) {
        return !key.startsWith("#");
    }

    /** A place's or a context's name as names are compared. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
