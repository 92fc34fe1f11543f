package org.currents.cli;

import java.util.concurrent.Callable;
import org.currents.App;
import org.currents.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Polls on schedule and serves the site until the process is stopped. SIGTERM or Ctrl-C stops it
 * cleanly (web server, then running polls, then the database, each logged) and the exit status
 * is 0: the JVM would report 143 or 130 for the signal, which says "killed", not "stopped".
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Import config/sources.opml, poll the sources on schedule and serve the site (the default command).")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ServerOptions options = new ServerOptions();

    private final AppLauncher launcher;

    ServeCommand(AppLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = launcher.settings(options.flags());
        App app = launcher.open(settings);
        Thread stopper = new Thread(() -> {
            log.info("stopping: signal received");
            app.close();
            System.err.flush();
            // Every part is closed; end with status 0 instead of the signal's 128+n.
            Runtime.getRuntime().halt(ExitCode.OK);
        }, "currents-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            app.start();
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(stopper);
            app.close();
            throw ErrorReport.of(e, settings);
        }
        System.err.println("Currents " + App.VERSION + " serving " + app.baseUri() + " (stop with Ctrl-C or SIGTERM)");
        Thread.currentThread().join();
        return ExitCode.OK;
    }
}
