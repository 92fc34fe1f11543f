package org.currents.fetch;

import java.time.Clock;
import org.currents.config.FetchSettings;

/** Fetches source feeds over HTTP(S) and from allowed local directories, within limits. */
public final class FeedFetcher implements AutoCloseable {
    public FeedFetcher(FetchSettings settings, Clock clock) {
    }

    public FetchResult fetch(FetchRequest request) {
        throw new UnsupportedOperationException("pending");
    }

    @Override
    public void close() {
    }
}
