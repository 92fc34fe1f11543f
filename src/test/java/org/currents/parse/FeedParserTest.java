package org.currents.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String doc) throws FeedParseException {
        return parser.parse(doc.getBytes(StandardCharsets.UTF_8), "application/xml", "https://example.org/feed");
    }

    @Test
    void readsRss2ItemsWithCategoriesMediaAndHints() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
                <title>Wire</title><link>https://wire.example/</link><description>d</description><ttl>60</ttl>
                <item><title>Headline &amp; more</title><link>https://wire.example/a</link><guid isPermaLink="false">id-1</guid>
                <description>&lt;p&gt;Body&lt;/p&gt;</description><pubDate>Fri, 12 Jan 2018 10:00:00 -0500</pubDate>
                <category domain="https://currents.example/story">Mayon Volcano</category><category>Philippines</category>
                <media:content url="https://img.example/a.jpg" medium="image"/></item>
                </channel></rss>""");
        assertEquals("rss_2.0", feed.format());
        assertEquals(Duration.ofMinutes(60), feed.hints().ttl());
        ParsedItem item = feed.items().get(0);
        assertEquals("Headline & more", item.title());
        assertEquals("id-1", item.guid());
        assertEquals("<p>Body</p>", item.summaryHtml());
        assertEquals(Instant.parse("2018-01-12T15:00:00Z"), item.published());
        assertEquals("https://currents.example/story", item.categories().get(0).scheme());
        assertEquals("Philippines", item.categories().get(1).name());
        assertTrue(item.media().get(0).isImage());
    }

    @Test
    void readsAtomWithXmlBaseAndLabels() throws Exception {
        ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://planet.example/news/">
                <title>P</title><id>urn:x</id><updated>2018-01-12T10:00:00Z</updated>
                <entry><id>urn:e1</id><title type="text">T</title><link href="2018/a"/>
                <updated>2018-01-12T10:00:00Z</updated><published>2018-01-11T09:00:00Z</published>
                <summary type="text">a &lt; b</summary><content type="html">&lt;b&gt;x&lt;/b&gt;</content>
                <category term="mayon" label="Mayon Volcano" scheme="story"/></entry></feed>""");
        assertEquals("atom_1.0", feed.format());
        ParsedItem item = feed.items().get(0);
        assertEquals("https://planet.example/news/", item.baseUrl());
        assertEquals("2018/a", item.link());
        assertEquals("a &lt; b", item.summaryHtml(), "plain text summaries become HTML showing the same text");
        assertEquals("<b>x</b>", item.contentHtml());
        assertEquals("Mayon Volcano", item.categories().get(0).name());
        assertEquals(Instant.parse("2018-01-11T09:00:00Z"), item.published());
    }

    @Test
    void readsRdfWithDublinCore() throws Exception {
        ParsedFeed feed = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel rdf:about="https://b.example/"><title>B</title><link>https://b.example/</link><description>d</description>
                <items><rdf:Seq><rdf:li rdf:resource="https://b.example/1"/></rdf:Seq></items></channel>
                <item rdf:about="https://b.example/1"><title>One</title><link>https://b.example/1</link>
                <description>&lt;p&gt;Read &lt;a href="https://en.wikipedia.org/wiki/Economy"&gt;more&lt;/a&gt;&lt;/p&gt;</description>
                <dc:date>2018-01-12T10:00:00Z</dc:date><dc:subject>Economy</dc:subject></item></rdf:RDF>""");
        assertEquals("rss_1.0", feed.format());
        assertEquals("<p>Read <a href=\"https://en.wikipedia.org/wiki/Economy\">more</a></p>", feed.items().get(0).summaryHtml(),
                "an RSS 1.0 description is HTML, as in every RSS version, though ROME calls it text/plain");
        assertEquals(Instant.parse("2018-01-12T10:00:00Z"), feed.items().get(0).published());
        assertEquals("Economy", feed.items().get(0).categories().get(0).name());
    }

    @Test
    void readsJsonFeed11And10() throws Exception {
        ParsedFeed feed = parse("""
                {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
                 {"id":"1","url":"https://j.example/1","title":"One","content_html":"<p>x</p>","tags":["A","B"],
                  "image":"https://j.example/i.png","date_published":"2018-01-12T10:00:00+01:00","authors":[{"name":"Ann"}]},
                 {"id":2,"content_text":"plain <text>"}]}""");
        assertEquals("json_1.1", feed.format());
        assertEquals(2, feed.items().size());
        assertEquals(Instant.parse("2018-01-12T09:00:00Z"), feed.items().get(0).published());
        assertEquals("Ann", feed.items().get(0).author());
        assertEquals(2, feed.items().get(0).categories().size());
        assertEquals("2", feed.items().get(1).guid());
        assertEquals("plain &lt;text&gt;", feed.items().get(1).contentHtml());
        assertEquals("json_1", parse("{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[]}").format());
    }

    @Test
    void refusesJsonThatIsNotAJsonFeed() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse("{\"hello\": 1}"));
        assertTrue(e.getMessage().contains("not a JSON Feed"), e.getMessage());
        assertThrows(FeedParseException.class, () -> parse("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":"));
    }

    @Test
    void reportsWhereAMalformedFeedBreaks() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse(
                "<rss version=\"2.0\"><channel>\n<title>x</title>\n<item><title>open</item></channel></rss>"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("https://example.org/feed: "), e.getMessage());
    }

    @Test
    void refusesExternalEntitiesWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title><item><title>&x;</title></item></channel></rss>";
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse(xxe));
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("doctype"), e.getMessage());
    }

    @Test
    void refusesEntityExpansionBombs() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">");
        for (char c = 'b'; c <= 'j'; c++) {
            doc.append("<!ENTITY ").append(c).append(" \"").append(String.valueOf("&" + (char) (c - 1) + ";").repeat(10))
                    .append("\">");
        }
        doc.append("]><rss version=\"2.0\"><channel><title>&j;</title></channel></rss>");
        assertThrows(FeedParseException.class, () -> parse(doc.toString()));
    }

    @Test
    void refusesUnknownDocumentsAndEmptyBodies() {
        assertThrows(FeedParseException.class, () -> parse("<html><body>Not a feed</body></html>"));
        assertThrows(FeedParseException.class, () -> parse("<rss version=\"9.9\"><channel/></rss>"));
        assertThrows(FeedParseException.class, () -> parser.parse(new byte[0], null, "u"));
    }

    @Test
    void readsFeedsThatLieAboutTheirEncoding() throws Exception {
        String doc = "<rss version=\"2.0\"><channel><title>t</title><item><title>Café Zürich</title></item></channel></rss>";
        byte[] utf8UnderLatin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + doc).getBytes(StandardCharsets.UTF_8);
        byte[] latin1UnderUtf8 = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doc).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Café Zürich", parser.parse(utf8UnderLatin1, null, "u").items().get(0).title());
        assertEquals("Café Zürich", parser.parse(latin1UnderUtf8, "application/rss+xml; charset=utf-8", "u").items().get(0).title());
        // A replacement character written in UTF-8 is text like any other, not a sign of another encoding.
        byte[] replacement = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doc.replace("Café", "Caf\uFFFD Café"))
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("Caf\uFFFD Café Zürich", parser.parse(replacement, null, "u").items().get(0).title());
    }

    @Test
    void recoversFromStrayAmpersandsAndHtmlEntities() throws Exception {
        ParsedFeed feed = parse("\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Tom & Jerry</title>"
                + "<item><title>Fish&nbsp;& chips</title></item></channel></rss>");
        assertEquals("Tom & Jerry", feed.title());
        assertEquals("Fish\u00a0& chips", feed.items().get(0).title());
    }

    @Test
    void decodesByTheDeclaredEncodingNotThePlatforms() throws Exception {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Caf\u00e9 M\u00fcnchen</title></item></channel></rss>").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Café München", parser.parse(latin1, null, "u").items().get(0).title());
        assertNull(parser.parse(latin1, "text/xml; charset=ISO-8859-1", "u").items().get(0).published());
    }

    @Test
    void readsByteOrderMarksOfUtf8AndUtf16() throws Exception {
        String doc = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>東京 café</title></item></channel></rss>";
        byte[] utf8 = doc.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertEquals("東京 café", parser.parse(withBom, null, "u").items().get(0).title());
        assertEquals("東京 café", parser.parse(withBom, "text/xml", "u").items().get(0).title());
        FeedParseException noChannel = assertThrows(FeedParseException.class,
                () -> parser.parse("\uFEFF<rss version=\"2.0\"></rss>".getBytes(StandardCharsets.UTF_16LE), "text/xml", "u"));
        assertEquals("u: not a feed we can read: an element the format requires is missing (NullPointerException in ROME)",
                noChannel.getMessage());
        for (java.nio.charset.Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bytes = ("\uFEFF" + doc).getBytes(utf16);
            assertEquals("東京 café", parser.parse(bytes, null, "u").items().get(0).title(), utf16.name());
            for (String type : List.of("application/rss+xml", "text/xml", "text/xml; charset=utf-8",
                    "application/xml; charset=" + utf16.name())) {
                assertEquals("東京 café", parser.parse(bytes, type, "u").items().get(0).title(), utf16.name() + " as " + type);
            }
        }
    }

    @Test
    void surfacesTheHubsAndSelfOfRssAtomAndJsonFeeds() throws Exception {
        ParsedFeed rss = parse("""
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>W</title>
                <link>https://wire.example/</link><description>d</description>
                <atom:link rel="hub" href="https://hub.example/"/><atom:link rel="self" href="https://wire.example/rss"/>
                <atom:link rel="hub" href="https://other-hub.example/"/></channel></rss>""");
        assertEquals(List.of("https://hub.example/", "https://other-hub.example/"), rss.push().hubs());
        assertEquals("https://wire.example/rss", rss.push().self());

        ParsedFeed atom = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><id>urn:w</id><updated>2026-01-01T00:00:00Z</updated>
                <link rel="self" href="https://wire.example/atom"/><link rel="HUB" href="https://hub.example/"/>
                <link rel="alternate" href="https://wire.example/"/></feed>""");
        assertEquals(List.of("https://hub.example/"), atom.push().hubs());
        assertEquals("https://wire.example/atom", atom.push().self());

        ParsedFeed json = parse("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "W", "feed_url": "https://wire.example/json",
                 "hubs": [{"type": "rssCloud", "url": "https://cloud.example/"}, {"type": "WebSub", "url": "https://hub.example/"}],
                 "items": []}""");
        assertEquals(List.of("https://hub.example/"), json.push().hubs(), "only WebSub hubs");
        assertEquals("https://wire.example/json", json.push().self());

        ParsedFeed none = parse("""
                <rss version="2.0"><channel><title>W</title><link>https://wire.example/</link><description>d</description>
                </channel></rss>""");
        assertEquals(PushLinks.NONE, none.push());
    }
}
