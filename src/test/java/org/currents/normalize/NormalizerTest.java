package org.currents.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.currents.store.TestIngest;
import org.currents.config.ContextSettings;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.EventDraft;
import org.currents.parse.FeedHints;
import org.currents.parse.ParsedCategory;
import org.currents.parse.ParsedFeed;
import org.currents.parse.ParsedItem;
import org.currents.parse.ParsedMedia;
import org.currents.source.Source;
import org.currents.source.SourceStatus;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    private static final Instant NOW = Instant.parse("2018-01-20T12:00:00Z");
    private static final Source SOURCE = new Source(7, "https://wire.example/feed.xml", "World Wire", null,
            List.of("World news"), null, true, SourceStatus.NEVER_POLLED);

    private final Normalizer normalizer = new Normalizer(new ContextSettings(
            List.of(Pattern.compile("https?://[a-z]{2,3}(?:\\.m)?\\.wikipedia\\.org/wiki/([^?#]+)")),
            Map.of("earthquake", "Earthquakes")), TestIngest.ANALYZER, TestIngest.PLACES);

    private EventDraft one(ParsedItem item) {
        List<EventDraft> drafts = normalizer.normalize(SOURCE, new ParsedFeed("rss_2.0", "Wire", null, null, null,
                FeedHints.NONE, List.of(item)), NOW);
        assertEquals(1, drafts.size());
        return drafts.get(0);
    }

    private static ParsedItem item(String guid, String title, String link, String html, List<ParsedCategory> categories,
                                   List<ParsedMedia> media) {
        return new ParsedItem(guid, title, link, "https://wire.example/news/", html, "", Instant.parse("2018-01-12T10:00:00Z"),
                null, null, categories, media);
    }

    @Test
    void removesScriptsHandlersStylesAndJavascriptLinks() {
        EventDraft d = one(item("g", "T", null, "<p onclick=\"steal()\">Hi<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">x</a><style>p{}</style><iframe src=\"https://e.example\"></iframe>"
                + "<img src=\"https://i.example/a.jpg\" onerror=\"alert(2)\">", List.of(), List.of()));
        assertEquals("<p>Hi</p><a>x</a><img src=\"https://i.example/a.jpg\">", d.contentHtml());
        assertEquals("Hi x", d.summary());
    }

    @Test
    void takesTheSummaryFromItsOwnFieldAndTheBodyFromTheContent() {
        EventDraft d = one(new ParsedItem("g", "T", null, "https://wire.example/news/",
                "<p>Full <b>story</b> of the <a href=\"x\">quake</a>.</p>", "<p>Short &amp; <i>sweet</i></p>",
                NOW, null, null, List.of(), List.of()));
        assertEquals("Short & sweet", d.summary());
        assertEquals("<p>Full <b>story</b> of the <a href=\"https://wire.example/news/x\" rel=\"nofollow noopener\">quake</a>.</p>",
                d.contentHtml());
    }

    @Test
    void eachItemResolvesAgainstItsOwnBase() {
        List<ParsedItem> items = List.of(
                new ParsedItem("a", "A", "a", "https://one.example/x/", "", "", NOW, null, null, List.of(), List.of()),
                new ParsedItem("b", "B", "b", "https://two.example/y/", "", "", NOW, null, null, List.of(), List.of()),
                new ParsedItem("c", "C", "c", "https://one.example/x/", "", "", NOW, null, null, List.of(), List.of()));
        List<EventDraft> drafts = normalizer.normalize(SOURCE, new ParsedFeed("atom_1.0", "Wire", null, null, null,
                FeedHints.NONE, items), NOW);
        assertEquals(List.of("https://one.example/x/a", "https://two.example/y/b", "https://one.example/x/c"), drafts.stream().map(EventDraft::link).toList());
    }

    @Test
    void resolvesRelativeLinksAgainstTheItemsBase() {
        EventDraft d = one(item("g", "T", "2018/a?utm_source=rss#top", "<a href=\"../about\">about</a>", List.of(), List.of()));
        assertEquals("https://wire.example/news/2018/a", d.link());
        assertTrue(d.contentHtml().contains("href=\"https://wire.example/about\""), d.contentHtml());
        assertEquals(java.util.Set.of("link:wire.example/news/2018/a"), d.matchKeys());
    }

    @Test
    void findsContextsFromGroupsCategoriesLinksAndRules() {
        EventDraft d = one(item("g", "An earthquake strikes", null,
                "<a href=\"https://en.wikipedia.org/wiki/Mayon_Volcano\">M</a>"
                        + "<a href=\"https://en.wikipedia.org/wiki/File:X.jpg\">file</a>"
                        + "<a href=\"https://en.wikipedia.org/wiki/S%C3%A3o_Paulo#History\">SP</a>",
                List.of(new ParsedCategory("Philippine volcanoes", null, "https://currents.example/story"),
                        new ParsedCategory("Asia", null, null)), List.of()));
        assertEquals(List.of(Context.named("Philippine volcanoes", ContextKind.STORY), Context.named("Asia", ContextKind.SUBJECT),
                Context.named("Mayon Volcano", ContextKind.SUBJECT), Context.named("São Paulo", ContextKind.SUBJECT),
                Context.named("Earthquakes", ContextKind.CATEGORY), Context.named("World news", ContextKind.SOURCE_GROUP)),
                d.contexts());
        assertEquals("philippine-volcanoes", d.storySlug());
    }

    @Test
    void anItemWithNoSubjectOfItsOwnIsFiledUnderThePlacesItNames() {
        EventDraft d = one(item("g", "Pakistani police arrest two men in Kasur", null,
                "<p>Protests spread from Lahore to the United States embassy.</p>", List.of(), List.of()));
        assertEquals(List.of(Context.named("Pakistan", ContextKind.SUBJECT), Context.named("United States", ContextKind.SUBJECT),
                Context.named("World news", ContextKind.SOURCE_GROUP)), d.contexts());
    }

    @Test
    void contextsFollowTheirEvidenceAndVariantsOfOneSubjectFold() {
        String story = "https://currents.example/story";
        EventDraft d = one(item("g", "Talks resume", null,
                "<a href=\"https://en.wikipedia.org/wiki/Afghan\">Afghan</a>"
                        + "<a href=\"https://en.wikipedia.org/wiki/Afghanistan\">Afghanistan</a>"
                        + "<a href=\"https://en.wikipedia.org/wiki/Mount_Mayon's\">Mayon</a>",
                List.of(new ParsedCategory("France", null, story), new ParsedCategory("Covering", null, story),
                        new ParsedCategory("EU", null, null), new ParsedCategory("2018 Winter Olympics", null, story)),
                List.of()));
        assertEquals(List.of(Context.named("France", ContextKind.SUBJECT), Context.named("Covering", ContextKind.SUBJECT),
                Context.named("European Union", ContextKind.SUBJECT), Context.named("2018 Winter Olympics", ContextKind.STORY),
                Context.named("Afghanistan", ContextKind.SUBJECT), Context.named("Mount Mayon", ContextKind.SUBJECT),
                Context.named("World news", ContextKind.SOURCE_GROUP)), d.contexts());
        assertEquals("2018-winter-olympics", d.storySlug(), "a place or one common word is no story");
    }

    @Test
    void picksTheCoverFromMediaThenThumbnailsThenTheFirstImage() {
        assertEquals("https://i.example/big.jpg", one(item("g", "T", null, "", List.of(), List.of(
                new ParsedMedia("https://i.example/thumb.jpg", null, "image", true),
                new ParsedMedia("https://i.example/big.jpg", "image/jpeg", null, false)))).coverImage());
        assertEquals("https://wire.example/img/x.png", one(item("g", "T", null,
                "<img src=\"x.gif\" width=\"1\" height=\"1\"><img src=\"../img/x.png\">", List.of(), List.of())).coverImage(),
                "tracking pixels are not covers; relative sources are resolved");
        assertNull(one(item("g", "T", null, "<p>none</p>", List.of(), List.of(
                new ParsedMedia("https://v.example/clip.mp4", "video/mp4", null, false)))).coverImage());
    }

    @Test
    void keysItemsByGuidSoReDatingKeepsTheSameIdentity() {
        EventDraft first = one(item("guid-1", "T", null, "", List.of(), List.of()));
        ParsedItem redated = new ParsedItem("guid-1", "T (updated)", null, null, "", "", Instant.parse("2018-01-15T10:00:00Z"),
                null, null, List.of(), List.of());
        assertEquals(first.itemKey(), one(redated).itemKey());
        assertEquals("item:7:guid-1", first.itemKey());
    }

    @Test
    void datesItemsFromTheFutureNowAndUndatedItemsNow() {
        ParsedItem future = new ParsedItem("g", "T", null, null, "", "", Instant.parse("2030-01-01T00:00:00Z"), null, null,
                List.of(), List.of());
        assertEquals(NOW, one(future).published());
        ParsedItem undated = new ParsedItem("g", "T", null, null, "", "", null, null, null, List.of(), List.of());
        assertEquals(NOW, one(undated).published());
    }

    @Test
    void skipsItemsWithNeitherTitleNorTextAndTakesAHeadlineFromTheSummary() {
        ParsedItem empty = new ParsedItem("g", " ", null, null, "", "", null, null, null, List.of(), List.of());
        assertTrue(normalizer.normalize(SOURCE, new ParsedFeed("rss_2.0", "", null, null, null, null, List.of(empty)), NOW)
                .isEmpty());
        ParsedItem untitled = new ParsedItem("g", "", null, null, "", "<p>First sentence. Second one.</p>", null, null, null,
                List.of(), List.of());
        assertEquals("First sentence.", one(untitled).headline());
        assertTrue(one(untitled).features().words().length > 0);
    }
}
