package org.currents.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a feed's bytes, in the charset they declare (BOM, XML prolog, HTTP charset, as
 * {@link XmlReader} reads them), or in what they are when the declaration lies: bytes that are
 * not UTF-8 under a UTF-8 label are read as windows-1252, and valid multi-byte UTF-8 under a
 * single-byte label is read as UTF-8.
 *
 * <p>The text is read from the bytes as the parser goes, never decoded whole: a feed decoded to a
 * {@code String} is one to four times its bytes again, and in a large poll those copies were a
 * third of what parsing allocated, enough to be promoted while the feed is parsed.
 *
 * @param start where the text starts: after a UTF-8 byte order mark
 */
record FeedText(byte[] body, Charset charset, int start) {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** An ampersand that starts no entity or character reference: a publisher's stray '&'. */
    private static final Pattern STRAY_AMPERSAND = Pattern.compile("&(?!(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});)");

    static FeedText of(byte[] body, String contentType) {
        String declared;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            declared = reader.getEncoding();
        } catch (IOException e) {
            declared = "UTF-8";
        }
        Charset charset = charset(declared);
        if (charset.equals(StandardCharsets.UTF_8) || charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-8")) {
            return Utf8.isValid(body) ? utf8(body) : new FeedText(body, WINDOWS_1252, 0);
        }
        if (isSingleByte(charset) && hasMultiByte(body) && Utf8.isValid(body)) {
            return utf8(body);
        }
        return new FeedText(body, charset, 0);
    }

    private static FeedText utf8(byte[] body) {
        boolean bom = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf;
        return new FeedText(body, StandardCharsets.UTF_8, bom ? 3 : 0);
    }

    /** The text as the parser reads it. */
    Reader reader() {
        return asciiCompatible() ? new ChunkReader(body, start, charset)
                : new InputStreamReader(new ByteArrayInputStream(body, start, body.length - start), charset);
    }

    /** The whole text, byte order mark left out. */
    String decoded() {
        String s = new String(body, start, body.length - start, charset);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /**
     * Whether ROME's healer must read the text ({@link XmlHealing}); decided on the bytes where
     * the charset writes ASCII as ASCII and nothing else with bytes below 0x80, as UTF-8 and the
     * single-byte charsets do: the healer looks at ASCII characters only.
     */
    boolean needsHealing() {
        // Bytes taken one for one as characters (ISO-8859-1) keep every ASCII character where it is, and
        // the copy is a plain one, dropped before the parse begins.
        return XmlHealing.needed(asciiCompatible() ? new String(body, start, body.length - start, StandardCharsets.ISO_8859_1)
                : decoded());
    }

    private boolean asciiCompatible() {
        return isSingleByte(charset) || charset.equals(StandardCharsets.UTF_8);
    }

    /** The text with every stray '&' escaped; a repair tried only when the document did not parse as it was. */
    static String escapeStrayAmpersands(String xml) {
        return STRAY_AMPERSAND.matcher(xml).replaceAll("&amp;");
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static boolean isSingleByte(Charset c) {
        String n = c.name().toUpperCase(Locale.ROOT);
        return n.startsWith("ISO-8859") || n.startsWith("WINDOWS-125") || n.equals("US-ASCII");
    }

    private static boolean hasMultiByte(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
