package org.currents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuickJvmTest {
    private static final Path JAR = Path.of("/opt/currents/currents.jar");
    private static final String[] POLL_ONCE = {"poll", "--once", "--json"};

    @Test
    void aBatchPollRunsInAWorkerWithTheQuickCompilerAndTheLaunchersOwnFlags() {
        assertEquals(Optional.of(List.of("/usr/bin/java", "-Xmx512m", "-Dx=y", "-XX:TieredStopAtLevel=1",
                        "-Dcurrents.jvm=quick", "-cp",
                        "/opt/currents/currents.jar", "org.currents.cli.Main", "poll", "--once", "--json")),
                QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of("-Xmx512m", "-Dx=y"), null, JAR));
    }

    @Test
    void everyOtherCommandRunsWhereItWasStarted() {
        assertTrue(QuickJvm.command(new String[] {"serve"}, "/usr/bin/java", List.of(), null, JAR).isEmpty());
        assertTrue(QuickJvm.command(new String[] {"sources", "list"}, "/usr/bin/java", List.of(), null, JAR).isEmpty());
    }

    @Test
    void theWorkerAndAnOptOutNeverLaunchAgain() {
        assertTrue(QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of(), "quick", JAR).isEmpty());
        assertTrue(QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of(), "same", JAR).isEmpty());
    }

    @Test
    void aUserWhoChoseTheCompilersOrWatchesThisJvmKeepsIt() {
        for (String flag : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:/x.jar",
                "-XX:StartFlightRecording=filename=x.jfr", "-XX:CompilationMode=high-only")) {
            assertTrue(QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of("-Xmx1g", flag), null, JAR).isEmpty(), flag);
        }
    }

    @Test
    void withoutAJarOrAJavaCommandThereIsNothingToLaunch() {
        assertTrue(QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of(), null, Path.of("target/classes")).isEmpty());
        assertTrue(QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of(), null, null).isEmpty());
        assertTrue(QuickJvm.command(POLL_ONCE, null, List.of(), null, JAR).isEmpty());
    }
}
