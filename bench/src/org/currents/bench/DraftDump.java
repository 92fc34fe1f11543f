package org.currents.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.currents.config.ContextSettings;
import org.currents.event.EventDraft;
import org.currents.event.Features;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParseException;
import org.currents.parse.FeedParser;
import org.currents.parse.ParsedFeed;
import org.currents.parse.ParsedItem;
import org.currents.source.Source;
import org.currents.source.SourceStatus;

/**
 * Writes every field of every parsed feed and event draft for a set of feed files to one text
 * file, so that two builds can be compared byte for byte (a change meant to make parse and
 * normalize cheaper must leave this file as it was). Each feed is read with no content type and
 * with a Latin-1 one, and normalized for a source without groups and for one with two; a subject
 * link pattern and keyword rules are set so those paths run too.
 *
 * <p>Usage: DraftDump OUT REAL_FEEDS_DIR BENCH_CORPUS [EVERY=5] (the real-feed corpus whole, and
 * every EVERY-th feed of the bench corpus).
 */
public final class DraftDump {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of(args[1]))) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().matches("(MANIFEST|README).*"))
                    .sorted().forEach(files::add);
        }
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        try (Stream<Path> s = Files.list(Path.of(args[2], "feeds"))) {
            List<Path> bench = s.sorted().toList();
            for (int i = 0; i < bench.size(); i += every) {
                files.add(bench.get(i));
            }
        }
        Places places = Places.standard();
        Normalizer normalizer = new Normalizer(new ContextSettings(
                List.of(Pattern.compile("https?://[a-z]{2,3}(?:\\.m)?\\.wikipedia\\.org/wiki/([^?#]+)")),
                Map.of("election", "Elections", "storm", "Weather", "AI", "Artificial intelligence")),
                new TextAnalyzer(places), places);
        FeedParser parser = new FeedParser();
        int drafts = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
            for (Path file : files) {
                byte[] body = Files.readAllBytes(file);
                String url = "https://example.org/feeds/" + file.getFileName();
                for (String contentType : new String[] {null, "application/rss+xml; charset=ISO-8859-1"}) {
                    out.println("== " + file + " " + contentType);
                    ParsedFeed feed;
                    try {
                        feed = parser.parse(body, contentType, url);
                    } catch (FeedParseException e) {
                        out.println("refused " + e.getMessage());
                        continue;
                    }
                    print(out, feed);
                    for (List<String> groups : List.of(List.<String>of(), List.of("World news", "Tech"))) {
                        Source source = new Source(7, url, groups.isEmpty() ? "" : "Outlet", null, groups, null, true,
                                SourceStatus.NEVER_POLLED);
                        for (EventDraft d : normalizer.normalize(source, feed, NOW)) {
                            print(out, d);
                            drafts++;
                        }
                    }
                }
            }
        }
        System.out.printf("%d files, %d drafts%n", files.size(), drafts);
    }

    private static void print(PrintWriter out, ParsedFeed feed) {
        // Sets sorted: a hash set's order may differ from one run to the next.
        out.println("feed " + String.join(" | ", feed.format(), feed.title(), String.valueOf(feed.siteUrl()),
                feed.description(), String.valueOf(feed.language()), String.valueOf(feed.hints().ttl()),
                String.valueOf(feed.hints().updatePeriod()), new TreeSet<>(feed.hints().skipHours()).toString(),
                new TreeSet<>(feed.hints().skipDays()).toString(), feed.push().toString()));
        for (ParsedItem item : feed.items()) {
            out.println("item " + item);
        }
    }

    private static void print(PrintWriter out, EventDraft d) {
        Features f = d.features();
        out.println("draft " + d.itemKey() + "\n keys " + new TreeSet<>(d.matchKeys())
                + "\n features " + Arrays.toString(f.words()) + Arrays.toString(f.names()) + Arrays.toString(f.figures())
                + Arrays.toString(f.subjects()) + Arrays.toString(f.places()) + new TreeMap<>(f.labels())
                + "\n published " + d.published() + "\n headline " + d.headline() + "\n summary " + d.summary()
                + "\n html " + d.contentHtml() + "\n link " + d.link() + "\n cover " + d.coverImage()
                + "\n source " + d.source() + "\n contexts " + d.contexts() + "\n story " + d.storySlug());
    }
}
