package org.currents.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.currents.SampleApp;
import org.currents.event.Event;
import org.currents.parse.FeedParser;
import org.currents.parse.ParsedFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's pages over HTTP on the sample data: indexes, paging, search and its feeds, bad input, limits. */
class ReaderPagesOverHttpTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    @TempDir
    static Path data;
    static SampleApp site;

    @BeforeAll
    static void start() {
        site = new SampleApp(data);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void everyInternalLinkOfTheMainPagesAnswers() throws Exception {
        Event e = site.app().events().latest(1).get(0);
        String day = "/days/" + e.path().substring(0, 11);
        Set<String> checked = new LinkedHashSet<>();
        for (String page : new String[] {"/", "/days/", day, "/contexts/?kind=story", "/events/" + e.path() + ".html",
                "/contexts/" + e.contexts().get(0).slug() + "/", "/search?q=united+states"}) {
            HttpResponse<byte[]> r = site.get(page);
            assertEquals(200, r.statusCode(), page);
            String csp = r.headers().firstValue("content-security-policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("style-src 'self'") && !csp.contains("unsafe"),
                    page + ": " + csp);
            Matcher m = HREF.matcher(text(r));
            while (m.find()) {
                String href = m.group(1).replace("&amp;", "&");
                String base = site.url("/").toString();
                String path = href.startsWith(base) ? "/" + href.substring(base.length()) : href.startsWith("/") ? href : null;
                if (path != null && checked.add(path)) {
                    assertEquals(200, site.get(path).statusCode(), path + " linked from " + page);
                }
            }
        }
        assertTrue(checked.size() > 50, "links checked: " + checked.size());
    }

    @Test
    void homeIsSmallAndLeadsToDaysFeedsAndTheCatalogue() throws Exception {
        HttpResponse<byte[]> home = site.get("/");
        assertTrue(home.body().length < 100 * 1024, "home is " + home.body().length + " bytes");
        String html = text(home);
        for (String link : new String[] {"/days/", "/contexts/", "/opml", "/feed.rss", "/feed.atom", "/feed.json",
                "/days/2018/01/"}) {
            assertTrue(html.contains("href=\"" + site.url(link)), link);
        }
        assertTrue(html.contains("href=\"/static/currents.css\"") && html.contains("<script src=\"/static/copy.js\" defer>"));
        assertFalse(html.contains("<style") || html.contains(" style=") || html.contains("<img"), "nothing inline, no hot-linked images");
    }

    @Test
    void dayPagesLinkThePreviousAndNextDays() throws Exception {
        String html = text(site.get("/days/2018/01/15/"));
        assertTrue(html.contains("rel=\"prev\" href=\"" + site.url("/days/2018/01/14/")), html);
        assertTrue(html.contains("rel=\"next\" href=\"" + site.url("/days/2018/01/16/")), html);
    }

    @Test
    void contextsFilterByKindAndNameWithoutScript() throws Exception {
        String stories = text(site.get("/contexts/?kind=story"));
        assertTrue(stories.contains("<h2>Stories") && !stories.contains("<h2>Subjects"), stories);
        String named = text(site.get("/contexts/?q=tanker"));
        assertTrue(named.contains("Sanchi oil tanker collision"), named);
        assertFalse(named.contains(">Thailand<"), named);
        assertFalse(text(site.get("/contexts/")).contains("source_group"));
    }

    @Test
    void searchFindsRanksPagesAndIsAFeed() throws Exception {
        String html = text(site.get("/search?q=tanker"));
        assertTrue(html.contains("Sanchi"), html);
        assertTrue(html.contains("rel=\"alternate\" type=\"application/rss+xml\""), html);
        assertTrue(html.contains("data-copy=\"" + site.url("/search.atom?q=tanker")), html);
        String more = text(site.get("/search?q=the"));
        assertTrue(more.contains("rel=\"next\" href=\"" + site.url("/search?q=the&amp;page=2")), more);
        FeedParser parser = new FeedParser();
        List<String> titles = null;
        for (String ext : new String[] {"rss", "atom", "json"}) {
            HttpResponse<byte[]> r = site.get("/search." + ext + "?q=tanker");
            assertEquals(200, r.statusCode(), ext);
            ParsedFeed feed = parser.parse(r.body(), r.headers().firstValue("content-type").orElse(""), "search." + ext);
            List<String> got = feed.items().stream().map(i -> i.title()).toList();
            assertFalse(got.isEmpty(), ext);
            assertTrue(got.get(0).toLowerCase().contains("tanker"), "best match first: " + got);
            assertEquals(titles == null ? got : titles, got, ext + " lists what the others list");
            titles = got;
        }
    }

    @Test
    void badInputIsAnsweredWithASentenceNeverA500() throws Exception {
        String[][] cases = {
                {"/search?q=", "200", "Words to search for"},
                {"/search?q=" + "a".repeat(300), "400", "at most 200 characters"},
                {"/search?q=%22%27%3C%3E", "400", "Nothing to search for"},
                {"/search?q=%ff%fe", "400", "cannot be read"},
                {"/search?q=tanker&page=0", "400", "page must be a whole number"},
                {"/search?q=tanker%27%3B+DROP+TABLE+event%3B--", "200", "No event matches"},
                {"/search.rss", "400", "needs ?q="},
                {"/search.json?q=%20", "400", "needs ?q="},
                {"/days/?page=abc", "400", "page must be"},
                {"/days/?page=99", "404", "Not found"},
                {"/contexts/?kind=planet", "400", "no kind of context"},
                {"/contexts/?q=" + "x".repeat(101), "400", "at most 100"},
                {"/contexts/sanchi-oil-tanker-collision/?page=-1", "400", "page must be"},
                {"/contexts/sanchi-oil-tanker-collision/?page=50", "404", "Not found"},
                {"/static/../../pom.xml", "400", ""},
                {"/static/nothing.css", "404", ""}};
        for (String[] c : cases) {
            HttpResponse<byte[]> r = site.get(c[0]);
            assertEquals(Integer.parseInt(c[1]), r.statusCode(), c[0] + ": " + text(r));
            assertTrue(text(r).contains(c[2]), c[0] + ": " + text(r));
        }
        assertTrue(site.app().events().count() > 100, "nothing lost");
    }

    @Test
    void assetsAreServedWithTheirTypesAndValidators() throws Exception {
        HttpResponse<byte[]> css = site.get("/static/currents.css");
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("content-type").orElse(""));
        assertTrue(text(css).contains("prefers-color-scheme:dark"));
        String etag = css.headers().firstValue("etag").orElseThrow();
        assertEquals(304, site.get("/static/currents.css", "If-None-Match", etag).statusCode());
        assertEquals("text/javascript; charset=utf-8",
                site.get("/static/copy.js").headers().firstValue("content-type").orElse(""));
    }
}
