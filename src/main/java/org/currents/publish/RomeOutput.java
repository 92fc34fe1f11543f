package org.currents.publish;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Serializes a ROME feed as UTF-8 bytes; the XML prolog's encoding is only a label, so we write UTF-8 ourselves. */
final class RomeOutput {
    private RomeOutput() {
    }

    static byte[] write(WireFeed feed) {
        feed.setEncoding("UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new WireFeedOutput().output(feed, writer, false);
        } catch (IOException | FeedException e) {
            throw new IllegalStateException("cannot write " + feed.getFeedType() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
