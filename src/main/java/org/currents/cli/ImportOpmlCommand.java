package org.currents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.currents.App;
import org.currents.poll.SourceAdmin;
import org.currents.source.OpmlReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Imports an OPML subscription list into the sources, all or nothing. */
@Command(name = "import-opml", mixinStandardHelpOptions = true,
        description = "Import the feeds of an OPML file as sources; nested outlines become their contexts.")
final class ImportOpmlCommand implements Callable<Integer> {
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(paramLabel = "FILE", description = "The OPML file.")
    Path file;

    @Spec
    CommandSpec spec;

    private final AppLauncher launcher;

    ImportOpmlCommand(AppLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(file + " is over " + MAX_BYTES + " bytes");
        }
        byte[] opml = Files.readAllBytes(file);
        new OpmlReader().read(opml); // refuse a bad file before opening the database
        try (App app = launcher.open(options)) {
            SourceAdmin.ImportReport report = app.admin().importOpml(opml);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%d added, %d merged, %d skipped%n", report.added(), report.merged(), report.skipped().size());
            report.skipped().forEach(s -> out.printf("  skipped '%s': %s%n", s.text(), s.reason()));
            out.flush();
            return 0;
        }
    }
}
