package org.currents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.currents.App;
import org.currents.config.Settings;
import org.currents.poll.SourceAdmin;
import org.currents.source.OpmlException;
import org.currents.source.OpmlReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Imports an OPML subscription list: a file that is not well-formed OPML is refused whole;
 * of a readable one, each refused entry is reported with its reason and the others imported.
 */
@Command(name = "import-opml", mixinStandardHelpOptions = true,
        description = {"Import the feeds of an OPML file as sources; nested outlines become their contexts.",
                "A file that is not well-formed OPML changes nothing (exit 2). Entries refused (bad URL, address "
                        + "guard, this instance's own feeds) are listed with their reasons and the rest imported (exit 1).",
                "Without FILE, imports <config>/sources.opml, as the server does when it starts."})
final class ImportOpmlCommand implements Callable<Integer> {
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The OPML file (default: <config>/sources.opml).")
    Path file;

    @Option(names = "--json", description = "Print the report as JSON, for scripts.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final AppLauncher launcher;

    ImportOpmlCommand(AppLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws IOException {
        Settings settings = launcher.settings(options);
        if (file == null) {
            try (App app = launcher.open(settings)) {
                return report(app.importConfiguredSources());
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new Failure(ExitCode.BAD_INPUT, "no such file: " + file);
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new Failure(ExitCode.BAD_INPUT, file + " is over " + MAX_BYTES + " bytes");
        }
        byte[] opml = Files.readAllBytes(file);
        try {
            new OpmlReader().read(opml); // refuse a bad file before opening the database
        } catch (OpmlException e) {
            throw new Failure(ExitCode.BAD_INPUT, file + ": " + e.getMessage() + "; nothing was imported");
        }
        try (App app = launcher.open(settings)) {
            return report(app.admin().importOpml(opml));
        }
    }

    private int report(SourceAdmin.ImportReport report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Table skipped = new Table("outline", "reason");
            report.skipped().forEach(s -> skipped.add(s.text(), s.reason()));
            out.printf("{\"added\": %d, \"merged\": %d, \"skipped\":%n", report.added(), report.merged());
            skipped.print(out, true);
            out.println("}");
        } else {
            out.printf("%d added, %d merged, %d skipped%n", report.added(), report.merged(), report.skipped().size());
            if (!report.skipped().isEmpty()) {
                Table skipped = new Table("skipped", "reason");
                report.skipped().forEach(s -> skipped.add(s.text(), s.reason()));
                skipped.print(out, false);
            }
        }
        out.flush();
        return report.skipped().isEmpty() ? ExitCode.OK : ExitCode.PARTLY;
    }
}
