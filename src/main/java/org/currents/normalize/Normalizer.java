package org.currents.normalize;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.currents.config.ContextSettings;
import org.currents.event.ArticleUrls;
import org.currents.event.EventDraft;
import org.currents.event.Keys;
import org.currents.event.EventSource;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.parse.ParsedFeed;
import org.currents.parse.ParsedItem;
import org.currents.parse.ParsedMedia;
import org.currents.source.Source;

/** Turns a parsed feed's items into event drafts: sanitized, dated, linked, filed under contexts. */
public final class Normalizer {
    /** Items dated further ahead than this are taken as dated now: a wrong clock, not news from the future. */
    private static final Duration MAX_FUTURE = Duration.ofHours(1);
    private static final int MAX_HEADLINE = 500;
    private static final int MAX_SUMMARY = 600;
    private static final int MAX_ITEMS = 2000;

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final ContextFinder contexts;
    private final TextAnalyzer analyzer;

    public Normalizer(ContextSettings settings, TextAnalyzer analyzer, Places places) {
        this.contexts = new ContextFinder(settings, places);
        this.analyzer = analyzer;
    }

    /** Drafts for every usable item (of the first {@value #MAX_ITEMS}); {@code now} dates items that carry no date. */
    public List<EventDraft> normalize(Source source, ParsedFeed feed, Instant now) {
        return items(source, feed, now).drafts();
    }

    /**
     * The feed's items (at most {@value #MAX_ITEMS}), to be made drafts one by one, later: what a
     * feed's items share (its outlet, the base of its links) read once. Items wait smaller than
     * drafts while the feeds polled with this one are fetched.
     */
    public FeedItems items(Source source, ParsedFeed feed, Instant now) {
        String feedUrl = source.feedUrl().startsWith("http") ? source.feedUrl() : null;
        List<ParsedItem> items = feed.items().size() > MAX_ITEMS ? feed.items().subList(0, MAX_ITEMS) : feed.items();
        // The items of a feed share their base (the feed's URL or its xml:base): resolved once, not per item.
        Map<String, String> bases = new HashMap<>();
        for (ParsedItem item : items) {
            bases.computeIfAbsent(item.baseUrl(), b -> Links.absolute(b, feedUrl));
        }
        return new FeedItems(source, outlet(source, feed), Collections.unmodifiableMap(bases), List.copyOf(items), now);
    }

    /** A feed's items, each made a draft on demand (see {@link #items}). */
    public final class FeedItems {
        private final Source source;
        private final String outlet;
        /** Each item base URL, resolved (null when it resolves to nothing). */
        private final Map<String, String> bases;
        private final List<ParsedItem> items;
        private final Instant now;

        private FeedItems(Source source, String outlet, Map<String, String> bases, List<ParsedItem> items, Instant now) {
            this.source = source;
            this.outlet = outlet;
            this.bases = bases;
            this.items = items;
            this.now = now;
        }

        public Source source() {
            return source;
        }

        public List<ParsedItem> items() {
            return items;
        }

        /** The time the item's draft will carry: its date, else its update's, else now; never far ahead of now. */
        public Instant published(ParsedItem item) {
            Instant published = item.published() != null ? item.published() : item.updated() != null ? item.updated() : now;
            return published.isAfter(now.plus(MAX_FUTURE)) ? now : published;
        }

        /** The drafts of every usable item, in the feed's order. */
        public List<EventDraft> drafts() {
            List<EventDraft> drafts = new ArrayList<>();
            for (ParsedItem item : items) {
                EventDraft d = draft(item);
                if (d != null) {
                    drafts.add(d);
                }
            }
            return drafts;
        }

        /** The item's draft, or null when it has nothing to show (no headline, no text). */
        public EventDraft draft(ParsedItem item) {
            return Normalizer.this.draft(source, outlet, item, bases.get(item.baseUrl()), published(item));
        }
    }

    private EventDraft draft(Source source, String outlet, ParsedItem item, String base, Instant published) {
        String rawHtml = !item.contentHtml().isBlank() ? item.contentHtml() : item.summaryHtml();
        String summaryHtml = !item.summaryHtml().isBlank() ? item.summaryHtml() : item.contentHtml();
        boolean summaryIsBody = summaryHtml.equals(rawHtml);
        HtmlSanitizer.SanitizedHtml body = sanitizer.sanitize(rawHtml, base, summaryIsBody);
        String summary = cut(summaryIsBody ? body.text() : sanitizer.text(summaryHtml), MAX_SUMMARY);
        String headline = cut(sanitizer.text(item.title()), MAX_HEADLINE);
        if (headline.isEmpty()) {
            headline = cut(firstSentence(summary), MAX_HEADLINE);
        }
        if (headline.isEmpty()) {
            return null;
        }
        String link = Links.canonical(Links.absolute(item.link(), base));
        String itemId = item.guid() != null && !item.guid().isBlank() ? item.guid().strip()
                : link != null ? link : "sha256:" + sha256(headline + "\n" + summary);
        Set<String> matchKeys = new LinkedHashSet<>();
        for (String url : new String[] {link, item.guid() == null ? null : Links.absolute(item.guid().strip(), null)}) {
            String key = ArticleUrls.key(url);
            if (key != null) {
                matchKeys.add("link:" + key);
            }
        }
        ContextFinder.Found own = contexts.find(source.contexts(), item.categories(), body.links(),
                headline + "\n" + summary);
        // Places read from the text are already in its features: matching sees the item's own contexts only.
        TextAnalyzer.Reading reading = analyzer.read(headline, summary, own.contexts());
        ContextFinder.Found found = own.isBare() ? contexts.withPlaces(own, reading.places()) : own;
        String itemKey = "item:" + source.id() + ":" + itemId;
        EventSource report = new EventSource(source.id(), outlet, link, source.feedUrl(), headline, published,
                Keys.hash(itemKey), null, summary);
        return new EventDraft(itemKey, matchKeys, reading.features(), published,
                headline, summary, body.html(), link, cover(item, body.images(), base), report, found.contexts(),
                found.storySlug());
    }

    /** The item's cover image: a media image, a thumbnail, an image enclosure, else the first image of its HTML. */
    private static String cover(ParsedItem item, List<String> images, String base) {
        for (boolean thumbnails : new boolean[] {false, true}) {
            for (ParsedMedia m : item.media()) {
                if (m.isImage() && m.thumbnail() == thumbnails) {
                    String url = Links.absolute(m.url(), base);
                    if (url != null) {
                        return url;
                    }
                }
            }
        }
        for (String src : images) {
            String url = Links.absolute(src, base);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    private static String outlet(Source source, ParsedFeed feed) {
        if (!source.title().isBlank()) {
            return source.title();
        }
        if (!feed.title().isBlank()) {
            return cut(feed.title().strip(), 200);
        }
        try {
            String host = URI.create(source.feedUrl()).getHost();
            return host != null ? host : source.feedUrl();
        } catch (IllegalArgumentException e) {
            return source.feedUrl();
        }
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end > 0 ? text.substring(0, end + 1) : text;
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    static String cut(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int space = t.lastIndexOf(' ', max - 1);
        return t.substring(0, space > max / 2 ? space : max - 1).strip() + "…";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
