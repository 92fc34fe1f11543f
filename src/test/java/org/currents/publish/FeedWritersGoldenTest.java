package org.currents.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventHeadline;
import org.currents.event.EventSource;
import org.currents.event.MergeNote;
import org.currents.event.RelatedEvent;
import org.junit.jupiter.api.Test;

/**
 * Every feed writer and the event documents, to the byte, on one event merged from two outlets
 * with related events that carry the contexts relating them. A changed output fails here; when
 * the change is meant, the actual output is left under target/golden/ to review and copy over.
 */
class FeedWritersGoldenTest {
    private static final Instant T = Instant.parse("2018-01-22T10:54:00Z");
    private static final SiteLinks LINKS = new SiteLinks(URI.create("https://currents.example/"));
    private static final Context STORY = Context.named("Sanchi oil tanker collision", ContextKind.STORY);
    private static final Context SEA = Context.named("East China Sea", ContextKind.SUBJECT);
    private static final Context ENERGY = Context.named("Energy & <Oil>", ContextKind.CATEGORY);

    private static Event event() {
        return new Event("e1", "the-sanchi-sinks", T, "The Sanchi sinks in the East China Sea",
                "The burning tanker sank after a week; all 32 crew are presumed dead.",
                "<p>The burning tanker sank after a week.</p>", "https://wire.example/sanchi", "https://img.example/s.jpg",
                List.of(new EventSource(1, "World Wire", "https://wire.example/sanchi", "https://wire.example/feed.xml",
                                "The Sanchi sinks in the East China Sea", T, 11, null),
                        new EventSource(2, "Harbor Times", "https://harbor.example/tanker", "https://harbor.example/rss",
                                "Iranian tanker goes down after week-long blaze", T.plusSeconds(7200), 22,
                                new MergeNote(0.61, "same subjects East China Sea; same names Sanchi; 2 h apart"))),
                List.of(STORY, SEA, ENERGY), STORY.slug(), T, T.plusSeconds(7200));
    }

    private static List<EventEntry> entries() {
        return List.of(new EventEntry(event(), List.of(
                new RelatedEvent(new EventHeadline("e0", "sanchi-collides", T.minusSeconds(86400 * 15),
                        "The tanker Sanchi collides with a freighter"), List.of(STORY, SEA), 5.2),
                new RelatedEvent(new EventHeadline("e9", "oil-prices-rise", T.minusSeconds(86400 * 2),
                        "Oil prices rise \"sharply\" <again>"), List.of(ENERGY), 1.1),
                new RelatedEvent(new EventHeadline("e7", "crew-missing", T.minusSeconds(86400 * 4),
                        "Thirty-two sailors missing after a collision"), List.of(), List.of("sailors", "<collision>"), 0.4))));
    }

    private static FeedMeta meta(FeedFormat format) {
        return new FeedMeta("Currents: Sanchi oil tanker collision", "Events filed under Sanchi oil tanker collision",
                LINKS.contextPage(STORY.slug()), LINKS.contextFeed(STORY.slug(), format), T.plusSeconds(7200));
    }

    @Test
    void rssCarriesRelatedLinksWithTheirContexts() throws IOException {
        golden("context.rss", new RssFeedWriter(LINKS, new EntryHtml(LINKS)).write(meta(FeedFormat.RSS), entries()));
    }

    @Test
    void atomCarriesRelatedLinksWithTheirContexts() throws IOException {
        golden("context.atom", new AtomFeedWriter(LINKS, new EntryHtml(LINKS)).write(meta(FeedFormat.ATOM), entries()));
    }

    @Test
    void jsonFeedCarriesRelatedLinksWithTheirContexts() throws IOException {
        golden("context.json", new JsonFeedWriter(LINKS, new EntryHtml(LINKS), new ObjectMapper()).write(meta(FeedFormat.JSON), entries()));
    }

    /** A month's archive (RFC 5005): fh:archive, and links to the current feed and the archives either side. */
    private static FeedMeta archiveMeta(FeedFormat format) {
        YearMonth month = YearMonth.of(2018, 1);
        return new FeedMeta("Currents: Sanchi oil tanker collision, 2018-01", "Events filed under Sanchi oil tanker collision",
                LINKS.contextPage(STORY.slug()), LINKS.contextArchive(STORY.slug(), month, format), T.plusSeconds(7200),
                new ArchiveLinks(true, LINKS.contextFeed(STORY.slug(), format),
                        LINKS.contextArchive(STORY.slug(), month.minusMonths(2), format),
                        LINKS.contextArchive(STORY.slug(), month.plusMonths(1), format)));
    }

    @Test
    void rssArchiveIsMarkedAndLinksItsNeighbours() throws IOException {
        golden("archive.rss", new RssFeedWriter(LINKS, new EntryHtml(LINKS)).write(archiveMeta(FeedFormat.RSS), entries()));
    }

    @Test
    void atomArchiveIsMarkedAndLinksItsNeighbours() throws IOException {
        golden("archive.atom", new AtomFeedWriter(LINKS, new EntryHtml(LINKS)).write(archiveMeta(FeedFormat.ATOM), entries()));
    }

    @Test
    void jsonFeedArchiveIsMarkedAndLinksItsNeighbours() throws IOException {
        golden("archive.json", new JsonFeedWriter(LINKS, new EntryHtml(LINKS), new ObjectMapper())
                .write(archiveMeta(FeedFormat.JSON), entries()));
    }

    @Test
    void aCurrentFeedWithHistoryLinksItsNewestArchive() throws IOException {
        FeedMeta meta = meta(FeedFormat.ATOM);
        FeedMeta current = new FeedMeta(meta.title(), meta.description(), meta.pageUrl(), meta.selfUrl(), meta.updated(),
                ArchiveLinks.current(LINKS.contextArchive(STORY.slug(), YearMonth.of(2017, 12), FeedFormat.ATOM)));
        golden("current.atom", new AtomFeedWriter(LINKS, new EntryHtml(LINKS)).write(current, entries()));
    }

    @Test
    void eventDocumentsExplainTheMerge() throws IOException {
        EventDocuments docs = new EventDocuments(LINKS, new ObjectMapper());
        List<RelatedEvent> related = entries().get(0).related();
        golden("event.json", docs.json(event(), related));
        golden("event.xml", docs.xml(event(), related));
        golden("event.md", docs.markdown(event(), related));
    }

    @Test
    void opmlCatalogueGroupsContextFeedsByKind() throws IOException {
        List<org.currents.event.ContextSummary> contexts = List.of(
                new org.currents.event.ContextSummary(STORY, 12, T, 7, false),
                new org.currents.event.ContextSummary(SEA, 3, T, 5, false),
                new org.currents.event.ContextSummary(ENERGY, 2, T, 4, false));
        golden("catalogue.opml", new OpmlCatalogue(LINKS).write(contexts, T.plusSeconds(7200)));
    }

    private static void golden(String name, byte[] actual) throws IOException {
        String got = new String(actual, StandardCharsets.UTF_8);
        try (InputStream in = FeedWritersGoldenTest.class.getResourceAsStream(name)) {
            Path out = Path.of("target", "golden", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, got);
            if (in == null) {
                fail("no golden file src/test/resources/org/currents/publish/" + name + "; the output is in " + out);
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), got, name + " changed; see " + out);
        }
    }
}
