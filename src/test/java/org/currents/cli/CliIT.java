package org.currents.cli;

import static org.currents.PackagedJar.JAR;
import static org.currents.PackagedJar.JAVA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run as an operator runs it, one process per command, on a project directory
 * of its own: the exact message and exit code of each mistake, the command line beside a running
 * server, and a clean stop on SIGTERM.
 */
class CliIT {

    @TempDir
    Path project;

    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void layOutAProject() throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.createDirectories(project.resolve("feeds"));
        Files.copy(Path.of("feeds/world-wire.rss"), project.resolve("feeds/world-wire.rss"));
        Files.writeString(project.resolve("config/currents.properties"), "fetch.file-roots=feeds\nfetch.allow=127.0.0.1\n");
        Files.writeString(project.resolve("config/sources.opml"), "<opml version=\"2.0\"><body><outline text=\"World\">"
                + "<outline text=\"World Wire\" xmlUrl=\"file:feeds/world-wire.rss\"/></outline></body></opml>");
    }

    private ProcessBuilder command(Map<String, String> env, String... args) {
        List<String> line = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        line.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(line).directory(project.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CURRENTS_"));
        pb.environment().put("CURRENTS_DATA", project.resolve("data").toString());
        pb.environment().put("CURRENTS_LOG_LEVEL", "WARN");
        pb.environment().putAll(env);
        return pb;
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(project, "out", ".txt");
        Path err = Files.createTempFile(project, "err", ".txt");
        Process p = command(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running: " + List.of(args));
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    @Test
    void aBusyPortIsNamedWithTheFlagThatChoseIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Run r = run(Map.of("CURRENTS_HOST", "127.0.0.1"), "serve", "--port", Integer.toString(port));
            assertEquals("currents: cannot listen on 127.0.0.1:" + port + ": the port is in use (port " + port + " comes from "
                    + "the --port flag)\ncurrents: stop what uses it, or choose another port with --port N, CURRENTS_PORT or "
                    + "port= in " + project.resolve("config/currents.properties") + "\n", r.err());
            assertEquals(3, r.code());
        }
    }

    @Test
    void badSettingsAndAMissingConfigDirectoryAreOneLineEach() throws Exception {
        Run misspelled = run(Map.of("CURRENTS_POLL_INTERVALL", "5m"), "sources", "list");
        assertEquals("currents: unknown environment variable CURRENTS_POLL_INTERVALL; did you mean CURRENTS_POLL_INTERVAL? "
                + "(the README lists every setting)\n", misspelled.err());
        assertEquals(2, misspelled.code());
        Run missingBefore = run("--config", "/nonexistent", "sources", "list");
        assertEquals(2, missingBefore.code());
        Run missingSub = run("sources", "list", "--config", "/nonexistent");
        assertEquals(missingBefore.err(), missingSub.err());
        assertEquals("currents: no config directory /nonexistent (config comes from the --config flag); give --config DIR, "
                + "a directory holding currents.properties and sources.opml, or run from the project directory\n",
                missingSub.err());
        assertEquals(2, missingSub.code());
        Run port = run("sources", "add", "--port=9000", "https://x.example/feed");
        assertEquals("currents: Unknown option: '--port=9000'\ncurrents: see 'currents sources add --help'\n", port.err());
        assertEquals(2, port.code());
    }

    @Test
    void everyDoorRefusesAPrivateAddressAndADuplicateWithTheSameWords() throws Exception {
        String guard = "10.0.0.7 is a private, loopback or reserved address, which the address guard refuses at every "
                + "fetch (allow it with fetch.allow)";
        Run add = run("sources", "add", "--no-validate", "http://10.0.0.7/feed.xml");
        assertEquals("currents: " + guard + "\n", add.err());
        assertEquals(2, add.code());

        Run notUrl = run("sources", "add", "not a url");
        assertEquals("currents: 'not a url' is not a URL (illegal character in path at character 4); write http://…, "
                + "https://… or file:…\n", notUrl.err());
        assertEquals(2, notUrl.code());

        Path opml = project.resolve("in.opml");
        Files.writeString(opml, "<opml version=\"2.0\"><body><outline text=\"Inside\" xmlUrl=\"http://10.0.0.7/feed.xml\"/>"
                + "<outline text=\"Wire\" xmlUrl=\"http://127.0.0.1:9/wire.xml\"/></body></opml>");
        Run imported = run("import-opml", opml.toString());
        assertEquals("1 added, 0 merged, 1 skipped\nSKIPPED  REASON\nInside   " + guard + "\n", imported.out());
        assertEquals(1, imported.code());

        Files.writeString(project.resolve("config/sources.opml"), Files.readString(opml));
        Run configured = run("import-opml");
        assertEquals("0 added, 1 merged, 1 skipped\nSKIPPED  REASON\nInside   " + guard + "\n", configured.out());
        assertEquals(1, configured.code());

        for (String same : List.of("HTTP://LOCALHOST:9/wire.xml", "http://localhost:9/wire.xml/",
                "http://127.0.0.1:9/wire.xml?utm_source=x")) {
            Run dup = run("sources", "add", "--no-validate", same);
            assertEquals("currents: " + same + " is already source 1 (http://127.0.0.1:9/wire.xml)\n", dup.err());
            assertEquals(2, dup.code());
        }
        Run list = run("sources", "list");
        assertEquals("ID  STATUS  FEED_URL                     TITLE  CONTEXTS  ERROR\n"
                + "1   never   http://127.0.0.1:9/wire.xml  Wire\n", list.out());
    }

    @Test
    void theCommandLineWorksBesideARunningServerWhichStopsCleanlyOnSigterm() throws Exception {
        Path err = project.resolve("server.err");
        Process server = command(Map.of("CURRENTS_HOST", "127.0.0.1", "CURRENTS_LOG_LEVEL", "INFO"), "serve", "--port", "0")
                .redirectOutput(project.resolve("server.out").toFile()).redirectError(err.toFile()).start();
        try {
            int port = awaitPort(err);
            String base = "http://localhost:" + port + "/";
            Instant started = Instant.now();
            Run list = run("sources", "list", "--json");
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().contains("\"feed_url\" : \"file:feeds/world-wire.rss\""), list.out());
            assertTrue(Duration.between(started, Instant.now()).toSeconds() < 8, "the database is not waited for");

            String own = awaitOpml(base);
            Path ownFile = project.resolve("own.opml");
            Files.writeString(ownFile, own);
            Run self = run(Map.of("CURRENTS_PORT", Integer.toString(port)), "import-opml", ownFile.toString());
            assertTrue(self.out().startsWith("0 added, 0 merged, "), self.out());
            assertTrue(self.out().contains(base + "contexts/") && self.out().contains(" is this instance's own feed (it "
                    + "publishes under " + base + "); taken as a source it would poll its own events back in"), self.out());
            assertEquals(1, self.code());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
        }
        assertEquals(0, server.exitValue(), Files.readString(err));
        String log = Files.readString(err);
        assertTrue(log.contains("stopping: signal received"), log);
        assertTrue(log.contains("stopped: web server (port "), log);
        assertTrue(log.contains("), poll scheduler (running polls finished), HTTP client, database"), log);
    }

    private static int awaitPort(Path err) throws Exception {
        Pattern serving = Pattern.compile("serving http://localhost:(\\d+)/");
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = serving.matcher(Files.readString(err, StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not start: " + Files.readString(err));
    }

    private static String awaitOpml(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "opml")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("xmlUrl=")) {
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no contexts in " + base + "opml after 30 s");
    }
}
