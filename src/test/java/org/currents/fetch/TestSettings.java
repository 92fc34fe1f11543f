package org.currents.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.currents.config.FetchSettings;

/** Fetch settings for tests: short timeouts, only 127.0.0.1 allowed, file sources under {@code dir/feeds}. */
final class TestSettings {
    private TestSettings() {
    }

    static FetchSettings fetch(Path dir, Duration total, int maxPerHost) {
        return new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), total, 1_000_000, 3, "Currents/test",
                List.of("127.0.0.1"), dir, List.of(dir.resolve("feeds")), maxPerHost, 4);
    }
}
