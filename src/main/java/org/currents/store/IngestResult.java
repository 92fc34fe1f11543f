package org.currents.store;

/** What one ingest did: events created, events changed, drafts that changed nothing. */
public record IngestResult(int created, int updated, int unchanged) {
    /** What this ingest and {@code other} did together. */
    public IngestResult plus(IngestResult other) {
        return new IngestResult(created + other.created, updated + other.updated, unchanged + other.unchanged);
    }
}
