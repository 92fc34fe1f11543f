package org.currents.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.currents.App;
import org.currents.source.Source;
import org.currents.source.SourceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists, adds and removes sources. */
@Command(name = "sources", mixinStandardHelpOptions = true, description = "List, add or remove sources.",
        subcommands = {SourcesCommand.ListSources.class, SourcesCommand.AddSource.class, SourcesCommand.RemoveSource.class})
final class SourcesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the sources with their poll status: a header, then one line per source.")
    static final class ListSources implements Callable<Integer> {
        @Mixin
        CommonOptions options = new CommonOptions();
        @Option(names = "--json", description = "Print a JSON array instead, for scripts.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = launcher(spec).open(options)) {
                Table table = new Table("id", "status", "feed_url", "title", "contexts", "error");
                for (Source s : app.sources().all()) {
                    table.add(s.id(), s.enabled() ? s.status().lastStatus() : "disabled", s.feedUrl(), s.displayName(),
                            json ? s.contexts() : String.join(" / ", s.contexts()), s.status().lastError());
                }
                table.print(spec.commandLine().getOut(), json);
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a source. Its URL is checked as every way in checks it (URL, address guard, not this "
                    + "instance's own feed, not a duplicate) and its feed is fetched once, unless --no-validate.")
    static final class AddSource implements Callable<Integer> {
        @Mixin
        CommonOptions options = new CommonOptions();
        @Parameters(paramLabel = "URL", description = "The feed URL (http, https, or file: inside fetch.file-roots).")
        String url;
        @Option(names = "--title", description = "The name to show.")
        String title;
        @Option(names = "--context", paramLabel = "NAME", description = "A context for its items (repeatable).")
        List<String> contexts = List.of();
        @Option(names = "--no-validate", description = "Do not fetch the feed before saving it (the other checks still run).")
        boolean noValidate;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = launcher(spec).open(options)) {
                Source s = app.admin().add(new SourceSpec(url.strip(), title, null, contexts, null), !noValidate);
                spec.commandLine().getOut().printf("added source %d: %s%n", s.id(), s.feedUrl());
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a source; its events stay unless --with-events.")
    static final class RemoveSource implements Callable<Integer> {
        @Mixin
        CommonOptions options = new CommonOptions();
        @Parameters(paramLabel = "ID", description = "The source's id (see 'sources list').")
        long id;
        @Option(names = "--with-events", description = "Also delete the events only this source reported.")
        boolean withEvents;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = launcher(spec).open(options)) {
                if (!app.admin().remove(id, withEvents)) {
                    throw new Failure(ExitCode.BAD_INPUT, "no source " + id + " (see 'currents sources list')");
                }
                spec.commandLine().getOut().printf("removed source %d%n", id);
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            }
        }
    }

    /** The launcher the root command was built with (picocli builds these subcommands itself). */
    static AppLauncher launcher(CommandSpec spec) {
        CommandSpec root = spec.root();
        return ((Cli) root.userObject()).launcher();
    }
}
