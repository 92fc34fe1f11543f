package org.currents.config;

import java.nio.file.Path;
import java.util.Objects;

/** Every setting Currents runs with, validated, grouped by the stage that uses it. */
public record Settings(
        Path configDir,
        Path dataDir,
        ServerSettings server,
        StoreSettings store,
        FetchSettings fetch,
        PollSettings poll,
        ContextSettings contexts,
        MatchSettings match,
        AdminSettings admin) {

    public Settings {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The OPML list of sources read at start. */
    public Path sourcesFile() {
        return configDir.resolve("sources.opml");
    }
}
