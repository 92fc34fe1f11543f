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
 * reports of the same happening (canonical link). {@code fingerprint} is the set of
 * locality-sensitive band keys of the headline and summary; two drafts with near-identical text
 * share at least one with high probability, so the store can find candidates by index.
 */
public record EventDraft(
        String itemKey,
        Set<String> matchKeys,
        Set<Long> fingerprint,
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
        fingerprint = Set.copyOf(fingerprint);
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(headline, "headline");
        summary = summary == null ? "" : summary;
        contentHtml = contentHtml == null ? "" : contentHtml;
        Objects.requireNonNull(source, "source");
        contexts = List.copyOf(contexts);
    }
}
