package org.currents.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.App;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;
import org.currents.event.ContextSummary;
import org.currents.image.CoverImages;
import org.currents.relate.RelatedEvents;
import org.currents.store.ContextStore;
import org.currents.store.CountingDatabase;
import org.currents.store.EventSearch;
import org.currents.store.EventStore;
import org.currents.store.Listings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed's view is built in a constant number of statements: the demo is polled into an H2 file,
 * then the feeds are rendered over a connection pool that counts every statement the driver runs.
 */
class FeedQueriesTest {
    /** Stamp, entries with their sources and contexts, related candidates with their contexts, and slack. */
    private static final int MOST = 10;

    @TempDir
    static Path data;
    static Settings settings;

    @BeforeAll
    static void pollTheDemo() {
        settings = new SettingsLoader("test").load(
                Map.of("config", "config", "data", data.toString(), "port", "0", "host", "127.0.0.1"), Map.of());
        try (App app = App.open(settings)) {
            app.importConfiguredSources();
            app.poller().pollAll();
        }
    }

    @Test
    void aFiftyEntryFeedTakesAFewStatementsWhateverItsLength() {
        CountingDatabase counting = new CountingDatabase(settings.store());
        try {
            EventStore events = new EventStore(counting.database());
            ContextStore contexts = new ContextStore(counting.database());
            // Archive pages of ten events: the busiest month of the demo is split into several.
            Site site = new Site(events, contexts, new RelatedEvents(events, new TextAnalyzer(Places.standard())), URI.create("http://localhost/"), 2, 50, 10,
                    new Listings(counting.database()), new EventSearch(counting.database()),
                    new CoverImages(data.resolve("images"), 1_000_000, request -> {
                        throw new AssertionError("a feed fetches no image");
                    }, Clock.systemUTC()));
            assertTrue(events.count() >= 50, "the demo has at least 50 events: " + events.count());
            ContextSummary busiest = contexts.all().stream().max(Comparator.comparingInt(ContextSummary::eventCount))
                    .orElseThrow();
            counting.take();
            for (FeedFormat format : FeedFormat.values()) {
                Document all = site.allEvents(format);
                String body = new String(all.body().get(), StandardCharsets.UTF_8);
                long n = counting.take();
                assertTrue(n <= MOST, format + " feed of all events took " + n + " statements");
                assertTrue(body.contains("/events/"), "the feed has entries");
                Document one = site.contextFeed(busiest.context().slug(), format).orElseThrow();
                one.body().get();
                long m = counting.take();
                assertTrue(m <= MOST, format + " feed of " + busiest.context().slug() + " took " + m + " statements");
            }
            assertEquals(50, count(site.allEvents(FeedFormat.ATOM).body().get(), "<entry>"));
            java.util.List<org.currents.store.FeedHistory.Month> months = events.history(null, 50).months();
            assertTrue(!months.isEmpty(), "the demo has events older than the feed of all events");
            counting.take();
            org.currents.store.FeedHistory.Month busyMonth = months.stream()
                    .max(Comparator.comparingInt(org.currents.store.FeedHistory.Month::events)).orElseThrow();
            assertTrue(busyMonth.events() > 20, "a month of the demo fills three pages of ten: " + busyMonth);
            counting.take();
            for (FeedFormat format : FeedFormat.values()) {
                for (int page : new int[] {1, 2, (busyMonth.events() + 9) / 10}) {
                    Document archive = site.archive(busyMonth.month(), page, format).orElseThrow();
                    assertEquals(Math.min(10, busyMonth.events() - (page - 1) * 10),
                            count(archive.body().get(), format == FeedFormat.ATOM ? "<entry>"
                                    : format == FeedFormat.RSS ? "<item>" : "\"content_html\""), format + " page " + page);
                    long n = counting.take();
                    assertTrue(n <= MOST, format + " archive page " + page + " of all events took " + n + " statements");
                }
            }
        } finally {
            counting.database().close();
        }
    }

    private static int count(byte[] body, String what) {
        return new String(body, StandardCharsets.UTF_8).split(what, -1).length - 1;
    }
}
