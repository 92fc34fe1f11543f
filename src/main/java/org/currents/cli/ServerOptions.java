package org.currents.cli;

import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags of the commands that serve the site: the common ones and {@code --port}. */
final class ServerOptions {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--port", paramLabel = "N",
            description = "Port the web server listens on (CURRENTS_PORT; default: 8080; 0: any free port).")
    String port;

    Map<String, String> flags() {
        Map<String, String> flags = common.flags();
        if (port != null) {
            flags.put("port", port);
        }
        return flags;
    }
}
