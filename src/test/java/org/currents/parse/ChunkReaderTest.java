package org.currents.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkReaderTest {
    @Test
    void readsUtf8ThatCrossesChunksInsideCharacters() throws IOException {
        StringBuilder text = new StringBuilder();
        String[] pieces = {"a", "é", "東", "𝄞", "<t>&amp;</t>"};
        for (int i = 0; text.length() < 100_000; i++) {
            text.append(pieces[i % pieces.length]).append(pieces[(i * 7) % pieces.length]);
        }
        String expected = text.toString();
        byte[] bytes = expected.getBytes(StandardCharsets.UTF_8);
        for (int buffer : new int[] {1, 3, 1000, 8192, 70_000}) {
            assertEquals(expected, readAll(new ChunkReader(bytes, 0, StandardCharsets.UTF_8), buffer), "buffer " + buffer);
        }
    }

    @Test
    void readsSingleByteTextFromWhereItStarts() throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        String expected = "caf\u00e9 \u201cquoted\u201d ".repeat(3000);
        byte[] bytes = ("XYZ" + expected).getBytes(cp1252);
        assertEquals(expected, readAll(new ChunkReader(bytes, 3, cp1252), 4096));
        assertEquals("", readAll(new ChunkReader(new byte[0], 0, StandardCharsets.UTF_8), 10));
    }

    @Test
    void readsOneCharacterAtATimeAsTheHealerDoes() throws IOException {
        String expected = "été 𝄞 ".repeat(10_000);
        Reader reader = new ChunkReader(expected.getBytes(StandardCharsets.UTF_8), 0, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (int c; (c = reader.read()) != -1; ) {
            out.append((char) c);
        }
        assertEquals(expected, out.toString());
    }

    @Test
    void bytesThatAreNotUtf8AfterAllReadAsReplacementCharacters() throws IOException {
        byte[] bytes = {'a', (byte) 0xff, 'b', (byte) 0xe6, (byte) 0x9d};
        assertEquals("a\uFFFDb\uFFFD\uFFFD", readAll(new ChunkReader(bytes, 0, StandardCharsets.UTF_8), 16));
    }

    private static String readAll(Reader reader, int buffer) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] chars = new char[buffer];
        for (int n; (n = reader.read(chars, 0, chars.length)) != -1; ) {
            out.append(chars, 0, n);
        }
        return out.toString();
    }
}
