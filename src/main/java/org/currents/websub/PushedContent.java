package org.currents.websub;

/** Takes a verified delivery in as a poll would take the feed it fetched (parse, normalize, store, record). */
@FunctionalInterface
public interface PushedContent {
    void ingest(long sourceId, byte[] body, String contentType);
}
