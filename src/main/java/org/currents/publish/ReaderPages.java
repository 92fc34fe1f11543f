package org.currents.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.currents.event.ContextKind;
import org.currents.event.ContextSummary;
import org.currents.event.DayCount;
import org.currents.event.Event;
import org.currents.event.RelatedEvent;
import org.currents.event.SearchQuery;
import org.currents.image.CoverImages;
import org.currents.publish.html.ContextPage;
import org.currents.publish.html.Cover;
import org.currents.publish.html.ContextsPage;
import org.currents.publish.html.DayPage;
import org.currents.publish.html.DaySection;
import org.currents.publish.html.DaysPage;
import org.currents.publish.html.EventPage;
import org.currents.publish.html.HomePage;
import org.currents.publish.html.KindLabel;
import org.currents.publish.html.Layout;
import org.currents.publish.html.NotFoundPage;
import org.currents.publish.html.SearchPage;
import org.currents.publish.html.Subscribe;
import org.currents.store.ContextStore;
import org.currents.store.EventSearch;
import org.currents.store.EventStore;
import org.currents.store.Listings;
import org.currents.store.Stamp;

/**
 * The reader's HTML pages as documents: gathers what each page shows from the stores (a constant
 * number of queries per page) and hands it to that page's writer; validators come from stamps.
 */
final class ReaderPages {
    private static final String HTML = "text/html; charset=utf-8";
    /** Bumped when the page writers change what they write. */
    private static final String RENDERING = "h13a";
    static final int HOME_DAYS = 3;
    static final int HOME_EVENTS_PER_DAY = 25;
    static final int BUSIEST = 10;
    static final int DAYS_PER_PAGE = 200;
    static final int CONTEXT_EVENTS_PER_PAGE = 50;
    static final int ALONGSIDE = 12;
    static final int MAX_PAGE = 10_000;

    private final EventStore events;
    private final ContextStore contexts;
    private final Listings listings;
    private final EventSearch search;
    private final SiteLinks links;
    private final CoverImages covers;
    private final HomePage home;
    private final DaysPage days;
    private final DayPage day;
    private final ContextsPage contextsPage;
    private final ContextPage contextPage;
    private final EventPage eventPage;
    private final SearchPage searchPage;
    private final NotFoundPage notFound;
    private final ContextOffer offer;

    ReaderPages(EventStore events, ContextStore contexts, Listings listings, EventSearch search, SiteLinks links,
                CoverImages covers, ContextOffer offer) {
        this.covers = covers;
        this.offer = offer;
        this.events = events;
        this.contexts = contexts;
        this.listings = listings;
        this.search = search;
        this.links = links;
        Layout layout = new Layout(links);
        this.home = new HomePage(layout);
        this.days = new DaysPage(layout);
        this.day = new DayPage(layout);
        this.contextsPage = new ContextsPage(layout);
        this.contextPage = new ContextPage(layout);
        this.eventPage = new EventPage(layout);
        this.searchPage = new SearchPage(layout);
        this.notFound = new NotFoundPage(layout);
    }

    Document home() {
        return document("home", events.stamp(), () -> {
            List<DaySection> sections = new ArrayList<>();
            for (DayCount d : listings.days(0, HOME_DAYS)) {
                sections.add(new DaySection(d.day(), d.events(), listings.onDay(d.day(), HOME_EVENTS_PER_DAY)));
            }
            // Read three times as many as shown: some are subjects the catalogue does not offer.
            List<ContextSummary> busiest = sections.isEmpty() ? List.of()
                    : listings.busiest(sections.get(0).day().minusDays(6), sections.get(0).day(), 3 * BUSIEST).stream()
                            .filter(offer::offered).limit(BUSIEST).toList();
            Optional<LocalDate> earlier = sections.isEmpty() ? Optional.empty()
                    : events.dayBefore(sections.get(sections.size() - 1).day());
            return home.write(sections, busiest, earlier, allFeeds());
        });
    }

    Optional<Document> days(int page) {
        int pages = Math.max(1, (listings.dayCount() + DAYS_PER_PAGE - 1) / DAYS_PER_PAGE);
        if (page > pages) {
            return Optional.empty();
        }
        return Optional.of(document("days-" + page, events.stamp(),
                () -> days.write(listings.days((page - 1) * DAYS_PER_PAGE, DAYS_PER_PAGE), page, pages, allFeeds())));
    }

    Document contexts(Optional<ContextKind> kind, String filter) {
        String f = filter == null ? "" : filter.strip();
        String key = "contexts-" + kind.map(KindLabel::param).orElse("all") + "-" + digest(f);
        return document(key, events.stamp(), () -> {
            String needle = f.toLowerCase(Locale.ROOT);
            List<ContextSummary> shown = contexts.all().stream()
                    .filter(c -> !c.hidden())
                    .filter(c -> kind.isEmpty() || c.context().kind() == kind.get())
                    .filter(c -> needle.isEmpty() || c.context().name().toLowerCase(Locale.ROOT).contains(needle))
                    .sorted(Comparator.comparingInt(ContextSummary::eventCount).reversed()
                            .thenComparing(c -> c.context().name()))
                    .toList();
            return contextsPage.write(shown, kind, f, allFeeds());
        });
    }

    Optional<Document> day(LocalDate date) {
        List<Event> onDay = events.onDay(date);
        if (onDay.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(document("day-" + date, events.stamp(),
                () -> day.write(date, onDay, events.dayBefore(date), listings.dayAfter(date), allFeeds())));
    }

    Optional<Document> context(String slug, int page) {
        return contexts.find(slug).flatMap(summary -> {
            int offset = (page - 1) * CONTEXT_EVENTS_PER_PAGE;
            if (page > 1 && offset >= summary.eventCount()) {
                return Optional.empty();
            }
            return Optional.of(document("page-" + slug + "-" + page, contexts.feedStamp(slug), () -> {
                List<Event> list = listings.inContext(slug, offset, CONTEXT_EVENTS_PER_PAGE + 1);
                boolean older = list.size() > CONTEXT_EVENTS_PER_PAGE;
                return contextPage.write(summary, older ? list.subList(0, CONTEXT_EVENTS_PER_PAGE) : list, page, older,
                        listings.alongside(slug, ALONGSIDE), contextFeeds(summary));
            }));
        });
    }

    byte[] event(Event e, List<RelatedEvent> related) {
        Subscribe feeds = e.story().map(s -> new Subscribe("Currents: " + s.name(), links.contextFeed(s.slug(), FeedFormat.RSS),
                links.contextFeed(s.slug(), FeedFormat.ATOM), links.contextFeed(s.slug(), FeedFormat.JSON))).orElse(allFeeds());
        Optional<Cover> cover = covers.ready(e.coverImage()).map(r -> new Cover(
                r.widths().stream().map(w -> links.coverImage(r.key(), w)).toList(), r.widths()));
        return eventPage.write(e, related, feeds, cover);
    }

    /** The search page; with no text, the form alone. A query that cannot run is shown with its reason (as 400 by the caller). */
    Document search(SearchQuery query, int page) {
        return document("search-" + digest(query.text()) + "-" + page, events.stamp(), () -> {
            List<Event> found = search.search(query, (page - 1) * SearchPage.PER_PAGE, SearchPage.PER_PAGE + 1);
            boolean more = found.size() > SearchPage.PER_PAGE;
            return searchPage.results(query, more ? found.subList(0, SearchPage.PER_PAGE) : found, page, more,
                    searchFeeds(query));
        });
    }

    byte[] searchForm(String text, String problem) {
        return searchPage.form(text, problem);
    }

    byte[] notFound(String path) {
        return notFound.write(path);
    }

    byte[] badRequest(String reason) {
        return notFound.badRequest(reason);
    }

    Subscribe searchFeeds(SearchQuery query) {
        return new Subscribe("Currents search: " + query.text(), links.searchFeed(query.text(), FeedFormat.RSS),
                links.searchFeed(query.text(), FeedFormat.ATOM), links.searchFeed(query.text(), FeedFormat.JSON));
    }

    /** A static asset from this package's resources, with a validator from its content. */
    static Document asset(String name, String contentType) {
        byte[] body;
        try (InputStream in = ReaderPages.class.getResourceAsStream("html/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/currents/publish/html/" + name);
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
        return new Document(contentType, "\"" + digest(new String(body, StandardCharsets.UTF_8)) + "\"", null, () -> body);
    }

    private Subscribe allFeeds() {
        return new Subscribe("Currents: all events", links.allEvents(FeedFormat.RSS), links.allEvents(FeedFormat.ATOM),
                links.allEvents(FeedFormat.JSON));
    }

    private Subscribe contextFeeds(ContextSummary c) {
        String slug = c.context().slug();
        return new Subscribe("Currents: " + c.context().name(), links.contextFeed(slug, FeedFormat.RSS),
                links.contextFeed(slug, FeedFormat.ATOM), links.contextFeed(slug, FeedFormat.JSON));
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document document(String what, Stamp stamp, Supplier<byte[]> body) {
        Instant modified = stamp.updated() == null ? null : stamp.updated().truncatedTo(ChronoUnit.SECONDS);
        return new Document(HTML, "\"" + what + "-" + RENDERING + "-" + stamp.version() + "\"", modified, body);
    }
}
