package org.currents.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /metrics}: the node's Micrometer registry in the Prometheus text format (JVM, Jetty,
 * HikariCP, executors, and {@link CurrentsMeters}). Reads the database, so it may block.
 */
final class MetricsHandler extends Handler.Abstract {
    private final PrometheusMeterRegistry registry;
    private final CurrentsMeters meters;

    MetricsHandler(PrometheusMeterRegistry registry, CurrentsMeters meters) {
        this.registry = registry;
        this.meters = meters;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"/metrics".equals(Request.getPathInContext(request))) {
            return false;
        }
        meters.refresh();
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
