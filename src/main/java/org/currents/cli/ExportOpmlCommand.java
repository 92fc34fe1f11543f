package org.currents.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.currents.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes the sources as OPML 2.0, to a file or standard output. */
@Command(name = "export-opml", mixinStandardHelpOptions = true,
        description = "Export the sources as OPML 2.0, their contexts as nested outlines.")
final class ExportOpmlCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    private final AppLauncher launcher;
    private final PrintStream stdout;

    ExportOpmlCommand(AppLauncher launcher, PrintStream stdout) {
        this.launcher = launcher;
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws IOException {
        try (App app = launcher.open(options)) {
            byte[] opml = app.admin().exportOpml();
            if (output != null) {
                Files.write(output, opml);
            } else {
                stdout.write(opml);
                stdout.flush();
            }
            return 0;
        }
    }
}
