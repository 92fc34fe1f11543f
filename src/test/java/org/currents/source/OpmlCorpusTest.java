package org.currents.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.currents.SharedCorpus;
import org.junit.jupiter.api.Test;

/** Real-world OPML exports read, hostile ones refused, and export-import round trips. */
class OpmlCorpusTest {
    private static final Path CORPUS = SharedCorpus.path("corpus/real-feeds");
    private final OpmlReader reader = new OpmlReader();

    @Test
    void readsEveryRealWorldSubscriptionList() throws Exception {
        SharedCorpus.require(CORPUS.resolve("opml"));
        int feeds = 0;
        try (Stream<Path> files = Files.list(CORPUS.resolve("opml"))) {
            for (Path f : files.sorted().toList()) {
                OpmlImport r = reader.read(Files.readAllBytes(f));
                feeds += r.sources().size();
                r.sources().forEach(s -> assertTrue(SourceUrls.check(s.feedUrl()) == null, f + ": " + s));
            }
        }
        assertTrue(feeds > 300, "feeds read: " + feeds);
        OpmlImport newsboat = reader.read(Files.readAllBytes(CORPUS.resolve("opml/newsboat-category.opml")));
        assertTrue(newsboat.sources().stream().anyMatch(s -> !s.contexts().isEmpty()), "nested outlines give contexts");
    }

    @Test
    void refusesTheMalformedOnesWithWhereTheyBreak() throws Exception {
        SharedCorpus.require(CORPUS.resolve("malformed"));
        int refused = 0;
        try (Stream<Path> files = Files.list(CORPUS.resolve("malformed"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".opml")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                OpmlException e = assertThrows(OpmlException.class, () -> reader.read(bytes), f + " was accepted");
                assertTrue(e.getMessage().contains("line") || e.getMessage().contains("not OPML"), f + ": " + e.getMessage());
                refused++;
            }
        }
        assertTrue(refused >= 7, "malformed OPML files refused: " + refused);
    }

    @Test
    void refusesHugeAndDeepDocumentsQuickly() {
        StringBuilder many = new StringBuilder("<opml version=\"2.0\"><body>");
        for (int i = 0; i < 100_000; i++) {
            many.append("<outline text=\"f").append(i).append("\" xmlUrl=\"https://f").append(i).append(".example/\"/>");
        }
        many.append("</body></opml>");
        OpmlException tooMany = assertThrows(OpmlException.class, () -> reader.read(many.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(tooMany.getMessage().contains("outlines"), tooMany.getMessage());
        String deep = "<opml><body>" + "<outline text=\"x\">".repeat(1000) + "</outline>".repeat(1000) + "</body></opml>";
        assertThrows(OpmlException.class, () -> reader.read(deep.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void exportThenImportGivesTheSameSourcesAndContexts() {
        List<Source> sources = List.of(
                new Source(1, "https://a.example/feed", "A", "https://a.example/", List.of("World", "Wire"), null, true,
                        SourceStatus.NEVER_POLLED),
                new Source(2, "file:feeds/b.rss", "B & co", null, List.of("World"), null, true, SourceStatus.NEVER_POLLED),
                new Source(3, "https://c.example/rss", "C", null, List.of(), null, true, SourceStatus.NEVER_POLLED));
        OpmlImport back = reader.read(new OpmlWriter().write(sources, Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals(sources.stream().map(s -> new SourceSpec(s.feedUrl(), s.title(), s.siteUrl(), s.contexts(), null))
                .sorted(java.util.Comparator.comparing(SourceSpec::feedUrl)).toList(),
                back.sources().stream().sorted(java.util.Comparator.comparing(SourceSpec::feedUrl)).toList());
    }
}
