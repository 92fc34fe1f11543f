package org.currents.match;

/** How telling a token is: inverse document frequency over the events matching knows of. */
public interface Rarity {
    double idf(int token);
}
