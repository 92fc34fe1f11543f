package org.currents.event;

import java.util.List;

/**
 * Another event related to one event, with why: the contexts the two share (strongest first; the
 * first is "the context that relates them", as the portal prints it) or, when they share none,
 * the telling words their texts have in common; and the ranking score.
 */
public record RelatedEvent(EventHeadline event, List<Context> via, List<String> words, double score) {
    public RelatedEvent {
        via = List.copyOf(via);
        words = List.copyOf(words);
        if (via.isEmpty() && words.isEmpty()) {
            throw new IllegalArgumentException("a related event needs the context or the words that relate it");
        }
    }

    /** Related through shared contexts. */
    public RelatedEvent(EventHeadline event, List<Context> via, double score) {
        this(event, via, List.of(), score);
    }

    /** Why, in a few words: the shared contexts' names, else "words in common: …". */
    public String reason() {
        return via.isEmpty() ? "words in common: " + String.join(", ", words)
                : String.join(", ", via.stream().map(Context::name).toList());
    }
}
