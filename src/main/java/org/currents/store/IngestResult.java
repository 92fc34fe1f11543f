package org.currents.store;

/** What one ingest did: events created, events changed, drafts that changed nothing. */
public record IngestResult(int created, int updated, int unchanged) {
}
