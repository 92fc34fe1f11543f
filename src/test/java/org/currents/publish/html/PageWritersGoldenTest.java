package org.currents.publish.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.ContextSummary;
import org.currents.event.DayCount;
import org.currents.event.Event;
import org.currents.event.EventHeadline;
import org.currents.event.EventSource;
import org.currents.event.MergeNote;
import org.currents.event.RelatedEvent;
import org.currents.event.SearchQuery;
import org.currents.publish.FeedFormat;
import org.currents.publish.SiteLinks;
import org.junit.jupiter.api.Test;

/**
 * Every page writer, to the byte, on a few events: one merged from two outlets (one named only in
 * the text of its link), one with a summary that only repeats the headline, one with hostile text.
 * A changed output fails here; when the change is meant, the output under target/golden/html/ is
 * the one to review and copy over.
 */
class PageWritersGoldenTest {
    private static final Instant T = Instant.parse("2018-01-22T10:54:00Z");
    private static final SiteLinks LINKS = new SiteLinks(URI.create("https://currents.example/"));
    private static final Layout LAYOUT = new Layout(LINKS);
    private static final Context STORY = Context.named("Sanchi oil tanker collision", ContextKind.STORY);
    private static final Context SEA = Context.named("East China Sea", ContextKind.SUBJECT);
    private static final Context ENERGY = Context.named("Energy & <Oil>", ContextKind.CATEGORY);
    private static final Context WIRES = Context.named("Wire services", ContextKind.SOURCE_GROUP);
    private static final Subscribe ALL = new Subscribe("Currents: all events", LINKS.allEvents(FeedFormat.RSS),
            LINKS.allEvents(FeedFormat.ATOM), LINKS.allEvents(FeedFormat.JSON));

    static Event sanchi() {
        return new Event("e1", "the-sanchi-sinks", T, "The Sanchi sinks in the East China Sea",
                "The burning tanker sank after a week; all 32 crew are presumed dead.",
                "<p>The burning tanker sank after a week.</p><p>Sources: <a href=\"https://wire.example/sanchi\">Reuters</a></p>",
                "https://wire.example/sanchi", null,
                List.of(new EventSource(1, "World Wire", "https://wire.example/sanchi", "https://wire.example/feed.xml",
                                "The Sanchi sinks in the East China Sea", T, 11, null),
                        new EventSource(2, "Harbor Times", "https://harbor.example/tanker", "https://harbor.example/rss",
                                "Iranian tanker goes down after week-long blaze", T.plusSeconds(7200), 22,
                                new MergeNote(0.61, "same names Sanchi; 4 rare words in common (tanker, …); 2 h apart"))),
                List.of(STORY, SEA, ENERGY, WIRES), STORY.slug(), T, T.plusSeconds(7200));
    }

    static Event echo() {
        return new Event("e2", "oil-prices-rise", T.minusSeconds(3600), "Oil prices rise", "Oil prices rise.", "", null, null,
                List.of(new EventSource(3, "Market Wire", "https://market.example/oil", "https://market.example/rss")),
                List.of(ENERGY), null, T, T);
    }

    static Event hostile() {
        return new Event("e3", "x-script", T.minusSeconds(86400), "<script>alert(\"x\")</script> & friends", "", "", null,
                null, List.of(new EventSource(4, "Odd \"outlet\"", "https://odd.example/?a=1&b=<2>", "https://odd.example/rss")),
                List.of(), null, T, T);
    }

    @Test
    void homeGroupsDaysByStoryAndOffersEveryFeed() throws IOException {
        List<DaySection> days = List.of(new DaySection(LocalDate.of(2018, 1, 22), 3, List.of(sanchi(), echo())),
                new DaySection(LocalDate.of(2018, 1, 21), 1, List.of(hostile())));
        List<ContextSummary> busiest = List.of(new ContextSummary(STORY, 5, T, 3, false),
                new ContextSummary(SEA, 1, T, 3, false));
        golden("home.html", new HomePage(LAYOUT).write(days, busiest, Optional.of(LocalDate.of(2018, 1, 19)), ALL));
    }

    @Test
    void dayPageLinksBothNeighbours() throws IOException {
        golden("day.html", new DayPage(LAYOUT).write(LocalDate.of(2018, 1, 22), List.of(sanchi(), echo()),
                Optional.of(LocalDate.of(2018, 1, 21)), Optional.of(LocalDate.of(2018, 1, 24)), ALL));
    }

    @Test
    void daysIndexByMonthWithCounts() throws IOException {
        golden("days.html", new DaysPage(LAYOUT).write(List.of(new DayCount(LocalDate.of(2018, 2, 1), 1),
                new DayCount(LocalDate.of(2018, 1, 31), 12), new DayCount(LocalDate.of(2018, 1, 30), 4)), 2, 3, ALL));
    }

    @Test
    void contextsIndexByKindWithReadableLabels() throws IOException {
        byte[] page = new ContextsPage(LAYOUT).write(List.of(new ContextSummary(STORY, 5, T, 1, false),
                new ContextSummary(ENERGY, 2, T, 1, false), new ContextSummary(WIRES, 9, T, 1, false)),
                Optional.empty(), "a \"filter\"", ALL);
        golden("contexts.html", page);
        assertFalse(new String(page, StandardCharsets.UTF_8).contains("source_group"));
    }

    @Test
    void contextPageIsATimelineWithPagingAndFeeds() throws IOException {
        Subscribe feeds = new Subscribe("Currents: " + STORY.name(), LINKS.contextFeed(STORY.slug(), FeedFormat.RSS),
                LINKS.contextFeed(STORY.slug(), FeedFormat.ATOM), LINKS.contextFeed(STORY.slug(), FeedFormat.JSON));
        golden("context.html", new ContextPage(LAYOUT).write(new ContextSummary(STORY, 120, T, 4, false),
                List.of(sanchi(), hostile()), 2, true, List.of(new ContextSummary(SEA, 7, T, 2, false)), feeds));
    }

    @Test
    void eventPageShowsOneSourceListContextsByKindRelatedAndWhyMerged() throws IOException {
        List<RelatedEvent> related = List.of(new RelatedEvent(new EventHeadline("e0", "sanchi-collides",
                T.minusSeconds(86400 * 15), "The tanker Sanchi collides with a freighter"), List.of(STORY, SEA), 5.2),
                new RelatedEvent(new EventHeadline("e7", "crew-missing", T.minusSeconds(86400 * 4),
                        "Thirty-two sailors missing after a collision"), List.of(), List.of("sailors", "<collision>"), 0.4));
        byte[] page = new EventPage(LAYOUT).write(sanchi(), related, ALL);
        golden("event.html", page);
        String html = new String(page, StandardCharsets.UTF_8);
        assertTrue(html.contains(">Reuters</a> <span class=\"meta\">via World Wire</span>"), "outlet named by its link");
        assertFalse(html.contains("source_group") || html.contains("SOURCE_GROUP"));
        assertTrue(html.contains("through words in common: sailors, &lt;collision&gt;</span>"),
                "an event related by words alone says which");
    }

    @Test
    void eventPageLeavesOutASummaryThatRepeatsTheHeadline() throws IOException {
        byte[] page = new EventPage(LAYOUT).write(echo(), List.of(), ALL);
        golden("event-echo.html", page);
        assertFalse(new String(page, StandardCharsets.UTF_8).contains("class=\"summary\""));
        assertTrue(EventPage.saysMore("Oil prices rise as OPEC cuts output.", "Oil prices rise"));
        assertFalse(EventPage.saysMore("Oil prices rise!", "Oil prices rise"));
    }

    @Test
    void searchPagesShowResultsPagingFeedsAndProblems() throws IOException {
        SearchQuery q = SearchQuery.parse("tanker <b>");
        Subscribe feeds = new Subscribe("Currents search: " + q.text(), LINKS.searchFeed(q.text(), FeedFormat.RSS),
                LINKS.searchFeed(q.text(), FeedFormat.ATOM), LINKS.searchFeed(q.text(), FeedFormat.JSON));
        golden("search.html", new SearchPage(LAYOUT).results(q, List.of(sanchi()), 2, true, feeds));
        golden("search-problem.html", new SearchPage(LAYOUT).form("\"<>", "Nothing to search for in '\"<>'."));
    }

    @Test
    void notFoundEscapesThePath() throws IOException {
        golden("notfound.html", new NotFoundPage(LAYOUT).write("/<script>"));
    }

    private static void golden(String name, byte[] actual) throws IOException {
        String got = new String(actual, StandardCharsets.UTF_8);
        assertFalse(got.contains("<script>") || got.contains("style=") || got.contains("<style"),
                name + ": no inline script or style, nothing unescaped");
        try (InputStream in = PageWritersGoldenTest.class.getResourceAsStream(name)) {
            Path out = Path.of("target", "golden", "html", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, got);
            if (in == null) {
                fail("no golden file src/test/resources/org/currents/publish/html/" + name + "; the output is in " + out);
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), got, name + " changed; see " + out);
        }
    }
}
