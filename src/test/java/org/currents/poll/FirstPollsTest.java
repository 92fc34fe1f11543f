package org.currents.poll;

import static org.currents.poll.KabulSiege.EVENING;
import static org.currents.poll.KabulSiege.EVENING_ITEM;
import static org.currents.poll.KabulSiege.MORNING;
import static org.currents.poll.KabulSiege.MORNING_ITEM;
import static org.currents.poll.KabulSiege.WIRE;
import static org.currents.poll.KabulSiege.WIRE_ITEM;
import static org.currents.poll.KabulSiege.feed;
import static org.currents.poll.KabulSiege.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.currents.App;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;
import org.currents.event.EventSource;
import org.currents.source.SourceSpec;
import org.currents.source.SourceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} polls the sources it has never polled, and those overdue when it starts, together
 * and in the order of their items' times ({@link FirstPolls}): the events are those of the feeds
 * polled as they were written, whenever and however the sources came.
 */
class FirstPollsTest {
    @TempDir
    Path dir;

    @Test
    void newSourcesFoundAtStartArePolledFirstTogether() throws Exception {
        try (App app = serving(dir.resolve("project"), "1-morning.rss", "2-wire.rss", "3-evening.rss")) {
            assertEquals(Set.of(Set.of("a", "r"), Set.of("d")), partitionOnceAllPolled(app, 3));
        }
    }

    @Test
    void sourcesAddedOneAfterAnotherWhileServingArePolledFirstTogether() throws Exception {
        try (App app = serving(dir.resolve("added"))) {
            // Through the admin door, morning paper first, a moment apart as a client adds them: each
            // polled as it came would file the morning's report before the evening's, and it would go
            // with the siege's end.
            for (String file : List.of("1-morning.rss", "2-wire.rss", "3-evening.rss")) {
                app.admin().add(new SourceSpec("file:feeds/" + file, file, null, List.of(), null), false);
                Thread.sleep(500);
            }
            assertEquals(Set.of(Set.of("a", "r"), Set.of("d")), partitionOnceAllPolled(app, 3));
        }
    }

    @Test
    void sourcesOverdueAtStartArePolledFirstTogether() throws Exception {
        Path project = dir.resolve("restart");
        Map<String, String> before = Map.of("1-morning.rss", feed("morning", EARLIER_MORNING),
                "2-wire.rss", feed("wire", EARLIER_WIRE), "3-evening.rss", feed("evening", EARLIER_EVENING));
        // One poll thread: scheduled a job each, the sources would be polled in the order of their ids.
        write(project, before, "poll.threads=1\n", before.keySet().toArray(String[]::new));
        try (App app = started(project)) {
            assertEquals(3, partitionOnceAllPolled(app, 3).size());
        }
        // The server is down for a while: each feed gains its report of the attack, and each source is overdue.
        Instant later = Instant.now().plusSeconds(60);
        for (String file : before.keySet()) {
            Path feed = project.resolve("feeds").resolve(file);
            String items = file.contains("morning") ? EARLIER_MORNING + MORNING_ITEM : file.contains("wire")
                    ? EARLIER_WIRE + WIRE_ITEM : EARLIER_EVENING + EVENING_ITEM;
            Files.writeString(feed, feed(file.substring(2, file.indexOf('.')), items));
            Files.setLastModifiedTime(feed, FileTime.from(later));
        }
        try (App app = App.open(settings(project))) {
            for (var s : app.sources().all()) {
                SourceStatus st = s.status();
                app.sources().saveStatus(s.id(), new SourceStatus(st.etag(), st.lastModified(), st.lastPolled(),
                        Instant.now().minusSeconds(3600), st.lastStatus(), st.lastHttpStatus(), st.itemsNew(),
                        st.itemsUpdated(), st.consecutiveErrors(), st.failingSince(), st.lastError()));
            }
        }
        Instant restart = Instant.now();
        try (App app = started(project)) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (app.sources().all().stream().anyMatch(s -> s.status().lastPolled().isBefore(restart))) {
                assertTrue(Instant.now().isBefore(deadline), "sources not polled again within 60 s");
                Thread.sleep(50);
            }
            assertEquals(Set.of(Set.of("m0"), Set.of("w0"), Set.of("e0"), Set.of("a", "r"), Set.of("d")),
                    partitionOnceAllPolled(app, 3));
        }
    }

    /** Earlier reports, one a feed, of other happenings. */
    private static final String EARLIER_MORNING = item("m0", "Fri, 19 Jan 2018 06:00:00 GMT",
            "Floods close schools across northern Italy", "Rivers burst their banks after three days of rain.");
    private static final String EARLIER_WIRE = item("w0", "Fri, 19 Jan 2018 14:00:00 GMT",
            "Chile's central bank holds its key rate", "Policymakers kept borrowing costs unchanged, as expected.");
    private static final String EARLIER_EVENING = item("e0", "Fri, 19 Jan 2018 19:00:00 GMT",
            "Volcano in the Philippines spews ash over farmland", "Villagers near Mayon were told to leave their homes.");

    /** The app serving a project whose feeds are the fixtures and whose {@code sources.opml} lists {@code listed}. */
    private static App serving(Path project, String... listed) throws Exception {
        write(project, Map.of("1-morning.rss", MORNING, "2-wire.rss", WIRE, "3-evening.rss", EVENING), "", listed);
        return started(project);
    }

    /** A project: its feeds by file name, the settings besides the fixtures' and the sources {@code sources.opml} lists. */
    private static void write(Path project, Map<String, String> feeds, String properties, String... listed)
            throws Exception {
        Files.createDirectories(project.resolve("config"));
        Files.createDirectories(project.resolve("feeds"));
        for (var f : feeds.entrySet()) {
            Files.writeString(project.resolve("feeds").resolve(f.getKey()), f.getValue());
        }
        StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><head><title>t</title></head><body>");
        for (String file : new TreeSet<>(List.of(listed))) {
            opml.append("<outline type=\"rss\" text=\"").append(file).append("\" xmlUrl=\"file:feeds/").append(file)
                    .append("\"/>");
        }
        Files.writeString(project.resolve("config/sources.opml"), opml + "</body></opml>");
        Files.writeString(project.resolve("config/currents.properties"),
                "fetch.file-roots=feeds\nfetch.public=false\n" + properties);
    }

    private static Settings settings(Path project) {
        return new SettingsLoader("test").load(Map.of("config", project.resolve("config").toString(),
                "data", project.resolve("data").toString(), "port", "0", "host", "127.0.0.1"), Map.of());
    }

    private static App started(Path project) {
        App app = App.open(settings(project));
        app.start();
        return app;
    }

    /** Each event as the guids of its items, once the {@code n} sources have all been polled without error. */
    private static Set<Set<String>> partitionOnceAllPolled(App app, int n) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (app.sources().all().size() < n || app.sources().all().stream().anyMatch(s -> s.status().lastPolled() == null)) {
            assertTrue(Instant.now().isBefore(deadline), "sources not polled within 60 s: " + app.sources().all());
            Thread.sleep(50);
        }
        app.sources().all().forEach(s -> assertEquals("ok", s.status().lastStatus(), s.status().lastError()));
        return app.events().latest(100).stream().map(e -> e.sources().stream().map(EventSource::articleUrl)
                .map(u -> u.substring(u.lastIndexOf('/') + 1)).collect(Collectors.toCollection(TreeSet::new)))
                .collect(Collectors.toSet());
    }
}
