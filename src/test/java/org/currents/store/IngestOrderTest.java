package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.currents.event.Event;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.currents.event.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of one happening become one event, and a look-alike happening stays apart, whichever
 * outlet's feed is ingested first: the same events come out of every order of the feeds.
 */
class IngestOrderTest {
    private static final Instant T = Instant.parse("2018-01-23T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T.plusSeconds(3 * 86400), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private record Item(String happening, long hoursFromT, String headline, String summary) {
    }

    /** Three outlets' feeds, each in its own words; the Peru quake is the trap for the Alaska one. */
    private static final Map<Long, List<Item>> FEEDS = Map.of(
            1L, List.of(
                    new Item("alaska", 0, "7.9 magnitude earthquake strikes Gulf of Alaska; tsunami warning issued",
                            "A magnitude 7.9 earthquake struck off Kodiak Island, Alaska, early Tuesday, prompting a "
                                    + "tsunami warning along the coast."),
                    new Item("peru", -20, "Magnitude 7.1 earthquake strikes off southern Peru, killing two",
                            "The quake struck off the coast of Arequipa; two people died in Acari."),
                    new Item("kabul", -50, "Gunmen storm Kabul's Intercontinental Hotel",
                            "Attackers stormed the Intercontinental Hotel in Kabul on Saturday night, killing at least "
                                    + "18 people before Afghan forces ended the siege.")),
            2L, List.of(
                    new Item("alaska", 2, "Alaska quake triggers tsunami alert along the coast, then all clear",
                            "The 7.9 tremor off Kodiak set off sirens in coastal Alaska before the tsunami warning was "
                                    + "lifted."),
                    new Item("peru", -18, "Peru quake of magnitude 7.1 kills two in Arequipa region",
                            "Two people were killed when the earthquake shook southern Peru; houses collapsed in Acari."),
                    new Item("kabul", -46, "Taliban claim deadly siege of Kabul Intercontinental hotel",
                            "The Taliban said its fighters attacked the Intercontinental in Kabul; 18 people were killed.")),
            3L, List.of(
                    new Item("alaska", 3, "Kodiak residents flee to high ground after 7.9 Alaska earthquake",
                            "Residents of Kodiak, Alaska, climbed to higher ground as a tsunami warning followed the "
                                    + "magnitude 7.9 quake."),
                    new Item("emirates", -30, "Emirates orders 36 more Airbus A380 superjumbos",
                            "The airline's order keeps the A380 production line going.")));

    private static List<EventDraft> feed(long source) {
        List<EventDraft> drafts = new ArrayList<>();
        for (Item i : FEEDS.get(source)) {
            String link = "https://outlet" + source + ".example/" + i.happening();
            String key = "item:" + source + ":" + link;
            Instant at = T.plusSeconds(3600 * i.hoursFromT());
            drafts.add(new EventDraft(key, Set.of("link:" + link), TestIngest.ANALYZER.analyze(i.headline(), i.summary(),
                    List.of()), at, i.headline(), i.summary(), "", link, null, new EventSource(source, "Outlet " + source,
                    link, "file:f" + source, i.headline(), at, Keys.hash(key), null), List.of(), null));
        }
        return drafts;
    }

    /** The events as sets of "outlet:happening", in a canonical order. */
    private Set<String> ingestInOrder(List<Long> order, int run) {
        Database db = Database.open(TestDatabases.h2(dir.resolve("run" + run)));
        try {
            EventIngest ingest = TestIngest.of(db, CLOCK);
            order.forEach(source -> ingest.ingest(feed(source)));
            Map<String, String> happeningOf = new HashMap<>();
            FEEDS.forEach((source, items) -> items.forEach(i -> happeningOf.put(
                    "https://outlet" + source + ".example/" + i.happening(), source + ":" + i.happening())));
            Set<String> events = new TreeSet<>();
            for (Event e : new EventStore(db).latest(100)) {
                events.add(String.join(" ", new TreeSet<>(e.sources().stream()
                        .map(s -> happeningOf.get(s.articleUrl())).toList())));
            }
            return events;
        } finally {
            db.close();
        }
    }

    @Test
    void everyOrderOfTheFeedsMakesTheSameEvents() {
        Set<String> expected = new TreeSet<>(List.of("1:alaska 2:alaska 3:alaska", "1:peru 2:peru", "1:kabul 2:kabul",
                "3:emirates"));
        List<List<Long>> orders = List.of(List.of(1L, 2L, 3L), List.of(1L, 3L, 2L), List.of(2L, 1L, 3L),
                List.of(2L, 3L, 1L), List.of(3L, 1L, 2L), List.of(3L, 2L, 1L));
        for (int n = 0; n < orders.size(); n++) {
            assertEquals(expected, ingestInOrder(orders.get(n), n), "feeds ingested in the order " + orders.get(n));
        }
    }
}
