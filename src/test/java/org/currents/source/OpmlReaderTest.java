package org.currents.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlReaderTest {
    private final OpmlReader reader = new OpmlReader();

    private OpmlImport read(String doc) {
        return reader.read(doc.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givesFeedsTheTextOfTheOutlinesTheySitUnder() {
        OpmlImport r = read("""
                <opml version="2.0"><head><title>x</title></head><body>
                <outline text="World"><outline text="Wire">
                  <outline type="rss" text="A" xmlUrl="https://a.example/feed" htmlUrl="https://a.example/"/>
                </outline><outline type="rss" text="B" xmlUrl="file:feeds/b.rss"/></outline>
                <outline type="rss" title="C only title" xmlUrl="https://c.example/rss"/>
                </body></opml>""");
        assertEquals(List.of(
                new SourceSpec("https://a.example/feed", "A", "https://a.example/", List.of("World", "Wire"), null),
                new SourceSpec("file:feeds/b.rss", "B", null, List.of("World"), null),
                new SourceSpec("https://c.example/rss", "C only title", null, List.of(), null)), r.sources());
    }

    @Test
    void mergesAFeedListedUnderTwoFoldersIntoOneSource() {
        OpmlImport r = read("""
                <opml version="1.0"><body><outline text="Tech"><outline xmlUrl="https://x.example/f" text="X"/></outline>
                <outline text="News"><outline xmlUrl="https://x.example/f" text="X"/></outline></body></opml>""");
        assertEquals(1, r.sources().size());
        assertEquals(List.of("Tech", "News"), r.sources().get(0).contexts());
    }

    @Test
    void skipsFeedsWithUrlsWeWillNotPollAndSaysWhy() {
        OpmlImport r = read("""
                <opml version="2.0"><body>
                <outline text="js" xmlUrl="javascript:alert(1)"/><outline text="ftp" xmlUrl="ftp://x.example/f"/>
                <outline text="empty" xmlUrl=""/><outline text="nohost" xmlUrl="http:///path"/>
                <outline text="ok" xmlUrl="https://ok.example/f"/></body></opml>""");
        assertEquals(1, r.sources().size());
        assertEquals(4, r.skipped().size());
        assertTrue(r.skipped().get(0).reason().contains("javascript"), r.skipped().get(0).reason());
    }

    @Test
    void refusesDoctypesSoEntitiesCannotBeExpandedOrFetched(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "TOP-SECRET");
        OpmlException xxe = assertThrows(OpmlException.class, () -> read("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x "
                + "SYSTEM \"" + secret.toUri() + "\">]><opml version=\"2.0\"><body><outline text=\"&x;\" "
                + "xmlUrl=\"https://a.example/&x;\"/></body></opml>"));
        assertTrue(!xxe.getMessage().contains("TOP-SECRET"));
        assertThrows(OpmlException.class, () -> read("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><opml><body><outline text=\"&b;\"/></body></opml>"));
    }

    @Test
    void refusesDocumentsThatAreNotOpmlOrTooDeep() {
        assertThrows(OpmlException.class, () -> read("<rss version=\"2.0\"/>"));
        assertThrows(OpmlException.class, () -> read("not xml at all"));
        OpmlException broken = assertThrows(OpmlException.class, () -> read("<opml>\n<body>\n<outline text=\"a\">\n</body></opml>"));
        assertTrue(broken.getMessage().contains("line"), broken.getMessage());
        String deep = "<opml><body>" + "<outline text=\"x\">".repeat(40) + "</outline>".repeat(40) + "</body></opml>";
        assertThrows(OpmlException.class, () -> read(deep));
    }

    @Test
    void readsTheSampleSourcesList() throws Exception {
        OpmlImport r = reader.read(Files.readAllBytes(Path.of("config/sources.opml")));
        assertEquals(6, r.sources().size());
        assertTrue(r.sources().stream().allMatch(s -> s.feedUrl().startsWith("file:feeds/") && !s.contexts().isEmpty()));
    }
}
