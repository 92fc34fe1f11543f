package org.currents.parse;

import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads valid UTF-8 or single-byte text from bytes a chunk at a time, each chunk decoded by the
 * {@code String} constructor, never the whole text at once. An {@code InputStreamReader} does the
 * same through a {@code CharsetDecoder}, whose loop made parsing a quarter slower. A UTF-8 chunk
 * ends where a character starts.
 */
final class ChunkReader extends Reader {
    private static final int CHUNK = 16 * 1024;

    private final byte[] bytes;
    private final Charset charset;
    private final boolean utf8;
    private int next;
    private String chunk = "";
    private int read;

    ChunkReader(byte[] bytes, int start, Charset charset) {
        this.bytes = bytes;
        this.next = start;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
    }

    /** One character: ROME's healer reads so, and Reader's own read() makes an array for each. */
    @Override
    public int read() {
        return read == chunk.length() && !nextChunk() ? -1 : chunk.charAt(read++);
    }

    @Override
    public int read(char[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (read == chunk.length() && !nextChunk()) {
            return -1;
        }
        int n = Math.min(length, chunk.length() - read);
        chunk.getChars(read, read + n, into, offset);
        read += n;
        return n;
    }

    private boolean nextChunk() {
        if (next == bytes.length) {
            return false;
        }
        int end = Math.min(bytes.length, next + CHUNK);
        while (utf8 && end < bytes.length && end > next + 1 && (bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        chunk = new String(bytes, next, end - next, charset);
        next = end;
        read = 0;
        return true;
    }

    @Override
    public void close() {
    }
}
