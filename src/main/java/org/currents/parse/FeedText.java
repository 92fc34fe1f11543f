package org.currents.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decodes feed bytes to text by what they declare (BOM, XML prolog, HTTP charset, as
 * {@link XmlReader} reads them), and by what they are when the declaration lies: bytes that are
 * not UTF-8 under a UTF-8 label are read as windows-1252, and valid multi-byte UTF-8 under a
 * single-byte label is read as UTF-8.
 */
final class FeedText {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** An ampersand that starts no entity or character reference: a publisher's stray '&'. */
    private static final Pattern STRAY_AMPERSAND = Pattern.compile("&(?!(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});)");

    private FeedText() {
    }

    static String decode(byte[] body, String contentType) {
        String declared;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            declared = reader.getEncoding();
        } catch (IOException e) {
            declared = "UTF-8";
        }
        Charset charset = charset(declared);
        if (charset.equals(StandardCharsets.UTF_8) || charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-8")) {
            String utf8 = strictUtf8(body);
            return stripBom(utf8 != null ? utf8 : new String(body, WINDOWS_1252));
        }
        if (isSingleByte(charset) && hasMultiByte(body)) {
            String utf8 = strictUtf8(body);
            if (utf8 != null) {
                return stripBom(utf8);
            }
        }
        return stripBom(new String(body, charset));
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

    /** The bytes as UTF-8, or null if they are not UTF-8. */
    private static String strictUtf8(byte[] body) {
        // The String constructor is faster than a decoder (several times on ASCII), and it marks each
        // malformed sequence with U+FFFD: text without one decoded cleanly. Only text that has one
        // (well-formed U+FFFDs included) is decoded again strictly, to tell the two apart.
        String lenient = new String(body, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
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

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}
