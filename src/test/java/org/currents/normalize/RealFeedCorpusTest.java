package org.currents.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.currents.store.TestIngest;
import org.currents.config.ContextSettings;
import org.currents.event.EventDraft;
import org.currents.parse.FeedParseException;
import org.currents.parse.FeedParser;
import org.currents.parse.ParsedFeed;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.currents.source.Source;
import org.currents.source.SourceStatus;
import org.junit.jupiter.api.Test;

/**
 * Every document of the shared real-world corpus goes through parse and normalize: feeds are
 * read (or refused with a FeedParseException, never another exception) and no script survives.
 */
class RealFeedCorpusTest {
    /** ROME refuses this RSS 0.90 reference sample ("Invalid document"); real 0.90 feeds in the corpus read. */
    private static final List<String> KNOWN_REFUSALS = List.of("rss090-reference.xml");
    private static final Path CORPUS = Path.of(System.getProperty("currents.shared", "../shared"), "corpus", "real-feeds");

    @Test
    void readsTheRealWorldCorpusAndRefusesOnlyWithClearErrors() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS);
        FeedParser parser = new FeedParser();
        Normalizer normalizer = new Normalizer(new ContextSettings(List.of(), java.util.Map.of()), TestIngest.ANALYZER, TestIngest.PLACES);
        Source source = new Source(1, "https://example.org/feed", "Corpus", null, List.of(), null, true,
                SourceStatus.NEVER_POLLED);
        List<String> refusedValid = new ArrayList<>();
        int read = 0;
        int items = 0;
        for (String folder : List.of("rss", "atom", "rdf", "jsonfeed", "malformed")) {
            try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
                for (Path file : files.sorted().toList()) {
                    try {
                        ParsedFeed feed = parser.parse(Files.readAllBytes(file), null, file.toString());
                        List<EventDraft> drafts = normalizer.normalize(source, feed, Instant.parse("2026-01-01T00:00:00Z"));
                        for (EventDraft d : drafts) {
                            assertSafe(file, d.contentHtml());
                        }
                        read++;
                        items += drafts.size();
                    } catch (FeedParseException e) {
                        // Refusing a DOCTYPE is deliberate (no entities from untrusted XML); anything else in a
                        // well-formed folder is a reader bug.
                        if (!folder.equals("malformed") && !e.getMessage().toLowerCase().contains("doctype")
                                && !KNOWN_REFUSALS.contains(file.getFileName().toString())) {
                            refusedValid.add(e.getMessage());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), refusedValid, "well-formed feeds refused");
        assertTrue(read > 150 && items > 2000, "read " + read + " feeds, " + items + " items");
    }

    private static void assertSafe(Path file, String html) {
        for (Element el : Jsoup.parseBodyFragment(html).getAllElements()) {
            assertTrue(!el.tagName().equals("script") && !el.tagName().equals("style") && !el.tagName().equals("iframe"),
                    file + ": " + el);
            el.attributes().forEach(a -> assertTrue(!a.getKey().startsWith("on")
                    && !a.getValue().strip().toLowerCase().startsWith("javascript:"), file + ": " + el));
        }
    }
}
