package org.currents.source;

/** An OPML document that cannot be read at all, with where it went wrong when known. */
public final class OpmlException extends IllegalArgumentException {
    public OpmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
