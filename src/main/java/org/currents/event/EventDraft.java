package org.currents.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One source item, normalized, before it is matched to a stored event.
 *
 * <p>{@code itemKey} identifies the item inside its source (guid, else link, else a hash of its
 * text) and survives re-polls and re-dating. {@code matchKeys} are further exact keys shared by
 * reports of the same article (its canonical link, a permalink guid). {@code features} are
 * what the matcher compares with the events of its time window.
 */
public record EventDraft(
        String itemKey,
        Set<String> matchKeys,
        Features features,
        Instant published,
        String headline,
        String summary,
        String contentHtml,
        String link,
        String coverImage,
        EventSource source,
        List<Context> contexts,
        String storySlug) {

    public EventDraft {
        Objects.requireNonNull(itemKey, "itemKey");
        matchKeys = Set.copyOf(matchKeys);
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(headline, "headline");
        summary = summary == null ? "" : summary;
        contentHtml = contentHtml == null ? "" : contentHtml;
        Objects.requireNonNull(source, "source");
        contexts = List.copyOf(contexts);
    }
}
