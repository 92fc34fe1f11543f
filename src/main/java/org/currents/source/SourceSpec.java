package org.currents.source;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A source as an operator describes it (OPML outline, API request), before it is stored. */
public record SourceSpec(String feedUrl, String title, String siteUrl, List<String> contexts, Duration interval) {
    public SourceSpec {
        Objects.requireNonNull(feedUrl, "feedUrl");
        title = title == null ? "" : title.strip();
        contexts = List.copyOf(contexts);
    }
}
