package org.currents.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags every command takes; each overrides its setting from the environment and the properties file. */
final class CommonOptions {
    @Option(names = "--config", paramLabel = "DIR",
            description = "Directory holding currents.properties and sources.opml (CURRENTS_CONFIG; default: config).")
    String config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory for the H2 database and other state (CURRENTS_DATA; default: data).")
    String data;

    Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        if (config != null) {
            flags.put("config", config);
        }
        if (data != null) {
            flags.put("data", data);
        }
        return flags;
    }
}
