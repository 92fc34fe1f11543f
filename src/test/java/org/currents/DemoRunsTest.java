package org.currents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.currents.config.SettingsLoader;
import org.currents.event.ArticleUrls;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.poll.PollOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fresh starts of the demo polling its six feeds on six threads at once: no poll fails, no
 * report is stored twice, and no article ends up in two events, every time. (Which borderline
 * reports merge by evidence may depend on the order feeds arrive in; an article never does.)
 */
class DemoRunsTest {
    @TempDir
    Path dir;

    @Test
    void concurrentPollsNeverFailNorDoubleAnArticle() {
        int reports = -1;
        for (int r = 0; r < 4; r++) {
            int run = r;
            try (App app = App.open(new SettingsLoader("test").load(Map.of("config", "config", "data",
                    dir.resolve("run" + run).toString(), "port", "0", "host", "127.0.0.1"), Map.of()))) {
                app.importConfiguredSources();
                List<PollOutcome> outcomes = app.poller().pollAll(6);
                outcomes.forEach(o -> assertEquals("ok", o.status(), "run " + run + ", source " + o.sourceId()));
                Map<String, String> eventOfArticle = new HashMap<>();
                int stored = 0;
                for (Event e : app.events().latest(10_000)) {
                    for (EventSource s : e.sources()) {
                        stored++;
                        String article = s.sourceId() + " " + ArticleUrls.key(s.articleUrl());
                        String other = eventOfArticle.put(article, e.id());
                        assertTrue(other == null || other.equals(e.id()), "run " + run + ": " + article + " in two events");
                    }
                }
                assertTrue(reports < 0 || reports == stored, "run " + run + " stored " + stored + " reports, not " + reports);
                reports = stored;
            }
        }
    }
}
