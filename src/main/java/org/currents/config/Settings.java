package org.currents.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Every setting Currents runs with, validated, grouped by the stage that uses it, and where each came from. */
public record Settings(
        Path configDir,
        Path dataDir,
        ServerSettings server,
        StoreSettings store,
        FetchSettings fetch,
        PollSettings poll,
        ContextSettings contexts,
        MatchSettings match,
        AdminSettings admin,
        NodeSettings node,
        WebSubSettings websub,
        Map<Key, String> origins,
        ImageSettings images) {

    public Settings {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(dataDir, "dataDir");
        origins = Map.copyOf(origins);
    }

    /**
     * Where a setting's value came from, as an operator would change it: "the --port flag",
     * "environment variable CURRENTS_PORT", the properties file, or "the default".
     */
    public String origin(Key key) {
        return origins.getOrDefault(key, "the default");
    }

    /** The OPML list of sources read at start. */
    public Path sourcesFile() {
        return configDir.resolve("sources.opml");
    }
}
