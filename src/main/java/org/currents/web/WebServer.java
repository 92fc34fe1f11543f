package org.currents.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.jetty12.server.TimedHandler;
import java.util.function.BooleanSupplier;
import org.currents.config.ServerSettings;
import org.currents.publish.Site;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server: binds first (so the site's base URL can name the real port), then serves the
 * handler tree built here: compression around the site.
 */
public final class WebServer {
    private static final int MAX_REQUEST_HEADER = 16 * 1024;

    private final ServerSettings settings;
    private Server server;
    private ServerConnector connector;

    public WebServer(ServerSettings settings) {
        this.settings = settings;
    }

    /** Binds the port and returns it (the configured one, or the one chosen for port 0). */
    public synchronized int open() {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("web");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_REQUEST_HEADER);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        try {
            connector.open();
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + (settings.host() == null ? "*" : settings.host()) + ":"
                    + settings.port() + " (setting port / CURRENTS_PORT): " + e.getMessage(), e);
        }
        return connector.getLocalPort();
    }

    /** Starts serving the site, the API and the metrics. */
    public synchronized void start(Site site, BooleanSupplier healthy, WebServices services) {
        CurrentsMeters meters = new CurrentsMeters(services);
        meters.bindTo(services.meters());
        Handler.Sequence routes = new Handler.Sequence(
                new HealthHandler(services.node()),
                new ApiHandler(services, site.links(), new AdminAuth(services.adminToken()), new ObjectMapper()),
                new MetricsHandler(services.meters(), meters),
                new SiteHandler(site, healthy));
        CompressionHandler compression = new CompressionHandler(routes);
        compression.putCompression(new GzipCompression());
        // Requests timed (http_server_requests), threads and connections counted, in the node's registry.
        TimedHandler timed = new TimedHandler(services.meters(), Tags.empty());
        timed.setHandler(compression);
        server.setHandler(timed);
        new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(services.meters());
        JettyConnectionMetrics.addToAllConnectors(server, services.meters());
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the web server: " + e.getMessage(), e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the web server: " + e.getMessage(), e);
            }
            server = null;
        }
    }
}
