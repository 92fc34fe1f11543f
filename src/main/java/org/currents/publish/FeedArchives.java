package org.currents.publish;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.currents.event.Event;
import org.currents.store.ContextStore;
import org.currents.store.EventStore;
import org.currents.store.FeedHistory;
import org.currents.store.Stamp;

/**
 * The archive documents of the feeds (RFC 5005), a context's and all events', and the link from
 * a current feed to its newest archive; the policy (months, pages, sealing) is {@link Archives}'.
 */
final class FeedArchives {
    /** How long a sealed archive page may be kept: what it holds and links never changes. */
    static final String SEALED = "public, max-age=31536000, immutable";

    /** Renders a feed document of the events {@code list} gives, as {@link Site} renders every feed. */
    interface Renderer {
        Document render(FeedFormat format, String what, Stamp stamp, FeedMeta meta, Supplier<List<Event>> list);
    }

    private final EventStore events;
    private final ContextStore contexts;
    private final SiteLinks links;
    private final int feedEntries;
    private final int archiveEntries;
    private final Renderer renderer;

    FeedArchives(EventStore events, ContextStore contexts, SiteLinks links, int feedEntries, int archiveEntries,
                 Renderer renderer) {
        this.events = events;
        this.contexts = contexts;
        this.links = links;
        this.feedEntries = feedEntries;
        this.archiveEntries = archiveEntries;
        this.renderer = renderer;
    }

    Optional<Document> contextArchive(String slug, YearMonth month, int page, FeedFormat format) {
        return contexts.find(slug).flatMap(summary -> {
            FeedHistory history = events.history(slug, feedEntries);
            Archives.Page at = new Archives.Page(month, page);
            String name = summary.context().name();
            return Archives.of(history, at, archiveEntries, links.contextFeed(slug, format),
                    p -> links.contextArchive(slug, p.month(), p.number(), format)).map(place -> {
                Stamp stamp = contexts.feedStamp(slug);
                return document(format, format.extension() + "-" + slug + "-" + month + "-" + page, stamp, history, at,
                        new FeedMeta("Currents: " + name + ", " + title(at), "Events filed under " + name + " in "
                                + month + " that are older than its current feed" + pageNote(history, at) + ".",
                                links.contextPage(slug), links.contextArchive(slug, month, page, format), stamp.updated(),
                                place), slug);
            });
        });
    }

    Optional<Document> archive(YearMonth month, int page, FeedFormat format) {
        FeedHistory history = events.history(null, feedEntries);
        Archives.Page at = new Archives.Page(month, page);
        return Archives.of(history, at, archiveEntries, links.allEvents(format),
                p -> links.archive(p.month(), p.number(), format)).map(place -> {
            Stamp stamp = events.stamp();
            return document(format, format.extension() + "-all-" + month + "-" + page, stamp, history, at,
                    new FeedMeta("Currents: all events, " + title(at), "Every event of " + month
                            + " older than the current feed of all events" + pageNote(history, at) + ".",
                            links.home(), links.archive(month, page, format), stamp.updated(), place), null);
        });
    }

    /** The history links of the current feed of context {@code slug} (null: of all events). One read of its history. */
    ArchiveLinks currentLinks(String slug, FeedFormat format) {
        FeedHistory history = events.history(slug, feedEntries);
        return Archives.newest(history, archiveEntries).map(p -> ArchiveLinks.current(slug == null
                ? links.archive(p.month(), p.number(), format) : links.contextArchive(slug, p.month(), p.number(), format)))
                .orElse(ArchiveLinks.NONE);
    }

    private static String title(Archives.Page at) {
        return at.month() + (at.number() > 1 ? ", page " + at.number() : "");
    }

    /** A busy month's pages say which stretch of the month they hold. */
    private String pageNote(FeedHistory history, Archives.Page at) {
        int pages = Archives.pages(history.month(at.month()).orElseThrow().events(), archiveEntries);
        return pages == 1 ? "" : ", page " + at.number() + " of " + pages + " in the order they arrived";
    }

    private Document document(FeedFormat format, String what, Stamp stamp, FeedHistory history, Archives.Page at,
                              FeedMeta meta, String slug) {
        Document doc = renderer.render(format, "archive-" + what, stamp, meta, () -> events.archived(slug, history,
                at.month(), (at.number() - 1) * archiveEntries, archiveEntries));
        return Archives.sealed(history, at, archiveEntries)
                ? new Document(doc.contentType(), doc.etag(), doc.lastModified(), SEALED, doc.body()) : doc;
    }
}
