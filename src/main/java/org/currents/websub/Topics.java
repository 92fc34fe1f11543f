package org.currents.websub;

import java.util.Optional;
import org.currents.publish.Document;
import org.currents.publish.FeedFormat;
import org.currents.publish.Site;

/**
 * The topics the hub accepts: this site's own feeds, named by their absolute URL as the feeds
 * advertise it in rel="self" (the all-events feeds and every context's feeds, in each format).
 */
final class Topics {
    private final Site site;
    private final String base;

    Topics(Site site) {
        this.site = site;
        this.base = site.links().home();
    }

    /** The document a topic URL names, as it is now; empty for anything that is not one of our feeds. */
    Optional<Document> document(String topic) {
        if (topic == null || !topic.startsWith(base)) {
            return Optional.empty();
        }
        String path = topic.substring(base.length());
        int dot = path.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        Optional<FeedFormat> format = format(path.substring(dot + 1));
        if (format.isEmpty()) {
            return Optional.empty();
        }
        String name = path.substring(0, dot);
        if (name.equals("feed")) {
            return Optional.of(site.allEvents(format.get()));
        }
        if (name.startsWith("contexts/") && name.indexOf('/', "contexts/".length()) < 0) {
            String slug = name.substring("contexts/".length());
            return slug.isEmpty() ? Optional.empty() : site.contextFeed(slug, format.get());
        }
        return Optional.empty();
    }

    private static Optional<FeedFormat> format(String extension) {
        for (FeedFormat f : FeedFormat.values()) {
            if (f.extension().equals(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
