package org.currents.parse;

/** A document that is not a feed we can read, with where it went wrong when known. */
public final class FeedParseException extends Exception {
    private final String url;
    private final int line;
    private final int column;

    public FeedParseException(String url, String message, int line, int column, Throwable cause) {
        super(describe(url, message, line, column), cause);
        this.url = url;
        this.line = line;
        this.column = column;
    }

    private static String describe(String url, String message, int line, int column) {
        String where = line > 0 ? " at line " + line + (column > 0 ? ", column " + column : "") : "";
        return url + ": " + message + where;
    }

    public String url() {
        return url;
    }

    /** 1-based line of the error, or -1 when unknown. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
