package org.currents.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.currents.event.Slugs;
import org.currents.publish.Document;
import org.currents.publish.FeedFormat;
import org.currents.publish.PageFormat;
import org.currents.publish.Site;

/**
 * Maps a request path of DESIGN.md's URL table to the document it names. Paths are checked
 * strictly (slugs, real dates, known extensions); anything else is simply not found.
 */
final class SiteRoute {
    private static final Pattern FEED = Pattern.compile("/feed\\.(rss|atom|json)");
    private static final Pattern CONTEXT_PAGE = Pattern.compile("/contexts/([a-z0-9-]{1,160})/");
    private static final Pattern CONTEXT_FEED = Pattern.compile("/contexts/([a-z0-9-]{1,160})\\.(rss|atom|json)");
    private static final Pattern EVENT = Pattern.compile("/events/(\\d{4})/(\\d{2})/(\\d{2})/([a-z0-9-]{1,160})\\.(html|json|xml|md)");
    private static final Pattern DAY = Pattern.compile("/days/(\\d{4})/(\\d{2})/(\\d{2})/");

    private SiteRoute() {
    }

    static Optional<Document> resolve(Site site, String path) {
        if (path.equals("/")) {
            return Optional.of(site.home());
        }
        if (path.equals("/opml")) {
            return Optional.of(site.opml());
        }
        Matcher m = FEED.matcher(path);
        if (m.matches()) {
            return Optional.of(site.allEvents(feedFormat(m.group(1))));
        }
        m = CONTEXT_PAGE.matcher(path);
        if (m.matches() && Slugs.isSlug(m.group(1))) {
            return site.contextPage(m.group(1));
        }
        m = CONTEXT_FEED.matcher(path);
        if (m.matches() && Slugs.isSlug(m.group(1))) {
            return site.contextFeed(m.group(1), feedFormat(m.group(2)));
        }
        m = EVENT.matcher(path);
        if (m.matches() && Slugs.isSlug(m.group(4))) {
            String slug = m.group(4);
            PageFormat format = pageFormat(m.group(5));
            return date(m).flatMap(day -> site.event(day, slug, format));
        }
        m = DAY.matcher(path);
        if (m.matches()) {
            return date(m).flatMap(site::day);
        }
        return Optional.empty();
    }

    /** Where a near miss should go: a context page or day asked for without its trailing slash. */
    static Optional<String> canonical(String path) {
        if (CONTEXT_PAGE.matcher(path + "/").matches() || DAY.matcher(path + "/").matches()) {
            return Optional.of(path + "/");
        }
        return Optional.empty();
    }

    /** Where a renamed or merged context's page, feed or archive lives now. */
    static Optional<String> moved(Site site, String path) {
        Matcher page = CONTEXT_PAGE.matcher(path);
        if (page.matches()) {
            return site.contextAlias(page.group(1)).map(slug -> "/contexts/" + slug + "/");
        }
        Matcher feed = CONTEXT_FEED.matcher(path);
        if (feed.matches()) {
            return site.contextAlias(feed.group(1)).map(slug -> "/contexts/" + slug + "." + feed.group(2));
        }
        return ArchiveRoute.moved(site, path);
    }

    private static Optional<LocalDate> date(Matcher m) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static FeedFormat feedFormat(String extension) {
        for (FeedFormat f : FeedFormat.values()) {
            if (f.extension().equals(extension)) {
                return f;
            }
        }
        throw new IllegalArgumentException(extension);
    }

    private static PageFormat pageFormat(String extension) {
        for (PageFormat f : PageFormat.values()) {
            if (f.extension().equals(extension)) {
                return f;
            }
        }
        throw new IllegalArgumentException(extension);
    }
}
