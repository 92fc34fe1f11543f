package org.currents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * A project directory of file feeds of distinct made-up happenings (random words from a large
 * vocabulary, never read as one), for runs of the real jar that must take a while: every item is
 * an event of its own.
 */
public final class RandomFeedsProject {
    private RandomFeedsProject() {
    }

    /** Writes {@code feeds/}, {@code config/sources.opml} and {@code config/currents.properties} under {@code project}. */
    public static void layOut(Path project, int feeds, int items, long seed) throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.createDirectories(project.resolve("feeds"));
        Random random = new Random(seed);
        StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><body>");
        Instant t = Instant.parse("2024-03-01T00:00:00Z");
        for (int f = 0; f < feeds; f++) {
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + f
                    + "</title><link>https://f" + f + ".example/</link><description>d</description>");
            for (int i = 0; i < items; i++) {
                StringBuilder words = new StringBuilder();
                for (int w = 0; w < 10; w++) {
                    words.append(w == 0 ? "" : " ").append("w").append(Integer.toString(random.nextInt(1_000_000), 36));
                }
                rss.append("<item><title>").append(words).append("</title><link>https://f").append(f).append(".example/")
                        .append(i).append("</link><description>").append(words).append(" and more ").append(words)
                        .append("</description><pubDate>")
                        .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(t.plusSeconds(3600L * i + 60L * f)
                                .atOffset(ZoneOffset.UTC)))
                        .append("</pubDate></item>");
            }
            Files.writeString(project.resolve("feeds/f" + f + ".rss"), rss.append("</channel></rss>"));
            opml.append("<outline text=\"Feed ").append(f).append("\" xmlUrl=\"file:feeds/f").append(f).append(".rss\"/>");
        }
        Files.writeString(project.resolve("config/sources.opml"), opml.append("</body></opml>"));
        Files.writeString(project.resolve("config/currents.properties"), "fetch.file-roots=feeds\npoll.threads=2\n");
    }
}
