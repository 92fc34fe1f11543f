package org.currents.cli;

import static org.currents.PackagedJar.JAR;
import static org.currents.PackagedJar.JAVA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.currents.RandomFeedsProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar currents.jar poll --once} as an operator runs it: the poll runs in a worker JVM
 * with the quick compiler, which answers to the launcher's signals and dies with it.
 */
class QuickJvmIT {
    private static final int FEEDS = 24;
    private static final int ITEMS = 250;

    @TempDir
    Path project;

    @BeforeEach
    void layOut() throws IOException {
        RandomFeedsProject.layOut(project, FEEDS, ITEMS, 7);
    }

    @Test
    void theWorkerHasTheQuickCompilerAndDiesWithItsLauncher() throws Exception {
        Path out = project.resolve("out.txt");
        Process launcher = start(out);
        awaitFirstIngest(launcher, out);
        List<ProcessHandle> workers = launcher.descendants().toList();
        assertEquals(1, workers.size(), "one worker JVM");
        List<String> args = List.of(workers.get(0).info().arguments().orElseThrow());
        assertTrue(args.contains("-XX:TieredStopAtLevel=1") && args.contains("-Xmx256m"), args.toString());

        launcher.destroyForcibly();
        assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
        workers.get(0).onExit().get(30, TimeUnit.SECONDS);
        assertFalse(workers.get(0).isAlive(), "the worker halts when its launcher is killed");
    }

    @Test
    void sigtermStopsThePollAfterTheFeedsUnderWayAndTheNextPollTakesTheRest() throws Exception {
        Path out = project.resolve("out.txt");
        Process first = start(out);
        awaitFirstIngest(first, out);
        first.toHandle().destroy();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        String said = Files.readString(out);
        assertEquals(ExitCode.PARTLY, first.exitValue(), said);
        assertTrue(said.contains("currents: stopped by a signal after "), said);
        assertFalse(said.contains("unexpected error"), said);

        Path again = project.resolve("again.txt");
        Process second = start(again);
        assertTrue(second.waitFor(300, TimeUnit.SECONDS));
        String all = Files.readString(again);
        assertEquals(ExitCode.OK, second.exitValue(), all);
        assertTrue(all.contains("0 failed, " + FEEDS * ITEMS + " events stored"), all);
    }

    private Process start(Path out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(JAVA, "-Xmx256m", "-jar", JAR.toString(), "poll", "--once")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CURRENTS_"));
        pb.environment().put("CURRENTS_DATA", project.resolve("data").toString());
        pb.environment().put("CURRENTS_LOG_LEVEL", "INFO");
        return pb.start();
    }

    private static void awaitFirstIngest(Process p, Path out) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.readString(out).contains(" new, ")) {
                return;
            }
            assertTrue(p.isAlive(), "the poll ended before storing anything: " + Files.readString(out));
            Thread.sleep(100);
        }
        throw new AssertionError("nothing stored in a minute: " + Files.readString(out));
    }
}
