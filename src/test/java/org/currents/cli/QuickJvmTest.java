package org.currents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickJvmTest {
    private static final Path JAR = Path.of("/opt/currents/currents.jar");
    private static final String[] POLL_ONCE = {"poll", "--once", "--json"};

    @Test
    void aBatchPollRunsInAWorkerWithTheQuickCompilerAndTheLaunchersOwnFlags() {
        assertEquals(Optional.of(List.of("/usr/bin/java", "-Xmx512m", "-Dx=y", "-XX:TieredStopAtLevel=1",
                        "-Dcurrents.jvm=quick", "-cp",
                        "/opt/currents/currents.jar", "org.currents.cli.Main", "poll", "--once", "--json")),
                QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of("-Xmx512m", "-Dx=y"), null, JAR, null));
    }

    @Test
    void theWorkerMapsTheArchiveTheBuildWroteUnlessTheUserChoseOne() {
        Path archive = Path.of("/opt/currents/currents.jsa");
        assertEquals(Optional.of(List.of("/usr/bin/java", "-Xmx512m", "-XX:SharedArchiveFile=/opt/currents/currents.jsa",
                        "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1", "-Dcurrents.jvm=quick", "-cp",
                        "/opt/currents/currents.jar", "org.currents.cli.Main", "poll", "--once", "--json")),
                QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of("-Xmx512m"), null, JAR, archive));
        for (String flag : List.of("-Xshare:off", "-XX:SharedArchiveFile=/tmp/mine.jsa")) {
            assertEquals(Optional.of(List.of("/usr/bin/java", flag, "-XX:TieredStopAtLevel=1", "-Dcurrents.jvm=quick", "-cp",
                            "/opt/currents/currents.jar", "org.currents.cli.Main", "poll", "--once", "--json")),
                    QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of(flag), null, JAR, archive), flag);
        }
    }

    @Test
    void anArchiveOlderThanTheJarOrNoneIsNotUsed(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("currents.jar"), "jar");
        assertNull(QuickJvm.archiveOf(jar));
        Path archive = Files.writeString(dir.resolve("currents.jsa"), "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:01Z")));
        assertNull(QuickJvm.archiveOf(jar), "a jar built after its archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-01-01T00:00:02Z")));
        assertEquals(archive, QuickJvm.archiveOf(jar));
        assertNull(QuickJvm.archiveOf(null));
    }

    @Test
    void everyOtherCommandRunsWhereItWasStarted() {
        assertTrue(QuickJvm.command(new String[] {"serve"}, "/usr/bin/java", List.of(), null, JAR, null).isEmpty());
        assertTrue(QuickJvm.command(new String[] {"sources", "list"}, "/usr/bin/java", List.of(), null, JAR, null).isEmpty());
    }

    @Test
    void theWorkerAndAnOptOutNeverLaunchAgain() {
        assertTrue(QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of(), "quick", JAR, null).isEmpty());
        assertTrue(QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of(), "same", JAR, null).isEmpty());
    }

    @Test
    void aUserWhoChoseTheCompilersOrWatchesThisJvmKeepsIt() {
        for (String flag : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:/x.jar",
                "-XX:StartFlightRecording=filename=x.jfr", "-XX:CompilationMode=high-only")) {
            assertTrue(QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of("-Xmx1g", flag), null, JAR, null).isEmpty(), flag);
        }
    }

    @Test
    void withoutAJarOrAJavaCommandThereIsNothingToLaunch() {
        assertTrue(QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of(), null, Path.of("target/classes"), null).isEmpty());
        assertTrue(QuickJvm.command(POLL_ONCE, "/usr/bin/java", List.of(), null, null, null).isEmpty());
        assertTrue(QuickJvm.command(POLL_ONCE, null, List.of(), null, JAR, null).isEmpty());
    }
}
