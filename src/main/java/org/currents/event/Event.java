package org.currents.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A happening in the news, as the portal shows it: a dated headline with a summary, the
 * outlets that reported it and the contexts it is filed under.
 *
 * <p>{@code id} is stable for life. {@code published} is the date the event was first reported
 * (UTC) and, with the slug, makes its URL, so it never moves once stored. {@code contentHtml} is
 * already sanitized; {@code summary} is plain text. {@code storySlug} names the context in
 * {@code contexts} that is the main story, or is null.
 */
public record Event(
        String id,
        String slug,
        Instant published,
        String headline,
        String summary,
        String contentHtml,
        String link,
        String coverImage,
        List<EventSource> sources,
        List<Context> contexts,
        String storySlug,
        Instant firstSeen,
        Instant updated) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(headline, "headline");
        summary = summary == null ? "" : summary;
        contentHtml = contentHtml == null ? "" : contentHtml;
        sources = List.copyOf(sources);
        contexts = List.copyOf(contexts);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(updated, "updated");
    }

    /** The UTC day the event belongs to. */
    public LocalDate date() {
        return LocalDate.ofInstant(published, ZoneOffset.UTC);
    }

    /** The path of the event's pages without extension: {@code 2018/01/10/some-slug}. */
    public String path() {
        return EventHeadline.pathOf(date(), slug);
    }

    /** The main story: the one the feed marked, else the first context recognised as a story. */
    public Optional<Context> story() {
        Optional<Context> marked = contexts.stream().filter(c -> c.slug().equals(storySlug)).findFirst();
        return marked.isPresent() ? marked : contexts.stream().filter(c -> c.kind() == ContextKind.STORY).findFirst();
    }

    public EventHeadline headlineRef() {
        return new EventHeadline(id, slug, published, headline);
    }
}
