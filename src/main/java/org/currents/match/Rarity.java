package org.currents.match;

/** How telling a token is: inverse document frequency over the events matching knows of. */
public interface Rarity {
    double idf(int token);

    /** No token's idf is below this: what a bound on a vector's length may assume of tokens not read. */
    default double floor() {
        return 0;
    }
}
