package org.currents.parse;

/** Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1 bytes into a {@link ParsedFeed}. */
public final class FeedParser {
    /**
     * @param body        the bytes as fetched (already decompressed)
     * @param contentType the HTTP Content-Type, for its charset; may be null
     * @param url         the feed's URL, for messages and relative links
     */
    public ParsedFeed parse(byte[] body, String contentType, String url) throws FeedParseException {
        throw new UnsupportedOperationException("pending");
    }
}
