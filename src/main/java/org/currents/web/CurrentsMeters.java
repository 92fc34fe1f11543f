package org.currents.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.currents.poll.PollMetrics;
import org.currents.source.Source;
import org.currents.store.ClusterState;

/**
 * Currents' own meters, under the names the hand-written exposition had ({@code currents_polls_total},
 * {@code currents_items_total}, {@code currents_poll_seconds_total}, {@code currents_sources},
 * {@code currents_source_consecutive_errors}, {@code currents_events}, {@code currents_contexts}),
 * and this node's view of the cluster: its polls, its misfires, the nodes checked in.
 * Meters whose label values come and go (sources by state) are refreshed before each scrape.
 */
final class CurrentsMeters implements MeterBinder {
    private final WebServices services;
    private final NodeStatus node;
    private MeterRegistry registry;
    private MultiGauge sourcesByState;
    private MultiGauge consecutiveErrors;
    private MultiGauge checkInAge;
    private volatile int nodesAlive;

    CurrentsMeters(WebServices services) {
        this.services = services;
        this.node = services.node();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        PollMetrics polls = services.metrics();
        FunctionCounter.builder("currents.items", polls, PollMetrics::itemsCreated).tag("change", "created")
                .description("Feed items that created or changed an event since start.").register(registry);
        FunctionCounter.builder("currents.items", polls, PollMetrics::itemsUpdated).tag("change", "updated")
                .description("Feed items that created or changed an event since start.").register(registry);
        FunctionCounter.builder("currents.poll.seconds", polls, PollMetrics::pollSeconds)
                .description("Time spent polling since start.").register(registry);
        FunctionCounter.builder("currents.node.polls", polls, p -> p.polls().values().stream().mapToLong(Long::longValue).sum())
                .tag("node", node.name()).description("Polls this node ran since start, whatever their outcome.")
                .register(registry);
        FunctionCounter.builder("currents.scheduler.misfires", node, n -> n.misfires().getAsLong()).tag("node", node.name())
                .description("Polls this node's scheduler found overdue by more than a minute.").register(registry);
        Gauge.builder("currents.node.info", () -> 1).tags("node", node.name(), "roles", node.roles())
                .description("This node: its name and roles.").register(registry);
        Gauge.builder("currents.events", services.events(), e -> e.count()).description("Events stored.").register(registry);
        Gauge.builder("currents.contexts", services.contexts(), c -> c.all().size())
                .description("Contexts with at least one event.").register(registry);
        Gauge.builder("currents.cluster.nodes", this, m -> m.nodesAlive)
                .description("Nodes checked in to the cluster's scheduler within their interval (0 without a cluster).")
                .register(registry);
        sourcesByState = MultiGauge.builder("currents.sources").description("Sources by the state of their last poll.")
                .register(registry);
        consecutiveErrors = MultiGauge.builder("currents.source.consecutive.errors")
                .description("Errors in a row of each failing source.").register(registry);
        checkInAge = MultiGauge.builder("currents.cluster.checkin.age").baseUnit("seconds")
                .description("Time since each node of the cluster last checked in.").register(registry);
    }

    /** Reads what the scrape shows with label values that change: polls by outcome, sources, check-ins. */
    void refresh() {
        services.metrics().polls().forEach((status, n) -> FunctionCounter.builder("currents.polls", services.metrics(),
                        p -> p.polls().getOrDefault(status, 0L)).tag("status", status)
                .description("Polls since start, by outcome.").register(registry));
        Map<String, Integer> byState = new TreeMap<>();
        List<MultiGauge.Row<?>> failing = new ArrayList<>();
        for (Source s : services.sources().all()) {
            byState.merge(s.enabled() ? s.status().lastStatus() : "disabled", 1, Integer::sum);
            if (s.status().consecutiveErrors() > 0) {
                failing.add(MultiGauge.Row.of(Tags.of("source", Long.toString(s.id())), s.status().consecutiveErrors()));
            }
        }
        sourcesByState.register(byState.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("state", e.getKey()), e.getValue())).toList(), true);
        consecutiveErrors.register(failing, true);
        Instant now = Instant.now();
        List<ClusterState.CheckIn> checkIns = node.cluster().get();
        nodesAlive = (int) checkIns.stream().filter(c -> c.alive(now)).count();
        checkInAge.register(checkIns.stream().map(c -> MultiGauge.Row.of(Tags.of("node", c.node()),
                Duration.between(c.last(), now).toMillis() / 1000.0)).toList(), true);
    }
}
