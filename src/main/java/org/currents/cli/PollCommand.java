package org.currents.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.currents.App;
import org.currents.poll.PollOutcome;
import org.currents.source.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Imports config/sources.opml, polls every enabled source once and exits: the server's work, cron-style. */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = "Import config/sources.opml, poll every enabled source once and exit; exit code 1 if any source "
                + "failed.")
final class PollCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--once", description = "Poll once and exit (required: scheduled polling is 'serve').")
    boolean once;

    @Option(names = "--json", description = "Print the outcomes as JSON, for scripts.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final AppLauncher launcher;

    PollCommand(AppLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        if (!once) {
            throw new ParameterException(spec.commandLine(), "poll needs --once (scheduled polling is the 'serve' command)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (App app = launcher.open(options)) {
            app.importConfiguredSources().skipped().forEach(s -> spec.commandLine().getErr().printf(
                    "currents: sources.opml: skipped '%s': %s%n", s.text(), Failure.oneLine(s.reason())));
            // SIGTERM or Ctrl-C lets the feeds under way finish and leaves the rest for the next poll;
            // without it the JVM would close the database under them.
            AtomicBoolean stopping = new AtomicBoolean();
            StopSignals.install(() -> stopping.set(true));
            List<PollOutcome> outcomes = app.poller().pollAll(app.pollThreads(), stopping::get);
            Table table = new Table("source", "status", "new", "updated", "error");
            for (PollOutcome o : outcomes) {
                table.add(o.sourceId(), o.status(), o.created(), o.updated(), o.error());
            }
            table.print(out, json);
            long failed = outcomes.stream().filter(PollOutcome::failed).count();
            if (!json) {
                out.printf("%d sources polled, %d failed, %d events stored%n", outcomes.size(), failed, app.events().count());
            }
            out.flush();
            if (stopping.get()) {
                spec.commandLine().getErr().printf("currents: stopped by a signal after %d of %d sources; the rest are "
                        + "polled next time%n", outcomes.size(), app.sources().all().stream().filter(Source::enabled).count());
                return ExitCode.PARTLY;
            }
            return failed > 0 ? ExitCode.PARTLY : ExitCode.OK;
        }
    }
}
