package org.currents.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void wellFormedText() {
        assertTrue(Utf8.isValid(new byte[0]));
        assertTrue(Utf8.isValid("plain ASCII, longer than eight bytes".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Utf8.isValid("café – naïve – 東京 – 𝄞 – \uFFFD".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Utf8.isValid(bytes("f4 8f bf bf")), "U+10FFFF");
        assertTrue(Utf8.isValid(bytes("ed 9f bf")), "U+D7FF, below the surrogates");
    }

    @Test
    void malformedText() {
        assertFalse(Utf8.isValid(bytes("c0 80")), "overlong NUL");
        assertFalse(Utf8.isValid(bytes("e0 80 80")), "overlong three bytes");
        assertFalse(Utf8.isValid(bytes("f0 80 80 80")), "overlong four bytes");
        assertFalse(Utf8.isValid(bytes("ed a0 80")), "a surrogate");
        assertFalse(Utf8.isValid(bytes("f4 90 80 80")), "past U+10FFFF");
        assertFalse(Utf8.isValid(bytes("f5 80 80 80")));
        assertFalse(Utf8.isValid(bytes("80")), "a continuation byte alone");
        assertFalse(Utf8.isValid(bytes("41 42 43 44 45 46 47 48 e9 20")), "windows-1252 é after eight ASCII bytes");
        assertFalse(Utf8.isValid(bytes("e6 9d")), "cut short");
        assertFalse(Utf8.isValid(bytes("e6 41 80")));
    }

    @Test
    void agreesWithTheStrictDecoderOnRandomBytes() {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(24)];
            for (int i = 0; i < b.length; i++) {
                // Mostly ASCII with lead and continuation bytes among them, as in text that went wrong.
                int kind = random.nextInt(4);
                b[i] = (byte) (kind < 2 ? random.nextInt(0x80) : kind == 2 ? 0x80 + random.nextInt(0x40) : 0xc0 + random.nextInt(0x40));
            }
            assertEquals(decodes(b), Utf8.isValid(b), HexFormat.ofDelimiter(" ").formatHex(b));
        }
    }

    private static boolean decodes(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] bytes(String hex) {
        return HexFormat.ofDelimiter(" ").parseHex(hex);
    }
}
