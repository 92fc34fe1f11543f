package org.currents.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.currents.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Polls on schedule and serves the site until the process is stopped (SIGTERM or Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Poll the sources on schedule and serve the site (the default command).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    private final AppLauncher launcher;

    ServeCommand(AppLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws InterruptedException {
        App app = launcher.open(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "currents-shutdown"));
        app.start();
        System.err.println("Currents " + App.VERSION + " serving " + app.baseUri());
        stopped.await();
        return 0;
    }
}
