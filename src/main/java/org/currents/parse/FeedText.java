package org.currents.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a feed's bytes, in the charset they declare (a byte order mark first, then the XML
 * prolog and the HTTP charset as {@link XmlReader} reads them), or in what they are when the
 * declaration lies: bytes that are not UTF-8 under a UTF-8 label are read as windows-1252, and
 * valid multi-byte UTF-8 under a single-byte label is read as UTF-8.
 *
 * <p>The text is read from the bytes as the parser goes, never decoded whole: a feed decoded to one
 * {@code String} is one to four times its bytes again, alive for the whole parse, and in a large
 * poll such copies were promoted to die in the old generation; a chunk dies young.
 *
 * @param start where the text starts: after a UTF-8 byte order mark
 */
record FeedText(byte[] body, Charset charset, int start) {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** An ampersand that starts no entity or character reference: a publisher's stray '&'. */
    private static final Pattern STRAY_AMPERSAND = Pattern.compile("&(?!(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});)");

    static FeedText of(byte[] body, String contentType) {
        // A byte order mark outranks the HTTP charset (RFC 7303, 3.3); ROME would read "text/xml" as
        // US-ASCII and a UTF-16 document with it as garbage.
        Charset marked = byteOrderMark(body);
        Charset charset = marked != null ? marked : declared(body, contentType);
        if (charset.equals(StandardCharsets.UTF_8) || charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-8")) {
            return Utf8.isValid(body) ? utf8(body) : new FeedText(body, WINDOWS_1252, 0);
        }
        if (isSingleByte(charset) && hasMultiByte(body) && Utf8.isValid(body)) {
            return utf8(body);
        }
        return new FeedText(body, charset, 0);
    }

    /** The charset the XML prolog and the HTTP content type declare, as ROME reads them. */
    private static Charset declared(byte[] body, String contentType) {
        String declared;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            declared = reader.getEncoding();
        } catch (IOException e) {
            declared = "UTF-8";
        }
        return charset(declared);
    }

    /** The charset a byte order mark names, or null. */
    private static Charset byteOrderMark(byte[] b) {
        if (startsWith(b, 0xef, 0xbb, 0xbf)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(b, 0x00, 0x00, 0xfe, 0xff)) {
            return Charset.forName("UTF-32BE");
        }
        if (startsWith(b, 0xff, 0xfe, 0x00, 0x00)) {
            return Charset.forName("UTF-32LE");
        }
        if (startsWith(b, 0xfe, 0xff)) {
            return StandardCharsets.UTF_16BE;
        }
        return startsWith(b, 0xff, 0xfe) ? StandardCharsets.UTF_16LE : null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static FeedText utf8(byte[] body) {
        return new FeedText(body, StandardCharsets.UTF_8, startsWith(body, 0xef, 0xbb, 0xbf) ? 3 : 0);
    }

    /** The text as the parser reads it; decoded whole in the rare charsets that are not ASCII's (UTF-16, UTF-32). */
    Reader reader() {
        return asciiCompatible() ? new ChunkReader(body, start, charset) : new StringReader(decoded());
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
