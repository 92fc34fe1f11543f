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
        Files.createDirectories(path.resolve("config"));
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("CURRENTS_DB_") || k.startsWith("CURRENTS_MATCH_")) {
                env.put(k, v.replace("{data}", path.resolve("data").toString()));
            }
        });
        return new SettingsLoader("bench").load(Map.of("config", path.resolve("config").toString(),
                "data", path.resolve("data").toString(), "port", "0", "host", "127.0.0.1"), env);
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
