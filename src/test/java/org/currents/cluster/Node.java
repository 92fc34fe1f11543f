package org.currents.cluster;

import static org.currents.PackagedJar.JAR;
import static org.currents.PackagedJar.JAVA;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.currents.config.StoreSettings;

/** One node: the packaged jar as a process of its own, its log in a file, the port it serves on. */
final class Node {
    private static final Pattern PORT = Pattern.compile("node \\S+ \\([a-z,]+\\) serving \\S+ on port (\\d+)");

    private final String name;
    private final Process process;
    private final Path log;
    private int port;

    private Node(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** {@code serve} with the given roles on a free port of 127.0.0.1. */
    static Node start(Path project, StoreSettings db, String name, String roles, Map<String, String> settings)
            throws IOException {
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.put("CURRENTS_NODE_NAME", name);
        env.put("CURRENTS_NODE_ROLES", roles);
        env.put("CURRENTS_PORT", "0");
        env.put("CURRENTS_HOST", "127.0.0.1");
        return launch(project, db, name, env, "serve");
    }

    /** Any other command, run to its end. */
    static Node run(Path project, StoreSettings db, String name, Map<String, String> settings, String... args)
            throws IOException {
        return launch(project, db, name, settings, args);
    }

    private static Node launch(Path project, StoreSettings db, String name, Map<String, String> settings, String... args)
            throws IOException {
        List<String> line = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        line.addAll(List.of(args));
        // Kept after the run (the project directory is not), for reading when the test fails.
        Path logs = Path.of("target", "cluster-it").toAbsolutePath();
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(line).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CURRENTS_"));
        pb.environment().putAll(settings);
        pb.environment().putAll(Map.of("CURRENTS_DATA", project.resolve("data-" + name).toString(),
                "CURRENTS_STORE_URL", db.jdbcUrl(), "CURRENTS_STORE_USER", db.user(),
                "CURRENTS_STORE_PASSWORD", db.password(), "CURRENTS_LOG_LEVEL", "INFO"));
        return new Node(name, pb.start(), log);
    }

    String name() {
        return name;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waits for the log line naming the port it serves on. */
    void awaitServing(int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = PORT.matcher(log());
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " exited with " + process.exitValue() + ":\n" + log());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("node " + name + " did not serve within " + seconds + " s:\n" + log());
    }

    int awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("node " + name + " still running after " + seconds + " s:\n" + log());
        }
        return process.exitValue();
    }

    /** SIGTERM, and the clean stop the README promises: exit status 0. */
    void stop() throws InterruptedException {
        process.destroy();
        int status = awaitExit(60);
        if (status != 0) {
            throw new AssertionError("node " + name + " stopped with status " + status + ":\n" + log());
        }
    }

    /** SIGKILL: no chance to finish anything. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
