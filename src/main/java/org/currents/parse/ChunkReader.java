package org.currents.parse;

import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads valid UTF-8 or single-byte text from bytes as the parser asks for it, never the whole text
 * at once. UTF-8 is decoded straight into the parser's buffer: {@link FeedText} has checked it
 * ({@link Utf8#isValid}), so the loop needs no error handling, where a {@code String} per chunk
 * was a tenth of all a poll allocated (most chunks of real feeds hold a character beyond ASCII,
 * and the {@code String} constructor then fills a two-byte array before it tries a one-byte
 * one). Bytes that are not UTF-8 after all read as U+FFFD, one for each. Single-byte text, which
 * is rare, is read a chunk at a time, each decoded by the {@code String} constructor (an
 * {@code InputStreamReader}'s {@code CharsetDecoder} made parsing a quarter slower).
 */
final class ChunkReader extends Reader {
    private static final int CHUNK = 16 * 1024;
    private static final char REPLACEMENT = '\uFFFD';

    private final byte[] bytes;
    private final Charset charset;
    private final boolean utf8;
    private int next;
    private String chunk = "";
    private int read;
    /** The second half of a surrogate pair whose first half filled the caller's buffer, or 0. */
    private char pendingLow;
    private final char[] single = new char[1];

    ChunkReader(byte[] bytes, int start, Charset charset) {
        this.bytes = bytes;
        this.next = start;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
    }

    /** One character: ROME's healer reads so, and Reader's own read() makes an array for each. */
    @Override
    public int read() {
        if (utf8) {
            if (pendingLow == 0 && next < bytes.length && bytes[next] >= 0) {
                return bytes[next++];
            }
            return decodeUtf8(single, 0, 1) < 0 ? -1 : single[0];
        }
        return read == chunk.length() && !nextChunk() ? -1 : chunk.charAt(read++);
    }

    @Override
    public int read(char[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (utf8) {
            return decodeUtf8(into, offset, length);
        }
        if (read == chunk.length() && !nextChunk()) {
            return -1;
        }
        int n = Math.min(length, chunk.length() - read);
        chunk.getChars(read, read + n, into, offset);
        read += n;
        return n;
    }

    private int decodeUtf8(char[] into, int offset, int length) {
        int n = 0;
        if (pendingLow != 0) {
            into[offset + n++] = pendingLow;
            pendingLow = 0;
        }
        byte[] b = bytes;
        int i = next;
        int end = b.length;
        while (n < length && i < end) {
            int lead = b[i];
            if (lead >= 0) {
                into[offset + n++] = (char) lead;
                i++;
            } else if ((lead & 0xe0) == 0xc0 && i + 1 < end) {
                into[offset + n++] = (char) ((lead & 0x1f) << 6 | b[i + 1] & 0x3f);
                i += 2;
            } else if ((lead & 0xf0) == 0xe0 && i + 2 < end) {
                into[offset + n++] = (char) ((lead & 0x0f) << 12 | (b[i + 1] & 0x3f) << 6 | b[i + 2] & 0x3f);
                i += 3;
            } else if ((lead & 0xf8) == 0xf0 && i + 3 < end) {
                int codePoint = (lead & 0x07) << 18 | (b[i + 1] & 0x3f) << 12 | (b[i + 2] & 0x3f) << 6 | b[i + 3] & 0x3f;
                into[offset + n++] = Character.highSurrogate(codePoint);
                char low = Character.lowSurrogate(codePoint);
                if (n < length) {
                    into[offset + n++] = low;
                } else {
                    pendingLow = low;
                }
                i += 4;
            } else {
                into[offset + n++] = REPLACEMENT;
                i++;
            }
        }
        next = i;
        return n == 0 ? -1 : n;
    }

    private boolean nextChunk() {
        if (next == bytes.length) {
            return false;
        }
        int end = Math.min(bytes.length, next + CHUNK);
        chunk = new String(bytes, next, end - next, charset);
        next = end;
        read = 0;
        return true;
    }

    @Override
    public void close() {
    }
}
