package org.currents.cli;

import java.util.Optional;

/** The jar's entry point: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The default H2 database serves itself to a second process (the command line beside the
        // server, AUTO_SERVER=TRUE); keep that port on the loopback interface. Read once by H2, so
        // set before any H2 class loads.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        Optional<Integer> ranElsewhere = QuickJvm.command(args).flatMap(QuickJvm::run);
        if (ranElsewhere.isPresent()) {
            System.exit(ranElsewhere.get());
        }
        QuickJvm.watchLauncher();
        System.exit(Cli.run(args, System.getenv()));
    }
}
