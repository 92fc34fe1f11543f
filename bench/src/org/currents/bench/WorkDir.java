package org.currents.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;

/** A benchmark's scratch folder; the full run's database reaches gigabytes, so it goes when the run ends. */
final class WorkDir implements AutoCloseable {
    final Path path;

    WorkDir(String prefix) throws IOException {
        path = Files.createTempDirectory(prefix);
    }

    /**
     * The app's settings with its config and data here. The database may be chosen from outside:
     * CURRENTS_DB_URL ({data} is the run's data folder), _USER, _PASSWORD; and the matcher's
     * CURRENTS_MATCH_* settings.
     */
    Settings settings() throws IOException {
        return settings(path, Map.of());
    }

    /** As {@link #settings()}, with config and data in {@code dir} and {@code env} over the environment's. */
    static Settings settings(Path dir, Map<String, String> env) throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Map<String, String> all = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("CURRENTS_DB_") || k.startsWith("CURRENTS_MATCH_")) {
                all.put(k, v.replace("{data}", dir.resolve("data").toString()));
            }
        });
        all.putAll(env);
        return new SettingsLoader("bench").load(Map.of("config", dir.resolve("config").toString(),
                "data", dir.resolve("data").toString(), "port", "0", "host", "127.0.0.1"), all);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
