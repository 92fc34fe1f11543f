package org.currents.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.currents.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code currents} command and its subcommands; {@code serve} runs when none is named. */
@Command(name = "currents", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Polls source feeds, files their items as events under contexts, and publishes a feed per context.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  done in part: a source failed to poll, or an import refused some entries",
                "  2  what was given is wrong: a flag, a setting, a file, a URL, a refused source",
                "  3  what is needed is not available: the port is in use, the database is locked or unreachable",
                " 70  a fault of Currents (run with CURRENTS_LOG_LEVEL=DEBUG for the stack trace)"})
public final class Cli implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Mixin
    ServerOptions options = new ServerOptions();

    private final AppLauncher launcher;

    private Cli(Map<String, String> environment) {
        this.launcher = new AppLauncher(environment, () -> options.flags());
    }

    /** Runs the command line and returns the process exit code (see {@link ExitCode}). */
    public static int run(String[] args, Map<String, String> environment) {
        Cli root = new Cli(environment);
        AppLauncher launcher = root.launcher;
        CommandLine line = new CommandLine(root)
                .addSubcommand(new ServeCommand(launcher))
                .addSubcommand(new PollCommand(launcher))
                .addSubcommand(new ImportOpmlCommand(launcher))
                .addSubcommand(new ExportOpmlCommand(launcher, System.out))
                .addSubcommand(new SourcesCommand())
                .addSubcommand(new ContextsCommand())
                .setParameterExceptionHandler((e, given) -> {
                    PrintWriter err = e.getCommandLine().getErr();
                    err.println("currents: " + Failure.oneLine(e.getMessage()));
                    err.println("currents: see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
                    err.flush();
                    return ExitCode.BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // What an operator can fix gets a message; the stack trace is for the debug log only.
                    Failure failure = ErrorReport.of(e);
                    log.debug("{} stopped", cmd.getCommandSpec().qualifiedName(), e);
                    PrintWriter err = cmd.getErr();
                    err.println("currents: " + failure.getMessage());
                    if (failure.hint() != null) {
                        err.println("currents: " + failure.hint());
                    }
                    err.flush();
                    return failure.exitCode();
                });
        return line.execute(args);
    }

    AppLauncher launcher() {
        return launcher;
    }

    @Override
    public void run() {
        ServeCommand serve = new ServeCommand(launcher);
        try {
            serve.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Currents " + App.VERSION};
        }
    }
}
