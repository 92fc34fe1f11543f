package org.currents.cli;

import java.util.Map;
import org.currents.App;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;

/** Loads settings from flags and environment and builds the {@link App} a command runs on. */
final class AppLauncher {
    private final Map<String, String> environment;

    AppLauncher(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Settings settings(CommonOptions options) {
        return new SettingsLoader(App.VERSION).load(options.flags(), environment);
    }

    App open(CommonOptions options) {
        return App.open(settings(options));
    }
}
