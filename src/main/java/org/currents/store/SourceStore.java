package org.currents.store;

import java.util.List;
import java.util.Optional;
import org.currents.source.Source;
import org.currents.source.SourceSpec;
import org.currents.source.SourceStatus;

/** Sources and their poll status. */
public final class SourceStore {
    public SourceStore(Database db) {
    }

    public List<Source> all() {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<Source> find(long id) {
        throw new UnsupportedOperationException("pending");
    }

    public Optional<Source> findByUrl(String feedUrl) {
        throw new UnsupportedOperationException("pending");
    }

    /** Adds the source, or updates title, site and contexts of the one with the same URL. */
    public Source upsert(SourceSpec spec) {
        throw new UnsupportedOperationException("pending");
    }

    public void saveStatus(long id, SourceStatus status) {
        throw new UnsupportedOperationException("pending");
    }

    /** After a permanent redirect: the source's feed URL becomes {@code newUrl}. */
    public void updateUrl(long id, String newUrl) {
        throw new UnsupportedOperationException("pending");
    }

    public void setEnabled(long id, boolean enabled) {
        throw new UnsupportedOperationException("pending");
    }
}
