package org.currents.web;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.currents.event.Slugs;
import org.currents.publish.FeedFormat;
import org.currents.publish.Site;

/**
 * The archive documents of feeds (RFC 5005): {@code /contexts/{slug}/archive/2018-01.atom} and
 * {@code /archive/2018-01.atom} for a month's first (or only) page, {@code 2018-01-2.atom} for the
 * next pages of a busy month. A page number that is not one (0, 1, 01, words, too many digits) is
 * answered 400 saying what a page number is; a month or page with no archive is not found.
 */
final class ArchiveRoute {
    private static final Pattern CONTEXT_ARCHIVE =
            Pattern.compile("/contexts/([a-z0-9-]{1,160})/archive/(\\d{4})-(\\d{2})(?:-([^/]{0,40}))?\\.(rss|atom|json)");
    private static final Pattern ARCHIVE = Pattern.compile("/archive/(\\d{4})-(\\d{2})(?:-([^/]{0,40}))?\\.(rss|atom|json)");
    private static final Pattern PAGE = Pattern.compile("[1-9]\\d{0,5}");
    static final int MAX_PAGE = 100_000;

    private ArchiveRoute() {
    }

    static Optional<PageRoute.Answer> resolve(Site site, String path) {
        Matcher m = CONTEXT_ARCHIVE.matcher(path);
        if (m.matches() && Slugs.isSlug(m.group(1))) {
            String slug = m.group(1);
            FeedFormat format = SiteRoute.feedFormat(m.group(5));
            return answer(m.group(2), m.group(3), m.group(4), format,
                    (month, page) -> site.contextArchive(slug, month, page, format).map(PageRoute.Doc::new));
        }
        m = ARCHIVE.matcher(path);
        if (m.matches()) {
            FeedFormat format = SiteRoute.feedFormat(m.group(4));
            return answer(m.group(1), m.group(2), m.group(3), format,
                    (month, page) -> site.archive(month, page, format).map(PageRoute.Doc::new));
        }
        return Optional.empty();
    }

    /** Where a renamed or merged context's archive page lives now. */
    static Optional<String> moved(Site site, String path) {
        Matcher m = CONTEXT_ARCHIVE.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return site.contextAlias(m.group(1)).map(slug -> "/contexts/" + slug + "/archive/" + name);
    }

    private interface Lookup {
        Optional<PageRoute.Answer> find(YearMonth month, int page);
    }

    private static Optional<PageRoute.Answer> answer(String year, String month, String page, FeedFormat format,
                                                     Lookup lookup) {
        YearMonth ym;
        try {
            ym = YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (page == null) {
            return lookup.find(ym, 1);
        }
        int n = PAGE.matcher(page).matches() ? Integer.parseInt(page) : 0;
        if (n < 2 || n > MAX_PAGE) {
            return Optional.of(PageRoute.Page.text("an archive page number is a whole number from 2 to " + MAX_PAGE
                    + " without leading zeros (the first page is " + ym + "." + format.extension() + "), not '"
                    + (page.length() > 20 ? page.substring(0, 20) + "…" : page) + "'"));
        }
        return lookup.find(ym, n);
    }
}
