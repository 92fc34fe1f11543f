package org.currents.cli;

import java.io.PrintWriter;
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the sources with their poll status.")
    static final class ListSources implements Callable<Integer> {
        @Mixin
        CommonOptions options = new CommonOptions();
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = launcher(spec).open(options)) {
                PrintWriter out = spec.commandLine().getOut();
                for (Source s : app.sources().all()) {
                    out.printf("%d\t%s\t%s\t%s\t%s%s%n", s.id(), s.enabled() ? s.status().lastStatus() : "disabled",
                            s.feedUrl(), s.displayName(), String.join(" / ", s.contexts()),
                            s.status().lastError() == null ? "" : "\t" + s.status().lastError());
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a source (its feed is fetched once to check it).")
    static final class AddSource implements Callable<Integer> {
        @Mixin
        CommonOptions options = new CommonOptions();
        @Parameters(paramLabel = "URL", description = "The feed URL (http, https, or file: inside fetch.file-roots).")
        String url;
        @Option(names = "--title", description = "The name to show.")
        String title;
        @Option(names = "--context", paramLabel = "NAME", description = "A context for its items (repeatable).")
        List<String> contexts = List.of();
        @Option(names = "--no-validate", description = "Do not fetch the feed before saving it.")
        boolean noValidate;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = launcher(spec).open(options)) {
                Source s = app.admin().add(new SourceSpec(url, title, null, contexts, null), !noValidate);
                spec.commandLine().getOut().printf("added source %d: %s%n", s.id(), s.feedUrl());
                spec.commandLine().getOut().flush();
                return 0;
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
                    throw new IllegalArgumentException("no source " + id);
                }
                spec.commandLine().getOut().printf("removed source %d%n", id);
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    /** The launcher the root command was built with (picocli builds these subcommands itself). */
    static AppLauncher launcher(CommandSpec spec) {
        CommandSpec root = spec.root();
        return ((Cli) root.userObject()).launcher();
    }
}
