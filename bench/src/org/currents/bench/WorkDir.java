package org.currents.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A benchmark's scratch folder; the full run's database reaches gigabytes, so it goes when the run ends. */
final class WorkDir implements AutoCloseable {
    final Path path;

    WorkDir(String prefix) throws IOException {
        path = Files.createTempDirectory(prefix);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
