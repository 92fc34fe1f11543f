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
 * cleanly (web server, then running polls, then the database, logged) and the exit status is 0:
 * the JVM would report 143 or 130 for the signal, which says "killed", not "stopped".
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
        Runnable stop = () -> {
            log.info("stopping: signal received");
            app.close();
            System.err.flush();
        };
        Thread hook = null;
        if (StopSignals.install(() -> {
            stop.run();
            System.exit(ExitCode.OK);
        })) {
            log.debug("SIGTERM and SIGINT stop the server before the JVM shuts down");
        } else {
            // Without the signal API: stop in a shutdown hook, and end with status 0, not the signal's 128+n.
            hook = new Thread(() -> {
                stop.run();
                Runtime.getRuntime().halt(ExitCode.OK);
            }, "currents-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            app.start();
        } catch (RuntimeException e) {
            if (hook != null) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            app.close();
            throw ErrorReport.of(e, settings);
        }
        System.err.println("Currents " + App.VERSION + (app.baseUri() != null ? " serving " + app.baseUri() : " polling")
                + " (stop with Ctrl-C or SIGTERM)");
        Thread.currentThread().join();
        return ExitCode.OK;
    }
}
