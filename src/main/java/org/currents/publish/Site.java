package org.currents.publish;

import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import org.currents.relate.RelatedEvents;
import org.currents.store.ContextStore;
import org.currents.store.EventStore;

/**
 * Everything Currents publishes, as documents: the one thing the web layer asks for content.
 * {@code base} is the public site URL every absolute link starts with (ends in '/').
 */
public final class Site {
    public Site(EventStore events, ContextStore contexts, RelatedEvents related, URI base) {
    }

    public Document home() {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<Document> contextPage(String slug) {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<Document> contextFeed(String slug, FeedFormat format) {
        throw new UnsupportedOperationException("pending");
    }

    public Document allEvents(FeedFormat format) {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<Document> event(LocalDate day, String slug, PageFormat format) {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<Document> day(LocalDate day) {
        throw new UnsupportedOperationException("pending");
    }

    /** OPML 2.0 catalogue of every visible context's feeds. */
    public Document opml() {
        throw new UnsupportedOperationException("pending");
    }

    /** The HTML body of a 404 page for {@code path}. */
    public byte[] notFound(String path) {
        throw new UnsupportedOperationException("pending");
    }
}
