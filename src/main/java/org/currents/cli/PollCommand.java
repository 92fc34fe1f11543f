package org.currents.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.currents.App;
import org.currents.poll.PollOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Polls every enabled source once and exits: for cron-style use without the scheduler. */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = "Poll every enabled source once and exit; exit code 1 if any source failed.")
final class PollCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--once", description = "Poll once and exit (required: scheduled polling is 'serve').")
    boolean once;

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
            List<PollOutcome> outcomes = app.poller().pollAll(app.pollThreads());
            for (PollOutcome o : outcomes) {
                out.printf("source %d: %s%s%s%n", o.sourceId(), o.status(),
                        o.created() + o.updated() > 0 ? " (" + o.created() + " new, " + o.updated() + " updated)" : "",
                        o.error() != null ? ": " + o.error() : "");
            }
            long failed = outcomes.stream().filter(PollOutcome::failed).count();
            out.printf("%d sources polled, %d failed, %d events stored%n", outcomes.size(), failed, app.events().count());
            out.flush();
            return failed > 0 ? 1 : 0;
        }
    }
}
