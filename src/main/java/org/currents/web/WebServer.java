package org.currents.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.jetty12.server.TimedHandler;
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
    private static final int ACCEPT_QUEUE = 4096;
    private static final long IDLE_TIMEOUT_MS = 30_000;

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
        connector = new ServerConnector(server, 1, 2, new HttpConnectionFactory(http));
        // A thousand readers connecting at once must not overflow the listen backlog (Java's
        // default is 50): a dropped SYN is retried after one second, then three.
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
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
    public synchronized void start(Site site, WebServices services) {
        CurrentsMeters meters = new CurrentsMeters(services);
        meters.bindTo(services.meters());
        Handler.Sequence routes = new Handler.Sequence(
                new ApiHandler(services, site.links(), new AdminAuth(services.adminToken()), new ObjectMapper()),
                new MetricsHandler(services.meters(), meters));
        CompressionHandler compression = new CompressionHandler(routes);
        compression.putCompression(new GzipCompression());
        // The site keeps its documents gzipped already: it comes before the compressing wrapper
        // (which would add its own Vary), and leaves /api and /metrics to the others. A document
        // current in the cache is answered on the I/O thread, untimed: it costs less than a timer.
        DocumentCache cache = new DocumentCache(settings.cacheBytes());
        TimedHandler timed = new TimedHandler(services.meters(), Tags.empty());
        timed.setHandler(new Handler.Sequence(new WebSubHandler(services.hub()),
                new SubscriberCallbackHandler(services.subscriber()), new HealthHandler(services.node()),
                new SiteHandler(site, cache),
                compression));
        server.setHandler(new CachedDocuments(cache, site::version, timed));
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
