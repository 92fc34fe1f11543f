package org.currents.store;

import java.util.List;
import java.util.Optional;
import org.currents.event.ContextSummary;

/** Contexts with their counts and versions. */
public final class ContextStore {
    public ContextStore(Database db) {
    }

    /** Every context with at least one event, hidden ones included, by name. */
    public List<ContextSummary> all() {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<ContextSummary> find(String slug) {
        throw new UnsupportedOperationException("pending");
    }
}
