package org.currents.source;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A feed Currents polls. {@code contexts} are the names of the contexts every item of the feed
 * is filed under (the OPML outlines it sits under, or set through the API). {@code interval} is
 * the operator's fixed poll interval, or null to let the schedule adapt.
 */
public record Source(
        long id,
        String feedUrl,
        String title,
        String siteUrl,
        List<String> contexts,
        Duration interval,
        boolean enabled,
        SourceStatus status) {

    public Source {
        Objects.requireNonNull(feedUrl, "feedUrl");
        title = title == null ? "" : title;
        contexts = List.copyOf(contexts);
        Objects.requireNonNull(status, "status");
    }

    /** The title people see: the given title, else the feed URL. */
    public String displayName() {
        return title.isBlank() ? feedUrl : title;
    }

    public Source withStatus(SourceStatus s) {
        return new Source(id, feedUrl, title, siteUrl, contexts, interval, enabled, s);
    }
}
