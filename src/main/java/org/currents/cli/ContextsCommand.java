package org.currents.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.currents.App;
import org.currents.event.ContextSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists contexts with their kinds and event counts. */
@Command(name = "contexts", mixinStandardHelpOptions = true, description = "List contexts.",
        subcommands = ContextsCommand.ListContexts.class)
final class ContextsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List contexts with their kind and event count.")
    static final class ListContexts implements Callable<Integer> {
        @Mixin
        CommonOptions options = new CommonOptions();
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = SourcesCommand.launcher(spec).open(options)) {
                PrintWriter out = spec.commandLine().getOut();
                for (ContextSummary c : app.contexts().all()) {
                    out.printf("%s\t%s\t%d\t%s%s%n", c.context().slug(), c.context().kind().name().toLowerCase(),
                            c.eventCount(), c.context().name(), c.hidden() ? "\t(hidden)" : "");
                }
                out.flush();
                return 0;
            }
        }
    }
}
