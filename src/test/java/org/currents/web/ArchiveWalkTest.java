package org.currents.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
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
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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
 * the current feed moves on; a busy month split into pages in the order its events arrived, with
 * late events of a closed month landing once, in its last page; bad page numbers refused over
 * HTTP; on H2 and PostgreSQL.
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
        TestDatabases.close(db, settings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void walkingBackFromTheCurrentFeedFindsEveryEventOnce(String kind) throws Exception {
        settings = TestDatabases.of(kind, dir);
        db = Database.open(settings);
        EventIngest ingest = TestIngest.of(db, Clock.fixed(Instant.parse("2018-06-01T00:00:00Z"), ZoneOffset.UTC));
        List<EventDraft> drafts = new ArrayList<>();
        for (int i = 0; i < DAYS.size(); i++) {
            drafts.add(draft(i, Instant.parse("2018-" + DAYS.get(i) + "T09:00:00Z")));
        }
        ingest.ingest(drafts);
        EventStore events = new EventStore(db);
        assertEquals(DAYS.size(), events.count(), "no two reports merged");
        Site site = site(200);

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
        assertEquals(Document.CHANGING, february.cacheControl(),
                "closed, but a month's last page is where an event of February arriving late would land");
        assertTrue(find(site, "/contexts/mayon-volcano/archive/2018-03.atom").isEmpty(), "no empty month");
        assertTrue(find(site, "/contexts/mayon-volcano/archive/2018-05.atom").isEmpty(),
                "May's events are all in the current feed");
        assertTrue(find(site, "/contexts/mayon-volcano/archive/2018-13.atom").isEmpty());
        assertTrue(find(site, "/contexts/no-such-context/archive/2018-02.atom").isEmpty());

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

    private Site site(int pageSize) {
        EventStore events = new EventStore(db);
        return new Site(events, new ContextStore(db), new RelatedEvents(events, new TextAnalyzer(Places.standard())), URI.create(BASE), 1, 3, pageSize,
                new Listings(db), new EventSearch(db), new CoverImages(dir.resolve("images"), 1_000_000, request -> {
                    throw new AssertionError("feeds and archives fetch no image");
                }, Clock.systemUTC()));
    }

    /**
     * January 2018 holds eight events, more than a page (three) holds, ingested in three batches out
     * of date order; February two, April four, May the current three. Pages follow arrival, a
     * late event of closed January goes to its last page and then opens a fourth, and the pages
     * before keep their entries and links.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aBusyMonthIsPagedInArrivalOrderAndALateEventLandsOnceInItsLastPage(String kind) throws Exception {
        settings = TestDatabases.of(kind, dir);
        db = Database.open(settings);
        EventIngest ingest = TestIngest.of(db, Clock.fixed(Instant.parse("2018-06-01T00:00:00Z"), ZoneOffset.UTC));
        List<List<String>> batches = List.of(List.of("01-28", "01-01", "01-16"), List.of("01-04", "01-22"),
                List.of("01-10", "01-07", "01-13"), List.of("02-05", "02-15", "04-01", "04-08", "04-15", "04-22",
                        "05-03", "05-12", "05-20"));
        int n = 0;
        List<String> firstBatch = new ArrayList<>();
        for (List<String> batch : batches) {
            List<EventDraft> drafts = new ArrayList<>();
            for (String day : batch) {
                drafts.add(draft(n++, Instant.parse("2018-" + day + "T09:00:00Z")));
            }
            if (firstBatch.isEmpty()) {
                drafts.forEach(d -> firstBatch.add(d.headline()));
            }
            ingest.ingest(drafts);
        }
        Site site = site(3);
        assertEquals(17, new EventStore(db).count(), "no two reports merged");

        String january = "/contexts/mayon-volcano/archive/2018-01";
        for (String feed : List.of("/contexts/mayon-volcano", "/feed")) {
            Walk atom = walk(site, feed + ".atom");
            assertEquals(List.of(feed + ".atom", archive(feed, "2018-04-2", "atom"), archive(feed, "2018-04", "atom"),
                    archive(feed, "2018-02", "atom"), archive(feed, "2018-01-3", "atom"), archive(feed, "2018-01-2", "atom"),
                    archive(feed, "2018-01", "atom")), atom.documents, "each month's pages, last to first");
            assertEquals(List.of(3, 1, 3, 2, 2, 3, 3), atom.counts);
            assertEquals(17, atom.ids.size());
            assertEquals(atom.ids, walk(site, feed + ".rss").ids);
            assertEquals(atom.ids, walk(site, feed + ".json").ids);
        }
        assertEquals(new TreeSet<>(firstBatch), new TreeSet<>(headlines(resolve(site, january + ".atom"))),
                "the first page holds the first three to arrive, the 28th among them, not the first three days");
        assertEquals("public, max-age=31536000, immutable", resolve(site, january + "-2.atom").cacheControl(),
                "full, closed, and neither the month's first page nor its last");
        for (String open : List.of(january + ".atom", january + "-3.atom", "/contexts/mayon-volcano/archive/2018-04.atom",
                "/contexts/mayon-volcano/archive/2018-04-2.atom")) {
            assertEquals(Document.CHANGING, resolve(site, open).cacheControl(), open);
        }
        Page first = xml(resolve(site, january + ".atom").body().get(), false);
        Page second = xml(resolve(site, january + "-2.atom").body().get(), false);

        // Late: an event of closed January fills its last page, then another opens a fourth.
        ingest.ingest(List.of(draft(n++, Instant.parse("2018-01-19T09:00:00Z"))));
        Walk late = walk(site, "/contexts/mayon-volcano.atom");
        assertEquals(List.of(3, 1, 3, 2, 3, 3, 3), late.counts, "January's last page took it");
        ingest.ingest(List.of(draft(n++, Instant.parse("2018-01-31T09:00:00Z"))));
        for (String feed : List.of("/contexts/mayon-volcano", "/feed")) {
            for (String ext : List.of("atom", "rss", "json")) {
                Walk later = walk(site, feed + "." + ext);
                assertEquals(List.of(3, 1, 3, 2, 1, 3, 3, 3), later.counts, feed + "." + ext);
                assertEquals(19, later.ids.size(), "every event once, the two late ones included");
                assertEquals(archive(feed, "2018-01-4", ext), later.documents.get(4));
            }
        }
        assertEquals(first.ids, xml(resolve(site, january + ".atom").body().get(), false).ids);
        Page secondAfter = xml(resolve(site, january + "-2.atom").body().get(), false);
        assertEquals(second.ids, secondAfter.ids, "a sealed page keeps its entries");
        assertEquals(second.links, secondAfter.links, "and its links");
        assertEquals("public, max-age=31536000, immutable", resolve(site, january + "-3.atom").cacheControl(),
                "full and no longer the last: sealed now");

        try (Served http = new Served(site)) {
            HttpResponse<String> last = http.get(january + "-4.atom");
            assertEquals(200, last.statusCode());
            assertEquals(Optional.of(Document.CHANGING), last.headers().firstValue("cache-control"));
            assertEquals(Optional.of("public, max-age=31536000, immutable"),
                    http.get(january + "-2.atom").headers().firstValue("cache-control"));
            for (String bad : List.of("-0", "-1", "-02", "-x", "-2x", "-", "-99999999999999999999", "-100001")) {
                HttpResponse<String> r = http.get(january + bad + ".atom");
                assertEquals(400, r.statusCode(), bad);
                assertTrue(r.body().startsWith("an archive page number is a whole number from 2 to 100000"), r.body());
            }
            assertEquals(400, http.get("/archive/2018-01-0.json").statusCode());
            for (String missing : List.of(january + "-5.atom", january + "-100000.atom",
                    "/contexts/mayon-volcano/archive/2018-03-2.atom", "/archive/2018-02-2.rss")) {
                HttpResponse<String> r = http.get(missing);
                assertEquals(404, r.statusCode(), missing);
                assertTrue(r.body().contains("Not found"), missing);
            }
        }
    }

    private static List<String> headlines(Document atom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList titles = f.newDocumentBuilder().parse(new ByteArrayInputStream(atom.body().get()))
                .getElementsByTagNameNS(ATOM, "entry");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            out.add(((Element) titles.item(i)).getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
        }
        return out;
    }

    /** The site handler on a real Jetty server on a free loopback port. */
    private static final class Served implements AutoCloseable {
        private final Server server = new Server();
        private final HttpClient client = HttpClient.newHttpClient();
        private final int port;

        Served(Site site) throws Exception {
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(new SiteHandler(site, new DocumentCache(10_000_000)));
            server.start();
            port = connector.getLocalPort();
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
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
        return find(site, path).orElseThrow(() -> new AssertionError(path + " not found"));
    }

    private static Optional<Document> find(Site site, String path) {
        Optional<PageRoute.Answer> archive = ArchiveRoute.resolve(site, path);
        if (archive.isPresent()) {
            if (archive.get() instanceof PageRoute.Doc doc) {
                return Optional.of(doc.document());
            }
            throw new AssertionError(path + " refused: " + archive.get());
        }
        return SiteRoute.resolve(site, path);
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
