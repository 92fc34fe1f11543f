package org.currents.cli;

import java.util.Map;
import org.currents.App;
import org.currents.config.SettingsException;
import org.currents.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code currents} command and its subcommands; {@code serve} runs when none is named. */
@Command(name = "currents", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Polls source feeds, files their items as events under contexts, and publishes a feed per context.")
public final class Cli implements Runnable {
    @Mixin
    CommonOptions options = new CommonOptions();

    private final AppLauncher launcher;

    private Cli(AppLauncher launcher) {
        this.launcher = launcher;
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args, Map<String, String> environment) {
        AppLauncher launcher = new AppLauncher(environment);
        Cli root = new Cli(launcher);
        CommandLine line = new CommandLine(root)
                .addSubcommand(new ServeCommand(launcher))
                .addSubcommand(new PollCommand(launcher))
                .addSubcommand(new ImportOpmlCommand(launcher))
                .addSubcommand(new ExportOpmlCommand(launcher, System.out))
                .addSubcommand(new SourcesCommand())
                .addSubcommand(new ContextsCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // Bad settings and bad input are the user's to fix: a message, not a stack trace.
                    if (e instanceof SettingsException || e instanceof IllegalArgumentException || e instanceof StoreException
                            || e instanceof java.io.IOException) {
                        cmd.getErr().println("currents: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                });
        return line.execute(args);
    }

    AppLauncher launcher() {
        return launcher;
    }

    @Override
    public void run() {
        ServeCommand serve = new ServeCommand(launcher);
        serve.options = options;
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
