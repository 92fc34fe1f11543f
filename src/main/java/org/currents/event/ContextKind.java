package org.currents.event;

/** Where a context came from; the weight orders how strongly a shared context relates two events. */
public enum ContextKind {
    /** The main story the portal files an event under ("Sanchi oil tanker collision"). */
    STORY(3.0),
    /** A subject page the item's HTML links to (a Wikipedia article). */
    SUBJECT(2.0),
    /** A category or tag the feed gave the item. */
    CATEGORY(1.0),
    /** An OPML outline or API grouping the source sits under. */
    SOURCE_GROUP(0.5);

    private final double weight;

    ContextKind(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
