package org.currents.match;

/**
 * What a report shares with a candidate, as the window's word postings show it, with the rarities
 * of the index: the sum of the shared words' squared rarities and the part of it from words the
 * report gives as figures, how many words are shared, the rarest shared word, and the rarest the
 * report gives as a name other than a place of the list (0 when none). Enough to bound the
 * candidate's score before its words are walked one by one.
 */
public record Shared(double squares, double figureSquares, int count, double rarest, double rarestName) {
}
