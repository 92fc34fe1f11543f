package org.currents.cli;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.currents.App;
import org.currents.config.Key;
import org.currents.config.Settings;
import org.currents.config.SettingsException;
import org.currents.config.SettingsLoader;

/**
 * Loads settings from flags and environment and builds the {@link App} a command runs on. Flags
 * given before the command name ({@code currents --config DIR sources list}) count as well, and
 * those after it win.
 */
final class AppLauncher {
    private final Map<String, String> environment;
    private final Supplier<Map<String, String>> rootFlags;

    AppLauncher(Map<String, String> environment, Supplier<Map<String, String>> rootFlags) {
        this.environment = Map.copyOf(environment);
        this.rootFlags = rootFlags;
    }

    /** The settings, refusing a config directory that does not exist: it would run an empty site. */
    Settings settings(Map<String, String> flags) {
        Map<String, String> all = new HashMap<>(rootFlags.get());
        all.putAll(flags);
        Settings settings = new SettingsLoader(App.VERSION).load(all, environment);
        if (!Files.isDirectory(settings.configDir())) {
            throw new SettingsException("no config directory " + settings.configDir() + " (config comes from "
                    + settings.origin(Key.CONFIG) + "); give --config DIR, a directory holding currents.properties "
                    + "and sources.opml, or run from the project directory");
        }
        return settings;
    }

    Settings settings(CommonOptions options) {
        return settings(options.flags());
    }

    /** Opens the database; the sources of sources.opml are imported only where a command asks for it. */
    App open(Settings settings) {
        return App.open(settings);
    }

    App open(CommonOptions options) {
        return open(settings(options));
    }
}
