package org.currents.parse;

/**
 * Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1 bytes into a {@link ParsedFeed}.
 * Sniffs the format from the first significant byte and hands off: JSON to
 * {@link JsonFeedReader}, anything else to {@link XmlFeedReader}.
 */
public final class FeedParser {
    private final XmlFeedReader xml = new XmlFeedReader();
    /** Made for the first JSON feed: most feeds are XML, and Jackson's classes take a tenth of a second to load. */
    private volatile JsonFeedReader json;

    /**
     * @param body        the bytes as fetched (already decompressed)
     * @param contentType the HTTP Content-Type, for its charset; may be null
     * @param url         the feed's URL, for messages and relative links
     */
    public ParsedFeed parse(byte[] body, String contentType, String url) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException(url, "empty document", -1, -1, null);
        }
        return looksLikeJson(body) ? json().read(body, url) : xml.read(body, contentType, url);
    }

    private JsonFeedReader json() {
        JsonFeedReader reader = json;
        if (reader == null) {
            // Two threads may each make one; either serves, and the second is soon garbage.
            reader = new JsonFeedReader();
            json = reader;
        }
        return reader;
    }

    private static boolean looksLikeJson(byte[] body) {
        int i = 0;
        // Skip a UTF-8 byte order mark, then whitespace.
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && body[i] == '{';
    }
}
