package org.currents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;
import org.currents.event.ContextSummary;
import org.currents.source.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real app on a free port with the sample feeds: poll, publish, read back, restart. */
class AppEndToEndTest {
    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Settings settings() {
        return new SettingsLoader("test").load(
                Map.of("config", "config", "data", data.toString(), "port", "0", "host", "127.0.0.1"), Map.of());
    }

    @Test
    void pollsTheSampleFeedsAndPublishesContextFeedsWithWorkingRelatedLinks() throws Exception {
        long eventsAfterFirstRun;
        try (App app = App.open(settings())) {
            app.start();
            awaitFirstPoll(app);
            eventsAfterFirstRun = app.events().count();
            assertTrue(eventsAfterFirstRun >= 100, "events stored: " + eventsAfterFirstRun);
            URI base = app.baseUri();

            ContextSummary story = busiestStory(app);
            for (String ext : List.of("rss", "atom")) {
                HttpResponse<String> feed = get(base.resolve("contexts/" + story.context().slug() + "." + ext));
                assertEquals(200, feed.statusCode(), ext);
                SyndFeed parsed = new SyndFeedInput().build(new StringReader(feed.body()));
                assertEquals(Math.min(story.eventCount(), 50), parsed.getEntries().size(), ext);
                for (SyndEntry entry : parsed.getEntries()) {
                    assertTrue(entry.getCategories().stream().map(SyndCategory::getName)
                                    .anyMatch(n -> n.equals(story.context().name()) || n.equals(story.context().slug())),
                            "entry filed under the context: " + entry.getTitle());
                    assertEquals(200, get(URI.create(entry.getLink())).statusCode(), entry.getLink());
                }
                for (String related : relatedLinks(feed.body(), parsed)) {
                    assertEquals(200, get(URI.create(related)).statusCode(), "related " + related);
                }
            }

            HttpResponse<String> opml = get(base.resolve("opml"));
            assertEquals(200, opml.statusCode());
            Set<String> feedUrls = attribute(opml.body(), "xmlUrl");
            long visible = app.contexts().all().stream().filter(c -> !c.hidden()).count();
            assertTrue(feedUrls.size() > 10 && feedUrls.size() < visible / 3, "the catalogue offers the contexts worth a "
                    + "feed, not every one-event context: " + feedUrls.size() + " of " + visible);
            for (ContextSummary c : app.contexts().all()) {
                boolean listed = feedUrls.stream().anyMatch(u -> u.endsWith("/contexts/" + c.context().slug() + ".rss"));
                assertTrue(!listed || c.eventCount() >= 2, c.context().name() + " has " + c.eventCount() + " event(s)");
            }
            assertTrue(opml.body().indexOf("text=\"Stories\"") < opml.body().indexOf("text=\"Subjects\""),
                    "stories come first");
            for (String url : feedUrls) {
                assertEquals(200, get(URI.create(url.replace("&amp;", "&"))).statusCode(), url);
            }

            HttpResponse<String> first = get(base.resolve("feed.atom"));
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(base.resolve("feed.atom"))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());

            assertEquals(404, get(base.resolve("contexts/no-such-context.rss")).statusCode());
        }

        try (App restarted = App.open(settings())) {
            assertEquals(eventsAfterFirstRun, restarted.events().count(), "a restart on the same database keeps the events");
            restarted.poller().pollAll();
            assertEquals(eventsAfterFirstRun, restarted.events().count(), "re-polling makes no second event");
        }
    }

    private static void awaitFirstPoll(App app) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<Source> sources = app.sources().all();
            if (!sources.isEmpty() && sources.stream().allMatch(s -> s.status().lastPolled() != null)) {
                sources.forEach(s -> assertEquals("ok", s.status().lastStatus(), s.feedUrl() + ": " + s.status().lastError()));
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("sources not polled within 60 s: " + app.sources().all());
    }

    private static ContextSummary busiestStory(App app) {
        return app.contexts().all().stream()
                .filter(c -> c.context().kind() == org.currents.event.ContextKind.STORY)
                .max(java.util.Comparator.comparingInt(ContextSummary::eventCount))
                .orElseThrow(() -> new AssertionError("no story context"));
    }

    /** Related links: Atom link rel=related as ROME reads them, and atom:link rel=related inside RSS items. */
    private static Set<String> relatedLinks(String xml, SyndFeed parsed) {
        Set<String> links = new LinkedHashSet<>();
        for (SyndEntry e : parsed.getEntries()) {
            for (SyndLink l : e.getLinks()) {
                if ("related".equals(l.getRel())) {
                    links.add(l.getHref());
                }
            }
        }
        Matcher m = Pattern.compile("<atom:link[^>]*rel=\"related\"[^>]*href=\"([^\"]+)\"").matcher(xml);
        while (m.find()) {
            links.add(m.group(1));
        }
        Matcher reversed = Pattern.compile("<atom:link[^>]*href=\"([^\"]+)\"[^>]*rel=\"related\"").matcher(xml);
        while (reversed.find()) {
            links.add(reversed.group(1));
        }
        assertFalse(links.isEmpty(), "the story's feed carries related-event links");
        return links;
    }

    private static Set<String> attribute(String xml, String name) {
        Set<String> values = new LinkedHashSet<>();
        Matcher m = Pattern.compile(name + "=\"([^\"]+)\"").matcher(xml);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
