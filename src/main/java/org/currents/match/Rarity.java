package org.currents.match;

import org.currents.event.Features;

/** How telling a token is: inverse document frequency over the events matching knows of. */
public interface Rarity {
    double idf(int token);

    /** No token's idf is below this: what a bound on a vector's length may assume of tokens not read. */
    default double floor() {
        return 0;
    }

    /**
     * The length of {@code f}'s vector as {@code weighing} weighs it by these rarities. Rarities
     * whose counts change seldom may remember it until they do.
     */
    default double length(Features f, Weighing weighing) {
        return weighing.length(f, this);
    }

    /** How a vector's length follows from its features and the rarities: the same for the same arguments. */
    @FunctionalInterface
    interface Weighing {
        double length(Features f, Rarity rarity);
    }
}
