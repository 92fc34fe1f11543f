package org.currents.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.currents.event.Features;
import org.currents.image.CoverImages;
import org.currents.relate.RelatedEvents;
import org.currents.store.ContextStore;
import org.currents.store.Database;
import org.currents.store.EventSearch;
import org.currents.store.EventStore;
import org.currents.store.Listings;
import org.currents.store.TestDatabases;
import org.currents.store.TestIngest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home page stays under 100 KB of HTML however busy the days are: here three days of 300
 * events each, with long headlines and several outlets, where the page shows the first of each
 * day and links to the rest.
 */
class PageSizeTest {
    private static final Instant DAY = Instant.parse("2018-01-20T00:00:00Z");
    private static final String LONG = " with a headline as long as the portal's longest, naming places, people and the"
            + " figures of what happened, where and when, and what follows from it for those concerned";

    @TempDir
    Path dir;

    @Test
    void homeStaysUnder100KilobytesOnBusyDays() {
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            List<EventDraft> drafts = new ArrayList<>();
            for (int d = 0; d < 3; d++) {
                for (int i = 0; i < 300; i++) {
                    Instant when = DAY.plusSeconds(d * 86400L + i * 60L);
                    drafts.add(new EventDraft("item:1:" + d + "-" + i, Set.of(), Features.NONE, when,
                            "Event " + d + "-" + i + LONG, "Summary " + i + LONG + LONG, "", null, null,
                            new EventSource(1, "Outlet number " + (i % 7), "https://outlet.example/" + d + "/" + i,
                                    "https://outlet.example/feed"),
                            List.of(Context.named("Story " + (i % 40), ContextKind.STORY),
                                    Context.named("Subject " + (i % 13), ContextKind.SUBJECT)), null));
                }
            }
            TestIngest.of(db, Clock.fixed(DAY.plusSeconds(5 * 86400), ZoneOffset.UTC)).ingest(drafts);
            EventStore events = new EventStore(db);
            Site site = new Site(events, new ContextStore(db), new RelatedEvents(events, new TextAnalyzer(Places.standard())),
                    URI.create("https://currents.example/"), 1, new Listings(db), new EventSearch(db),
                    new CoverImages(dir.resolve("images"), 1_000_000, request -> {
                        throw new AssertionError("the home page fetches no image");
                    }, Clock.systemUTC()));
            byte[] home = site.home().body().get();
            String html = new String(home, StandardCharsets.UTF_8);
            assertEquals(900, events.count());
            assertTrue(home.length < 100 * 1024, "home is " + home.length + " bytes");
            assertTrue(html.contains("All 300 events of 22 Jan 2018"), "the rest of a busy day is a link away");
            assertTrue(site.contexts(java.util.Optional.empty(), "").body().get().length > 0);
        }
    }
}
