package org.currents;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus some tests read, from {@code ../shared} beside the repository (the
 * {@code currents.shared} property). Absent, such a test is skipped with a message saying what
 * it needs and where it looked; with {@code CURRENTS_REQUIRE_SHARED=1} (CI) it fails instead.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    /** A path under the shared directory, which may not exist. */
    public static Path path(String relative) {
        return Path.of(System.getProperty("currents.shared", "../shared")).resolve(relative).toAbsolutePath().normalize();
    }

    /** Skips (or, when required, fails) the calling test unless {@code dir} exists. */
    public static void require(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        String message = "needs the shared corpus at " + dir + " (../shared beside the repository), which is absent";
        if ("1".equals(System.getenv("CURRENTS_REQUIRE_SHARED"))) {
            throw new AssertionError(message + "; CURRENTS_REQUIRE_SHARED=1 makes it required");
        }
        assumeTrue(false, message);
    }
}
