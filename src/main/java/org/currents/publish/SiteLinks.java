package org.currents.publish;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import org.currents.event.EventHeadline;

/** The absolute URL of everything Currents publishes, from the site's base URL (DESIGN.md's URL table). */
public final class SiteLinks {
    private final String base;

    public SiteLinks(URI base) {
        String b = base.toString();
        this.base = b.endsWith("/") ? b : b + "/";
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

    /** A closed period of a context's feed (RFC 5005 archive): {@code contexts/{slug}/archive/2018-01.atom}. */
    public String contextArchive(String slug, YearMonth month, FeedFormat format) {
        return base + "contexts/" + slug + "/archive/" + month + "." + format.extension();
    }

    /** A closed period of the all-events feed: {@code archive/2018-01.atom}. */
    public String archive(YearMonth month, FeedFormat format) {
        return base + "archive/" + month + "." + format.extension();
    }

    public String day(LocalDate day) {
        return base + String.format("days/%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    public String opml() {
        return base + "opml";
    }
}
