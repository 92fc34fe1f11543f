package org.currents.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Which texts go to ROME's healer, and that the others read exactly as healed on real feeds. */
class XmlHealingTest {
    private static final Path CORPUS = Path.of(System.getProperty("currents.shared", "../shared"), "corpus", "real-feeds");

    @Test
    void wellFormedReferencesNeedNoHealing() {
        assertFalse(XmlHealing.needed("<rss><title>A &amp; B &lt;i&gt; &quot;x&quot; &apos;y&apos; &#8217; &#x2019;</title></rss>"));
        assertFalse(XmlHealing.needed("<?xml version=\"1.0\"?><rss/>"));
    }

    @Test
    void anythingInsideCdataNeedsNoHealing() {
        assertFalse(XmlHealing.needed("<d><![CDATA[AT&T &nbsp; & ]]> &amp; <![CDATA[&copy;]]></d>"));
    }

    @Test
    void htmlEntitiesStrayAmpersandsAndLeadingJunkNeedHealing() {
        assertTrue(XmlHealing.needed("<t>caf&eacute;</t>"));
        assertTrue(XmlHealing.needed("<t>&nbsp;</t>"));
        assertTrue(XmlHealing.needed("<t>AT&T</t>"));
        assertTrue(XmlHealing.needed("<t>a & b</t>"));
        assertTrue(XmlHealing.needed("<t>&#;</t>"));
        assertTrue(XmlHealing.needed("<t>&#x;</t>"));
        assertTrue(XmlHealing.needed("<t>&#12</t>"));
        assertTrue(XmlHealing.needed("<t>&amp</t>"));
        assertTrue(XmlHealing.needed("<t>&</t>"));
        assertTrue(XmlHealing.needed("<d><![CDATA[x]]> &nbsp;</d>"));
        assertTrue(XmlHealing.needed("<d><![CDATA[never closed &amp;</d>"));
        assertTrue(XmlHealing.needed("  <?xml version=\"1.0\"?><rss/>"));
        assertTrue(XmlHealing.needed("<!-- made by hand --><rss/>"));
        assertTrue(XmlHealing.needed(""));
    }

    /**
     * Every XML document of the shared corpus reads the same (or fails the same) whether healed or
     * not. The healer also rewrites references inside CDATA ({@code &lt;} becomes {@code &#60;}),
     * which HTML reads alike: text and HTML are compared as jsoup writes them back.
     */
    @Test
    void realFeedsReadTheSameAsWhenEveryFeedIsHealed() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS);
        List<Path> files;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/jsonfeed/")
                    && !p.toString().contains("/opml/") && !p.toString().endsWith(".md") && !p.toString().endsWith(".tsv"))
                    .sorted().toList();
        }
        XmlFeedReader whenNeeded = new XmlFeedReader(true);
        XmlFeedReader always = new XmlFeedReader(false);
        int readAsIs = 0;
        for (Path p : files) {
            byte[] body = Files.readAllBytes(p);
            String url = "https://example.org/" + p.getFileName();
            assertEquals(read(always, body, url), read(whenNeeded, body, url), p.toString());
            if (!FeedText.of(body, null).needsHealing()) {
                readAsIs++;
            }
        }
        assertTrue(readAsIs > files.size() / 2, readAsIs + " of " + files.size() + " read without the healer");
    }

    private static Object read(XmlFeedReader reader, byte[] body, String url) {
        try {
            ParsedFeed f = reader.read(body, null, url);
            List<ParsedItem> items = new ArrayList<>();
            for (ParsedItem i : f.items()) {
                items.add(new ParsedItem(i.guid(), html(i.title()), i.link(), i.baseUrl(), html(i.contentHtml()),
                        html(i.summaryHtml()), i.published(), i.updated(), i.author(), i.categories(), i.media()));
            }
            return new ParsedFeed(f.format(), html(f.title()), f.siteUrl(), html(f.description()), f.language(), f.hints(),
                    items, f.push());
        } catch (FeedParseException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String html(String s) {
        return s == null ? null : Jsoup.parseBodyFragment(s).body().html();
    }
}
