package org.currents.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.currents.poll.PollMetrics;
import org.currents.poll.SourceAdmin;
import org.currents.store.ContextStore;
import org.currents.store.EventIngest;
import org.currents.store.EventStore;
import org.currents.store.SourceStore;
import org.currents.websub.SubscriberCallback;
import org.currents.websub.WebSubHub;

/** What the API, metrics and hub handlers work on, handed over by App in one piece. */
public record WebServices(SourceStore sources, EventStore events, EventIngest ingest, ContextStore contexts, SourceAdmin admin,
                          PollMetrics metrics, String adminToken, NodeStatus node, PrometheusMeterRegistry meters,
                          WebSubHub hub, SubscriberCallback subscriber) {
}
