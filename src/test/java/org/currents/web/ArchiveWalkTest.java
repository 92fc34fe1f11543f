package org.currents.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
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
import javax.xml.parsers.DocumentBuilderFactory;
import org.currents.config.StoreSettings;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.EventDraft;
import org.currents.event.EventSource;
import org.currents.image.CoverImages;
import org.currents.publish.Document;
import org.currents.publish.Site;
import org.currents.relate.RelatedEvents;
import org.currents.store.ContextStore;
import org.currents.store.Database;
import org.currents.store.EventIngest;
import org.currents.store.EventSearch;
import org.currents.store.EventStore;
import org.currents.store.Listings;
import org.currents.store.TestDatabases;
import org.currents.store.TestIngest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * RFC 5005 end to end over the site's routes: events ingested across several months (one month
 * empty), a current feed of three, and a reader that follows prev-archive from the current feed
 * back to the first archive finds every event exactly once, in every format, before and after
 * the current feed moves on; on H2 and PostgreSQL.
 */
class ArchiveWalkTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String FH = "http://purl.org/syndication/history/1.0";
    private static final String BASE = "http://localhost/";
    /** Days of 2018, at least three apart so that no two reports merge; March has none. */
    private static final List<String> DAYS = List.of("01-02", "01-10", "01-20", "02-05", "02-15", "04-01", "04-08",
            "04-15", "04-22", "05-03", "05-12");

    @TempDir
    Path dir;
    private StoreSettings settings;
    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        if (settings != null && settings.isPostgres()) {
            TestDatabases.dropPostgres(settings);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void walkingBackFromTheCurrentFeedFindsEveryEventOnce(String kind) throws Exception {
        settings = kind.equals("h2") ? TestDatabases.h2(dir) : TestDatabases.postgres();
        db = Database.open(settings);
        EventIngest ingest = TestIngest.of(db, Clock.fixed(Instant.parse("2018-06-01T00:00:00Z"), ZoneOffset.UTC));
        List<EventDraft> drafts = new ArrayList<>();
        for (int i = 0; i < DAYS.size(); i++) {
            drafts.add(draft(i, Instant.parse("2018-" + DAYS.get(i) + "T09:00:00Z")));
        }
        ingest.ingest(drafts);
        EventStore events = new EventStore(db);
        assertEquals(DAYS.size(), events.count(), "no two reports merged");
        Site site = new Site(events, new ContextStore(db), new RelatedEvents(events), URI.create(BASE), 1, 3,
                new Listings(db), new EventSearch(db), new CoverImages(dir.resolve("images"), 1_000_000, request -> {
                    throw new AssertionError("feeds and archives fetch no image");
                }, Clock.systemUTC()));

        Set<String> all = new TreeSet<>();
        for (String feed : List.of("/contexts/mayon-volcano", "/feed")) {
            Walk atom = walk(site, feed + ".atom");
            assertEquals(List.of(feed + ".atom", archive(feed, "2018-04", "atom"), archive(feed, "2018-02", "atom"),
                    archive(feed, "2018-01", "atom")), atom.documents, "newest first, March skipped");
            assertEquals(List.of(3, 3, 2, 3), atom.counts, "the current three, then each month's older events");
            assertEquals(DAYS.size(), atom.ids.size());
            if (all.isEmpty()) {
                all.addAll(atom.ids);
            }
            assertEquals(atom.ids, walk(site, feed + ".rss").ids);
            assertEquals(atom.ids, walk(site, feed + ".json").ids);
        }

        Document april = resolve(site, "/contexts/mayon-volcano/archive/2018-04.atom");
        assertEquals(Document.CHANGING, april.cacheControl(), "the current feed's oldest event is of April: still open");
        Document february = resolve(site, "/contexts/mayon-volcano/archive/2018-02.atom");
        assertEquals("public, max-age=31536000, immutable", february.cacheControl());
        assertTrue(SiteRoute.resolve(site, "/contexts/mayon-volcano/archive/2018-03.atom").isEmpty(), "no empty month");
        assertTrue(SiteRoute.resolve(site, "/contexts/mayon-volcano/archive/2018-05.atom").isEmpty(),
                "May's events are all in the current feed");
        assertTrue(SiteRoute.resolve(site, "/contexts/mayon-volcano/archive/2018-13.atom").isEmpty());
        assertTrue(SiteRoute.resolve(site, "/contexts/no-such-context/archive/2018-02.atom").isEmpty());

        // The current feed moves on: April's last event leaves it for April's archive, February stays as it was.
        byte[] februaryBefore = february.body().get();
        ingest.ingest(List.of(draft(99, Instant.parse("2018-05-20T09:00:00Z"))));
        Walk after = walk(site, "/contexts/mayon-volcano.atom");
        assertEquals(List.of(3, 4, 2, 3), after.counts);
        assertEquals(all.size() + 1, after.ids.size());
        assertTrue(after.ids.containsAll(all));
        // Its related links may name newer events; what it holds does not change.
        assertEquals(xml(februaryBefore, false).ids,
                xml(resolve(site, "/contexts/mayon-volcano/archive/2018-02.atom").body().get(), false).ids,
                "a closed month's archive keeps its entries");
    }

    private static String archive(String feed, String month, String ext) {
        return (feed.equals("/feed") ? "" : feed) + "/archive/" + month + "." + ext;
    }

    /** The documents from {@code start} back along prev-archive, the entries of each, every entry seen once. */
    private static Walk walk(Site site, String start) throws Exception {
        Walk w = new Walk();
        String path = start;
        boolean current = true;
        while (path != null) {
            w.documents.add(path);
            byte[] body = resolve(site, path).body().get();
            Page page = path.endsWith(".json") ? json(body) : xml(body, path.endsWith(".rss"));
            assertEquals(!current, page.archive, path + " is marked fh:archive only when it is an archive");
            if (!current) {
                assertEquals(BASE + start.substring(1), page.links.get("current"), path + " links its current feed");
            }
            w.counts.add(page.ids.size());
            for (String id : page.ids) {
                assertTrue(w.ids.add(id), id + " seen twice, again in " + path);
            }
            String prev = page.links.get("prev-archive");
            path = prev == null ? null : URI.create(prev).getPath();
            current = false;
        }
        return w;
    }

    private static Document resolve(Site site, String path) {
        return SiteRoute.resolve(site, path).orElseThrow(() -> new AssertionError(path + " not found"));
    }

    private static Page xml(byte[] body, boolean rss) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element top = rss ? (Element) doc.getDocumentElement().getElementsByTagName("channel").item(0)
                : doc.getDocumentElement();
        Page page = new Page();
        for (org.w3c.dom.Node n = top.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals("link")) {
                    page.links.put(e.getAttribute("rel"), e.getAttribute("href"));
                } else if (FH.equals(e.getNamespaceURI()) && e.getLocalName().equals("archive")) {
                    page.archive = true;
                } else if (e.getLocalName().equals(rss ? "item" : "entry")) {
                    NodeList id = e.getElementsByTagName(rss ? "guid" : "id");
                    page.ids.add(id.item(0).getTextContent());
                }
            }
        }
        return page;
    }

    private static Page json(byte[] body) throws Exception {
        JsonNode feed = new ObjectMapper().readTree(body);
        Page page = new Page();
        feed.path("items").forEach(item -> page.ids.add(item.get("id").asText()));
        JsonNode archive = feed.path("_archive");
        page.archive = archive.path("archive").asBoolean(false);
        archive.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual()) {
                page.links.put(f.getKey().replace('_', '-'), f.getValue().asText());
            }
        });
        assertEquals(page.links.get("prev-archive"), feed.path("next_url").textValue(),
                "next_url names the next older items, the archive before this document");
        return page;
    }

    private static EventDraft draft(int n, Instant published) {
        List<Context> contexts = List.of(Context.named("Mayon Volcano", ContextKind.STORY));
        String headline = List.of("Ash", "Lava", "Evacuation", "Tremor", "Airport", "Schools", "Farmers", "Rain",
                "Aid", "Tourists", "Alert", "Census").get(n % 12) + " report " + n + " from Albay";
        return new EventDraft("item:1:g" + n, Set.of(), TestIngest.ANALYZER.analyze(headline, "", contexts), published,
                headline, "", "<p>" + headline + "</p>", null, null,
                new EventSource(1, "Outlet", "https://outlet.example/g" + n, "file:feeds/1"), contexts, "mayon-volcano");
    }

    private static final class Walk {
        final List<String> documents = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();
        final Set<String> ids = new TreeSet<>();
    }

    private static final class Page {
        final Map<String, String> links = new HashMap<>();
        final List<String> ids = new ArrayList<>();
        boolean archive;
    }
}
