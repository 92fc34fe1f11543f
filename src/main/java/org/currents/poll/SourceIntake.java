package org.currents.poll;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.currents.fetch.FeedFetcher;
import org.currents.fetch.FetchRequest;
import org.currents.fetch.FetchResult;
import org.currents.parse.FeedParseException;
import org.currents.parse.FeedParser;
import org.currents.source.OwnSite;
import org.currents.source.SourceUrls;

/**
 * The one judge of a feed URL for every way a source comes in (the API, {@code sources add},
 * OPML import, {@code config/sources.opml}): the URL rules, the address guard, and this
 * instance's own feeds; and, when asked, one fetch to see that a feed is there. Each refusal is
 * a sentence for the person who gave the URL.
 */
public final class SourceIntake {
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final Supplier<OwnSite> own;

    public SourceIntake(FeedFetcher fetcher, FeedParser parser, Supplier<OwnSite> own) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.own = own;
    }

    /** Why {@code feedUrl} can never be polled here, or null: checked without fetching anything. */
    public String refusal(String feedUrl) {
        String problem = SourceUrls.check(feedUrl);
        if (problem != null) {
            return problem;
        }
        String self = own.get().refusal(feedUrl);
        if (self != null) {
            return self;
        }
        return fetcher.refusal(URI.create(feedUrl));
    }

    /** Fetches {@code feedUrl} once: null when a feed we can read is there, else why not. */
    public String fetchProblem(String feedUrl) {
        FetchResult result = fetcher.fetch(new FetchRequest(URI.create(feedUrl), null, null));
        if (result instanceof FetchResult.Failed f) {
            return "cannot fetch the feed: " + f.message();
        }
        if (result instanceof FetchResult.Fetched f) {
            if (isHtml(f.body())) {
                return feedUrl + " is an HTML page, not a feed; give the address of its RSS, Atom or JSON feed "
                        + "(the page may name it in a <link rel=\"alternate\"> tag)";
            }
            try {
                parser.parse(f.body(), f.contentType(), feedUrl);
            } catch (FeedParseException e) {
                return "not a feed we can read: " + e.getMessage();
            }
        }
        return null;
    }

    /** True when the body opens like an HTML document rather than a feed. */
    static boolean isHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml")) {
            int end = head.indexOf("?>");
            head = end < 0 ? head : head.substring(end + 2).strip();
        }
        while (head.startsWith("<!--")) {
            int end = head.indexOf("-->");
            head = end < 0 ? "" : head.substring(end + 3).strip();
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }
}
