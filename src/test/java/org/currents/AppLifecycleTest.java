package org.currents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.currents.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that open the app without serving (poll --once, import-opml, the benchmarks) must let the JVM exit. */
class AppLifecycleTest {
    @TempDir
    Path data;

    @Test
    void closingAnAppThatNeverServedStopsEveryThreadItStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (App app = App.open(new SettingsLoader("test").load(
                Map.of("config", "config", "data", data.toString(), "port", "0", "host", "127.0.0.1"), Map.of()))) {
            app.sources().all();
        }
        List<String> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
                    .map(Thread::getName).toList();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(List.of(), left, "non-daemon threads left running after close");
    }
}
