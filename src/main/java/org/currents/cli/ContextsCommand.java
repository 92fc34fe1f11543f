package org.currents.cli;

import java.util.concurrent.Callable;
import org.currents.App;
import org.currents.event.ContextSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists contexts with their kinds and event counts. */
@Command(name = "contexts", mixinStandardHelpOptions = true, description = "List contexts.",
        subcommands = ContextsCommand.ListContexts.class)
final class ContextsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List contexts with their kind and event count; a hidden context is left out of /opml and the "
                    + "home page but keeps its page and feeds.")
    static final class ListContexts implements Callable<Integer> {
        @Mixin
        CommonOptions options = new CommonOptions();
        @Option(names = "--json", description = "Print a JSON array instead, for scripts.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = SourcesCommand.launcher(spec).open(options)) {
                Table table = new Table("slug", "kind", "events", "hidden", "name");
                for (ContextSummary c : app.contexts().all()) {
                    table.add(c.context().slug(), c.context().kind().name().toLowerCase(java.util.Locale.ROOT),
                            c.eventCount(), json ? (Object) c.hidden() : c.hidden() ? "hidden" : "", c.context().name());
                }
                table.print(spec.commandLine().getOut(), json);
                return ExitCode.OK;
            }
        }
    }
}
