package org.currents.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code poll --once} in a second JVM that compiles with HotSpot's quick compiler (C1)
 * alone. A first poll of a large OPML is a batch job of seconds, and on two cores the compilers
 * took 11 of its 17 CPU seconds over 10,000 items, the optimising compiler (C2) 8 of them. The
 * poll ran in 5.3-5.7 s instead of 9.6-9.8 with {@code -XX:TieredStopAtLevel=1},
 * and in 31 s instead of 35 over 100,000 ({@code docs/benchmarks.md}). A jar cannot give its JVM
 * flags, so the launcher starts the worker with them and passes its own on.
 *
 * <p>The worker is this process's stand-in: it shares its output, its exit code is this
 * process's, SIGTERM and SIGINT are passed on (the worker stops as it would itself), and it
 * halts when this process dies without a word (SIGKILL), seen as its standard input closing.
 * No second JVM when the user already chose the compilers, attached an agent or a recording
 * (they are looking at this JVM), or set {@code -Dcurrents.jvm=same}. The worker also maps the
 * classes the build archived ({@link #archiveOf}).
 */
final class QuickJvm {
    /** Set on the worker, and the opt-out: {@code -Dcurrents.jvm=same}. */
    static final String PROPERTY = "currents.jvm";
    private static final String WORKER = "quick";
    private static final String FLAG = "-XX:TieredStopAtLevel=1";
    /** The worker's exit when the launcher is gone: as if terminated (128 + SIGTERM), though no one is left to read it. */
    private static final int LAUNCHER_GONE = 143;

    private QuickJvm() {
    }

    /**
     * The worker's command line, when {@code args} asks for a batch poll and nothing speaks against a
     * second JVM; with the class data {@code archive} ({@link #archiveOf}) when there is one and the
     * user chose none.
     */
    static Optional<List<String>> command(String[] args, String java, List<String> jvmArgs, String property, Path jar,
                                          Path archive) {
        if (!List.of(args).contains("--once") || property != null || java == null || jar == null
                || !jar.getFileName().toString().endsWith(".jar")) {
            return Optional.empty();
        }
        for (String a : jvmArgs) {
            if (a.startsWith("-XX:TieredStopAtLevel") || a.contains("TieredCompilation") || a.startsWith("-agent")
                    || a.startsWith("-javaagent") || a.contains("FlightRecord") || a.startsWith("-Xint")
                    || a.startsWith("-XX:CompilationMode")) {
                return Optional.empty();
            }
        }
        List<String> line = new ArrayList<>();
        line.add(java);
        line.addAll(jvmArgs);
        if (archive != null && jvmArgs.stream().noneMatch(a -> a.startsWith("-Xshare") || a.contains("SharedArchiveFile"))) {
            // An archive the JVM cannot use (another JDK, a jar moved) is skipped; its warning is not the user's concern.
            line.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        line.addAll(List.of(FLAG, "-D" + PROPERTY + "=" + WORKER, "-cp", jar.toString(), Main.class.getName()));
        line.addAll(List.of(args));
        return Optional.of(line);
    }

    /** The command for this JVM, from what it was started with. */
    static Optional<List<String>> command(String[] args) {
        Path jar = ownJar();
        return command(args, ProcessHandle.current().info().command().orElse(null),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty(PROPERTY), jar, archiveOf(jar));
    }

    /**
     * The class data archive the build wrote beside the jar ({@code currents.jsa}, from a first
     * poll of the sample feeds, see pom.xml), when it is at least as new as the jar: the JVM then
     * maps the classes of a poll already parsed and verified instead of loading them from the jar:
     * a poll of no source in 1.1 s instead of 1.5, of 200 corpus feeds in 5.8 s instead of 6.4
     * (docs/benchmarks.md).
     */
    static Path archiveOf(Path jar) {
        if (jar == null) {
            return null;
        }
        String name = jar.getFileName().toString();
        Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
        try {
            return Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0 ? archive : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs the worker to its end; its exit code, or empty when it could not be started. */
    static Optional<Integer> run(List<String> command) {
        Process worker;
        try {
            worker = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        // SIGTERM through the handle: Process.destroy would also close the worker's standard input,
        // which it reads as this process gone.
        Runnable stop = () -> worker.toHandle().destroy();
        if (!StopSignals.install(stop)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop));
        }
        while (true) {
            try {
                return Optional.of(worker.waitFor());
            } catch (InterruptedException e) {
                stop.run();
            }
        }
    }

    /** In the worker: halts when the launcher is gone, its end of the standard input closed with it. */
    static void watchLauncher() {
        if (!WORKER.equals(System.getProperty(PROPERTY))) {
            return;
        }
        Thread watch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the launcher writes nothing; only the end matters
                }
            } catch (IOException e) {
                // a broken pipe is the launcher gone too
            }
            Runtime.getRuntime().halt(LAUNCHER_GONE);
        }, "launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static Path ownJar() {
        try {
            Path p = Path.of(QuickJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
