package org.currents.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.ContextSummary;
import org.currents.event.Event;
import org.currents.event.RelatedEvent;
import org.currents.event.SearchQuery;
import org.currents.image.CoverImages;
import org.currents.relate.RelatedEvents;
import org.currents.store.ContextStore;
import org.currents.store.EventSearch;
import org.currents.store.EventStore;
import org.currents.store.Listings;
import org.currents.store.Stamp;

/**
 * Everything Currents publishes, as documents: the one thing the web layer asks for content.
 * Validators come from stamps in the database, so a conditional request costs a query, not a render.
 */
public final class Site {
    /** Bumped when the renderers change what they write, so caches holding old renderings miss. */
    private static final String RENDERING = "r2";
    static final int RELATED = 10;

    private final EventStore events;
    private final ContextStore contexts;
    private final RelatedEvents related;
    private final SiteLinks links;
    private final ReaderPages pages;
    private final EventSearch search;
    private final CoverImages covers;
    private final RssFeedWriter rss;
    private final AtomFeedWriter atom;
    private final JsonFeedWriter json;
    private final EventDocuments eventDocuments;
    private final OpmlCatalogue opml;
    private final ContextOffer offer;
    private final int feedEntries;
    private final FeedArchives archives;
    private final SiteVersion version;

    public Site(EventStore events, ContextStore contexts, RelatedEvents related, URI base, int minEvents, Listings listings,
                EventSearch search, CoverImages covers) {
        this(events, contexts, related, base, minEvents, 50, 200, listings, search, covers);
    }

    /**
     * @param feedEntries how many of the newest events a current feed holds; older ones are in its archives
     * @param archiveEntries how many events an archive document holds at most; a busier month has several pages
     */
    public Site(EventStore events, ContextStore contexts, RelatedEvents related, URI base, int minEvents, int feedEntries,
                int archiveEntries, Listings listings, EventSearch search, CoverImages covers) {
        this(events, contexts, related, base, minEvents, feedEntries, archiveEntries, listings, search, covers, null);
    }

    /** @param externalHub advertised by the all-events feeds besides our own hub ({@code websub.external-hub}), or null */
    public Site(EventStore events, ContextStore contexts, RelatedEvents related, URI base, int minEvents, int feedEntries,
                int archiveEntries, Listings listings, EventSearch search, CoverImages covers, URI externalHub) {
        if (feedEntries < 1 || archiveEntries < 1) {
            throw new IllegalArgumentException("a feed and an archive page hold at least one event: " + feedEntries
                    + ", " + archiveEntries);
        }
        this.covers = covers;
        this.search = search;
        this.offer = new ContextOffer(minEvents);
        this.feedEntries = feedEntries;
        this.events = events;
        this.contexts = contexts;
        this.related = related;
        this.links = new SiteLinks(base, externalHub);
        ObjectMapper mapper = new ObjectMapper();
        EntryHtml entryHtml = new EntryHtml(links);
        this.pages = new ReaderPages(events, contexts, listings, search, links, covers, offer);
        this.rss = new RssFeedWriter(links, entryHtml);
        this.atom = new AtomFeedWriter(links, entryHtml);
        this.json = new JsonFeedWriter(links, entryHtml, mapper);
        this.eventDocuments = new EventDocuments(links, mapper);
        this.opml = new OpmlCatalogue(links);
        this.version = new SiteVersion(events::version);
        this.archives = new FeedArchives(events, contexts, links, feedEntries, archiveEntries,
                (format, what, stamp, meta, list) -> document(format.contentType(), what, stamp,
                        () -> feed(format, meta, list.get())));
    }

    /** The version of everything published as last read (see {@link SiteVersion}); no query. */
    public long version() {
        return version.current();
    }

    /** Reads the version again: after a commit on this node, and on a timer for other nodes' commits. */
    public void refreshVersion() {
        version.refresh();
    }

    public SiteLinks links() {
        return links;
    }

    public Document home() {
        return pages.home();
    }

    public Optional<Document> contextPage(String slug) {
        return pages.context(slug, 1);
    }

    /** Page {@code page} (1 the newest) of a context's history; none past its end. */
    public Optional<Document> contextPage(String slug, int page) {
        return pages.context(slug, page);
    }

    /** Page {@code page} of the index of days; none past its end. */
    public Optional<Document> days(int page) {
        return pages.days(page);
    }

    /** The catalogue of visible contexts, of one kind or all, whose names contain {@code filter}. */
    public Document contexts(Optional<ContextKind> kind, String filter) {
        return pages.contexts(kind, filter);
    }

    /** A page of search results for a parsed query. */
    public Document search(SearchQuery query, int page) {
        return pages.search(query, page);
    }

    /** The search form, with the reason a query could not run when {@code problem} is given. */
    public byte[] searchForm(String text, String problem) {
        return pages.searchForm(text, problem);
    }

    /** A search as a feed: the best matches, so a saved search is a subscription. */
    public Document searchFeed(SearchQuery query, FeedFormat format) {
        Stamp stamp = events.stamp();
        var feeds = pages.searchFeeds(query);
        String self = format == FeedFormat.RSS ? feeds.rss() : format == FeedFormat.ATOM ? feeds.atom() : feeds.json();
        return document(format.contentType(), format.extension() + "-search-" + Integer.toHexString(query.text().hashCode()),
                stamp, () -> feed(format, new FeedMeta("Currents search: " + query.text(), "Events matching the search '"
                        + query.text() + "', best match first, with related events.", links.search(query.text(), 1), self,
                        stamp.updated()), search.search(query, 0, feedEntries)));
    }

    /** The stylesheet or the script of the pages ({@code currents.css}, {@code copy.js}). */
    public Optional<Document> asset(String name) {
        return switch (name) {
            case "currents.css" -> Optional.of(ReaderPages.asset(name, "text/css; charset=utf-8"));
            case "copy.js" -> Optional.of(ReaderPages.asset(name, "text/javascript; charset=utf-8"));
            default -> Optional.empty();
        };
    }

    /** One width of a cover image, when it is on disk. */
    public Optional<Document> coverImage(String key, int width) {
        return covers.variant(key, width).map(bytes -> new Document("image/jpeg", "\"img-" + key + "-" + width + "\"",
                null, () -> bytes));
    }

    /** The HTML body of a 400 page giving the reader {@code reason}. */
    public byte[] badRequest(String reason) {
        return pages.badRequest(reason);
    }

    /** The slug a renamed or merged context now has. */
    public Optional<String> contextAlias(String slug) {
        return contexts.aliasOf(slug);
    }

    public Optional<Document> contextFeed(String slug, FeedFormat format) {
        return contexts.find(slug).map(summary -> {
            Stamp stamp = contexts.feedStamp(slug);
            Context c = summary.context();
            return document(format.contentType(), format.extension() + "-" + slug, stamp, () -> feed(format,
                    new FeedMeta("Currents: " + c.name(), "Events filed under " + c.name() + " ("
                            + c.kind().name().toLowerCase() + "), with related events.", links.contextPage(slug),
                            links.contextFeed(slug, format), stamp.updated(), archives.currentLinks(slug, format)),
                    events.inContext(slug, feedEntries)));
        });
    }

    /**
     * Page {@code page} (1 the first, whose URL is the month's) of the archive of context
     * {@code slug}'s events of {@code month} not in its current feed (RFC 5005); none when the
     * month has no archived events or fewer pages.
     */
    public Optional<Document> contextArchive(String slug, YearMonth month, int page, FeedFormat format) {
        return archives.contextArchive(slug, month, page, format);
    }

    /** Page {@code page} of the archive of all events of {@code month} not in the current all-events feed. */
    public Optional<Document> archive(YearMonth month, int page, FeedFormat format) {
        return archives.archive(month, page, format);
    }

    public Document allEvents(FeedFormat format) {
        Stamp stamp = events.stamp();
        return document(format.contentType(), format.extension() + "-all", stamp, () -> feed(format,
                new FeedMeta("Currents: all events", "Every event Currents knows of, newest first, with related events.",
                        links.home(), links.allEvents(format), stamp.updated(), archives.currentLinks(null, format)),
                events.latest(feedEntries)));
    }

    public Optional<Document> event(LocalDate day, String slug, PageFormat format) {
        return events.find(day, slug).map(e -> {
            Stamp stamp = contexts.stampOf(e.contexts().stream().map(Context::slug).toList());
            Stamp own = stamp.version() > 0 ? stamp : new Stamp(0, e.updated());
            // The HTML page shows the cover once it is ready, so its validator says whether it is;
            // "p2": the second design of the event page, so caches holding the first miss.
            String cover = format != PageFormat.HTML ? "" : covers.ready(e.coverImage()).isPresent() ? "-p2c" : "-p2";
            return document(format.contentType(), "event-" + format.extension() + "-" + e.id() + cover, own,
                    () -> eventPage(e, format));
        });
    }

    public Optional<Document> day(LocalDate day) {
        return pages.day(day);
    }

    /** OPML 2.0 catalogue of the feeds of the contexts worth one (see {@link ContextOffer}). */
    public Document opml() {
        Stamp stamp = events.stamp();
        return document("text/x-opml; charset=utf-8", "opml", stamp,
                () -> opml.write(offer.catalogue(contexts.all()), stamp.updated()));
    }

    /** The HTML body of a 404 page for {@code path}. */
    public byte[] notFound(String path) {
        return pages.notFound(path);
    }

    private byte[] feed(FeedFormat format, FeedMeta meta, List<Event> list) {
        // The view: the events with their sources and contexts, and every entry's related events
        // from one batched read, so a feed costs the same few queries however long it is.
        Map<String, List<RelatedEvent>> rel = related.forPage(list, RELATED);
        List<EventEntry> entries = new ArrayList<>(list.size());
        for (Event e : list) {
            entries.add(new EventEntry(e, rel.get(e.id())));
        }
        switch (format) {
            case RSS:
                return rss.write(meta, entries);
            case ATOM:
                return atom.write(meta, entries);
            default:
                return json.write(meta, entries);
        }
    }

    private byte[] eventPage(Event e, PageFormat format) {
        var rel = related.of(e, RELATED);
        switch (format) {
            case HTML:
                return pages.event(e, rel);
            case JSON:
                return eventDocuments.json(e, rel);
            case XML:
                return eventDocuments.xml(e, rel);
            default:
                return eventDocuments.markdown(e, rel);
        }
    }

    private static Document document(String contentType, String what, Stamp stamp, Supplier<byte[]> body) {
        Instant modified = stamp.updated() == null ? null : stamp.updated().truncatedTo(ChronoUnit.SECONDS);
        return new Document(contentType, "\"" + what + "-" + RENDERING + "-" + stamp.version() + "\"", modified, body);
    }
}
