package org.currents.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes a {@code Content-Encoding: deflate} body, which servers send either as zlib (as the
 * HTTP spec says) or as raw deflate (as some always have); the first two bytes tell which.
 */
final class Inflation {
    private Inflation() {
    }

    static InputStream of(InputStream body) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body);
        in.mark(2);
        int cmf = in.read();
        int flg = in.read();
        in.reset();
        boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
        return new InflaterInputStream(in, new Inflater(!zlib));
    }
}
