package org.currents.publish;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.currents.event.EventHeadline;

/** The absolute URL of everything Currents publishes, from the site's base URL (DESIGN.md's URL table). */
public final class SiteLinks {
    private final String base;
    private final String basePath;
    private final String externalHub;

    public SiteLinks(URI base) {
        this(base, null);
    }

    /** @param externalHub a hub pinged when the all-events feeds change ({@code websub.external-hub}), or null */
    public SiteLinks(URI base, URI externalHub) {
        this.externalHub = externalHub == null ? null : externalHub.toString();
        String b = base.toString();
        this.base = b.endsWith("/") ? b : b + "/";
        String p = URI.create(this.base).getRawPath();
        this.basePath = p == null || p.isEmpty() ? "/" : p;
    }

    public String home() {
        return base;
    }

    public String event(EventHeadline e, PageFormat format) {
        return base + "events/" + e.path() + "." + format.extension();
    }

    public String contextPage(String slug) {
        return base + "contexts/" + slug + "/";
    }

    public String contextFeed(String slug, FeedFormat format) {
        return base + "contexts/" + slug + "." + format.extension();
    }

    public String allEvents(FeedFormat format) {
        return base + "feed." + format.extension();
    }

    /** The first (or only) archive of a month of a context's feed (RFC 5005): {@code contexts/{slug}/archive/2018-01.atom}. */
    public String contextArchive(String slug, YearMonth month, FeedFormat format) {
        return contextArchive(slug, month, 1, format);
    }

    /** Page {@code page} of a month's archive of a context's feed: {@code contexts/{slug}/archive/2018-01-2.atom}. */
    public String contextArchive(String slug, YearMonth month, int page, FeedFormat format) {
        return base + "contexts/" + slug + "/archive/" + archiveName(month, page) + "." + format.extension();
    }

    /** Page {@code page} of a month's archive of the all-events feed: {@code archive/2018-01.atom}, {@code archive/2018-01-2.atom}. */
    public String archive(YearMonth month, int page, FeedFormat format) {
        return base + "archive/" + archiveName(month, page) + "." + format.extension();
    }

    /** A month's first archive page is named for the month alone, so the month's URL stays when it grows more pages. */
    private static String archiveName(YearMonth month, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("archive pages are numbered from 1, not " + page);
        }
        return page == 1 ? month.toString() : month + "-" + page;
    }

    public String day(LocalDate day) {
        return base + String.format("days/%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    /** This site's own WebSub hub, advertised as rel="hub" by every feed. */
    public String hub() {
        return base + "websub";
    }

    /**
     * The hubs the feed at {@code selfUrl} advertises: ours, and the external hub for the
     * all-events feeds, the only topics it is pinged for (a context's feeds change with too many
     * ingests to ping for each).
     */
    public List<String> hubs(String selfUrl) {
        if (externalHub == null) {
            return List.of(hub());
        }
        for (FeedFormat f : FeedFormat.values()) {
            if (allEvents(f).equals(selfUrl)) {
                return List.of(hub(), externalHub);
            }
        }
        return List.of(hub());
    }

    public String opml() {
        return base + "opml";
    }

    /** The index of days. */
    public String days() {
        return base + "days/";
    }

    /** A later page of the index of days (page 1 is {@link #days()}). */
    public String days(int page) {
        return page <= 1 ? days() : days() + "?page=" + page;
    }

    /** The catalogue of contexts. */
    public String contexts() {
        return base + "contexts/";
    }

    /** A page of a context's history, page 1 the newest. */
    public String contextPage(String slug, int page) {
        return page <= 1 ? contextPage(slug) : contextPage(slug) + "?page=" + page;
    }

    /** One width of a cover image as Currents serves it. */
    public String coverImage(String key, int width) {
        return base + "images/" + key + "/" + width + ".jpg";
    }

    public String searchPage() {
        return base + "search";
    }

    public String search(String query, int page) {
        return searchPage() + "?q=" + encode(query) + (page <= 1 ? "" : "&page=" + page);
    }

    public String searchFeed(String query, FeedFormat format) {
        return base + "search." + format.extension() + "?q=" + encode(query);
    }

    /**
     * A static asset (stylesheet, script) as a path on this host, so the Content-Security-Policy's
     * 'self' allows it whatever name the reader reached the site by.
     */
    public String asset(String name) {
        return basePath + "static/" + name;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
