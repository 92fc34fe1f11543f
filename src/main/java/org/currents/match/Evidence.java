package org.currents.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a report was judged to be (or not to be) the same happening as an event: the score and the
 * signals behind it, kept with the event so that every merge can be explained and audited.
 */
public record Evidence(double score, boolean sameArticle, List<String> subjects, List<String> names,
                       List<String> figures, List<String> rareWords, long minutesApart, boolean sameSource) {
    public static final Evidence NONE = new Evidence(0, false, List.of(), List.of(), List.of(), List.of(), 0, false);

    public Evidence {
        subjects = List.copyOf(subjects);
        names = List.copyOf(names);
        figures = List.copyOf(figures);
        rareWords = List.copyOf(rareWords);
    }

    public static Evidence sameArticle(long minutesApart) {
        return new Evidence(1, true, List.of(), List.of(), List.of(), List.of(), minutesApart, false);
    }

    /** One line for people: "same subjects Gulf of Alaska, Tsunami; 6 rare words in common (…); 2 h apart". */
    public String explain() {
        List<String> parts = new ArrayList<>();
        if (sameArticle) {
            parts.add("same article");
        }
        if (!subjects.isEmpty()) {
            parts.add("same subjects " + String.join(", ", subjects));
        }
        if (!names.isEmpty()) {
            parts.add("same names " + String.join(", ", names));
        }
        if (!figures.isEmpty()) {
            parts.add("same figures " + String.join(", ", figures));
        }
        if (!rareWords.isEmpty()) {
            parts.add(rareWords.size() + (rareWords.size() == 1 ? " rare word" : " rare words") + " in common ("
                    + String.join(", ", rareWords) + ")");
        }
        parts.add(apart());
        if (sameSource) {
            parts.add("same outlet");
        }
        return String.join("; ", parts);
    }

    private String apart() {
        if (minutesApart < 60) {
            return minutesApart + " min apart";
        }
        long hours = Math.round(minutesApart / 60.0);
        return hours < 48 ? hours + " h apart" : Math.round(hours / 24.0) + " days apart";
    }
}
