package org.currents.match;

/** What a report shares with each event of one day, position by position, as {@link DayBucket} counts it. */
final class Tally {
    /** A word the report gives as a figure. */
    static final int FIGURE = 1;
    /** A word the report gives as a name other than a place of the list. */
    static final int NAME = 2;

    /** The rank of each event: the rarities of the words and subjects it shares, summed. */
    final double[] scores;
    private final double[] squares;
    private final double[] figureSquares;
    private final int[] counts;
    private final double[] rarest;
    private final double[] rarestName;

    Tally(int events) {
        scores = new double[events];
        squares = new double[events];
        figureSquares = new double[events];
        counts = new int[events];
        rarest = new double[events];
        rarestName = new double[events];
    }

    void word(int at, double idf, int kind) {
        double square = idf * idf;
        scores[at] += idf;
        squares[at] += square;
        counts[at]++;
        rarest[at] = Math.max(rarest[at], idf);
        if ((kind & FIGURE) != 0) {
            figureSquares[at] += square;
        }
        if ((kind & NAME) != 0) {
            rarestName[at] = Math.max(rarestName[at], idf);
        }
    }

    Shared of(int at) {
        return new Shared(squares[at], figureSquares[at], counts[at], rarest[at], rarestName[at]);
    }
}
