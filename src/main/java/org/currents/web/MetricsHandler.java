package org.currents.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.currents.poll.PollMetrics;
import org.currents.source.Source;
import org.currents.store.ContextStore;
import org.currents.store.EventStore;
import org.currents.store.SourceStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code /metrics} in the Prometheus text format: poll counters, and source, event and context counts. */
final class MetricsHandler extends Handler.Abstract.NonBlocking {
    private final SourceStore sources;
    private final EventStore events;
    private final ContextStore contexts;
    private final PollMetrics polls;

    MetricsHandler(SourceStore sources, EventStore events, ContextStore contexts, PollMetrics polls) {
        this.sources = sources;
        this.events = events;
        this.contexts = contexts;
        this.polls = polls;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"/metrics".equals(Request.getPathInContext(request))) {
            return false;
        }
        StringBuilder m = new StringBuilder(4096);
        help(m, "currents_polls_total", "counter", "Polls since start, by outcome.");
        polls.polls().forEach((status, n) -> m.append("currents_polls_total{status=\"").append(status).append("\"} ")
                .append(n).append('\n'));
        help(m, "currents_items_total", "counter", "Feed items that created or changed an event since start.");
        m.append("currents_items_total{change=\"created\"} ").append(polls.itemsCreated()).append('\n');
        m.append("currents_items_total{change=\"updated\"} ").append(polls.itemsUpdated()).append('\n');
        help(m, "currents_poll_seconds_total", "counter", "Time spent polling since start.");
        m.append("currents_poll_seconds_total ").append(polls.pollSeconds()).append('\n');
        Map<String, Integer> byStatus = new TreeMap<>();
        help(m, "currents_source_consecutive_errors", "gauge", "Errors in a row of each failing source.");
        for (Source s : sources.all()) {
            String state = s.enabled() ? s.status().lastStatus() : "disabled";
            byStatus.merge(state, 1, Integer::sum);
            if (s.status().consecutiveErrors() > 0) {
                m.append("currents_source_consecutive_errors{source=\"").append(s.id()).append("\"} ")
                        .append(s.status().consecutiveErrors()).append('\n');
            }
        }
        help(m, "currents_sources", "gauge", "Sources by the state of their last poll.");
        byStatus.forEach((state, n) -> m.append("currents_sources{state=\"").append(state).append("\"} ").append(n)
                .append('\n'));
        help(m, "currents_events", "gauge", "Events stored.");
        m.append("currents_events ").append(events.count()).append('\n');
        help(m, "currents_contexts", "gauge", "Contexts with at least one event.");
        m.append("currents_contexts ").append(contexts.all().size()).append('\n');
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(m.toString().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    private static void help(StringBuilder m, String name, String type, String help) {
        m.append("# HELP ").append(name).append(' ').append(help).append('\n');
        m.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
