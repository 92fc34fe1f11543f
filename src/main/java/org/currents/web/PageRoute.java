package org.currents.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.currents.event.ContextKind;
import org.currents.event.SearchQuery;
import org.currents.event.Slugs;
import org.currents.publish.Document;
import org.currents.publish.FeedFormat;
import org.currents.publish.Site;
import org.currents.publish.html.KindLabel;
import org.eclipse.jetty.util.Fields;

/**
 * The reader's pages that take query parameters (the indexes, paged context pages, search and its
 * feeds) and the static assets. Bad parameters are answered 400 with a sentence for the reader.
 */
final class PageRoute {
    private static final Pattern CONTEXT_PAGE = Pattern.compile("/contexts/([a-z0-9-]{1,160})/");
    private static final Pattern SEARCH_FEED = Pattern.compile("/search\\.(rss|atom|json)");
    private static final Pattern ASSET = Pattern.compile("/static/([a-z0-9.-]{1,40})");
    private static final Pattern COVER = Pattern.compile("/images/([0-9a-f]{32})/(\\d{2,4})\\.jpg");
    private static final int MAX_PAGE = 10_000;
    private static final int MAX_FILTER = 100;

    private PageRoute() {
    }

    static Optional<Answer> resolve(Site site, String path, Fields params) {
        try {
            return route(site, path, params);
        } catch (Refused r) {
            return Optional.of(r.page);
        }
    }

    private static Optional<Answer> route(Site site, String path, Fields params) throws Refused {
        if (path.equals("/days/")) {
            return site.days(page(params)).map(Doc::new);
        }
        if (path.equals("/contexts/")) {
            String filter = value(params, "q");
            if (filter.length() > MAX_FILTER) {
                throw new Refused(Page.html(400, site.badRequest("A context filter may be at most " + MAX_FILTER + " characters long.")));
            }
            return Optional.of(new Doc(site.contexts(kind(site, value(params, "kind")), filter)));
        }
        Matcher m = CONTEXT_PAGE.matcher(path);
        if (m.matches() && Slugs.isSlug(m.group(1)) && params.get("page") != null) {
            // Past the end of a context's history is nothing, not the first page again.
            return Optional.of(site.contextPage(m.group(1), page(params)).<Answer>map(Doc::new)
                    .orElseGet(() -> Page.html(404, site.notFound(path))));
        }
        if (path.equals("/search")) {
            String text = value(params, "q");
            if (text.isBlank()) {
                return Optional.of(Page.html(200, site.searchForm("", null)));
            }
            SearchQuery query;
            try {
                query = SearchQuery.parse(text);
            } catch (IllegalArgumentException e) {
                throw new Refused(Page.html(400, site.searchForm(text, e.getMessage())));
            }
            return Optional.of(new Doc(site.search(query, page(params))));
        }
        m = SEARCH_FEED.matcher(path);
        if (m.matches()) {
            try {
                return Optional.of(new Doc(site.searchFeed(SearchQuery.parse(value(params, "q")), feedFormat(m.group(1)))));
            } catch (IllegalArgumentException e) {
                throw new Refused(Page.text("A search feed needs ?q= with words to search for: " + e.getMessage()));
            }
        }
        m = COVER.matcher(path);
        if (m.matches()) {
            return site.coverImage(m.group(1), Integer.parseInt(m.group(2))).map(Doc::new);
        }
        m = ASSET.matcher(path);
        if (m.matches()) {
            return site.asset(m.group(1)).map(Doc::new);
        }
        return Optional.empty();
    }

    private static String value(Fields params, String name) {
        Fields.Field f = params.get(name);
        return f == null || f.getValue() == null ? "" : f.getValue();
    }

    private static int page(Fields params) throws Refused {
        String p = value(params, "page");
        if (p.isEmpty()) {
            return 1;
        }
        if (p.matches("\\d{1,5}")) {
            int n = Integer.parseInt(p);
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        }
        throw new Refused(Page.text("page must be a whole number from 1 to " + MAX_PAGE + ", not '" + shorten(p) + "'"));
    }

    private static Optional<ContextKind> kind(Site site, String value) throws Refused {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        for (ContextKind k : ContextKind.values()) {
            if (KindLabel.param(k).equals(value)) {
                return Optional.of(k);
            }
        }
        throw new Refused(Page.html(400, site.badRequest("There is no kind of context called '" + shorten(value)
                + "'; choose story, subject, category or source-group.")));
    }

    private static FeedFormat feedFormat(String extension) {
        for (FeedFormat f : FeedFormat.values()) {
            if (f.extension().equals(extension)) {
                return f;
            }
        }
        throw new IllegalArgumentException(extension);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** What a route answers: a published document, or a page of its own (the bare search form, a 400). */
    sealed interface Answer permits Doc, Page {
    }

    record Doc(Document document) implements Answer {
    }

    record Page(int status, String contentType, byte[] body) implements Answer {
        static Page html(int status, byte[] body) {
            return new Page(status, "text/html; charset=utf-8", body);
        }

        static Page text(String message) {
            return new Page(400, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A parameter the reader got wrong, with the answer explaining it; caught in {@link #resolve} only. */
    private static final class Refused extends Exception {
        private final transient Page page;

        Refused(Page page) {
            super(null, null, false, false);
            this.page = page;
        }
    }
}
