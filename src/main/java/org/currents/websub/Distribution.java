package org.currents.websub;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.currents.config.WebSubSettings;
import org.currents.fetch.CallbackClient;
import org.currents.publish.Document;
import org.currents.store.SubscriptionStore;
import org.currents.store.SubscriptionStore.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content distribution (W3C WebSub, section 7): when the site's version moves, every topic with
 * subscribers whose document changed (its ETag) is sent whole to each of them, signed when they
 * gave a secret. A failed delivery is tried again after a wait doubled each time; a subscriber
 * whose callback fails every attempt is dropped. Leases that ended are neither served nor kept.
 */
final class Distribution {
    private static final Logger log = LoggerFactory.getLogger(Distribution.class);

    private final SubscriptionStore store;
    private final Topics topics;
    private final CallbackClient client;
    private final WebSubSettings settings;
    private final LongSupplier version;
    private final String hub;
    private final Clock clock;
    private final ScheduledExecutorService checks;
    private final ScheduledExecutorService deliveries;
    private final AtomicBoolean pending = new AtomicBoolean();
    private long checked = Long.MIN_VALUE;

    Distribution(SubscriptionStore store, Topics topics, CallbackClient client, WebSubSettings settings, LongSupplier version,
                 String hub, Clock clock, ScheduledExecutorService checks, ScheduledExecutorService deliveries) {
        this.store = store;
        this.topics = topics;
        this.client = client;
        this.settings = settings;
        this.version = version;
        this.hub = hub;
        this.clock = clock;
        this.checks = checks;
        this.deliveries = deliveries;
    }

    /** Something may have changed: looks (once, however often it is called meanwhile) on the checking thread. */
    void wake() {
        // Closed (the server stopping while a poll still commits): nothing is delivered any more.
        if (!checks.isShutdown() && pending.compareAndSet(false, true)) {
            try {
                checks.execute(this::check);
            } catch (RejectedExecutionException e) {
                pending.set(false);
            }
        }
    }

    private void check() {
        pending.set(false);
        try {
            long v = version.getAsLong();
            if (v == checked) {
                return;
            }
            checked = v;
            store.removeExpired(clock.instant());
            Map<String, List<Subscription>> byTopic = new LinkedHashMap<>();
            for (Subscription s : store.active(clock.instant())) {
                byTopic.computeIfAbsent(s.topic(), t -> new java.util.ArrayList<>()).add(s);
            }
            byTopic.forEach(this::distribute);
        } catch (RuntimeException e) {
            log.warn("websub: cannot look for changed topics; will look again at the next change: {}", e.getMessage());
        }
    }

    private void distribute(String topic, List<Subscription> subscribers) {
        Optional<Document> document = topics.document(topic);
        if (document.isEmpty()) {
            return; // the context is gone (merged, emptied): nothing to send until it is back
        }
        Document d = document.get();
        byte[] body = null;
        for (Subscription s : subscribers) {
            // The claim makes one node of those sharing the database send each change once.
            if (!d.etag().equals(s.delivered()) && store.claim(s.id(), d.etag())) {
                if (body == null) {
                    body = d.body().get();
                }
                byte[] bytes = body;
                deliveries.execute(() -> send(s, d.contentType(), bytes, 1));
            }
        }
    }

    private void send(Subscription s, String contentType, byte[] body, int attempt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Link", "<" + hub + ">; rel=\"hub\", <" + s.topic() + ">; rel=\"self\"");
        if (s.secret() != null) {
            headers.put("X-Hub-Signature", Signature.of(s.secret(), body));
        }
        CallbackClient.Answer answer = client.post(URI.create(s.callback()), contentType, body, headers);
        if (answer.ok()) {
            return;
        }
        String why = answer.failure() != null ? answer.failure() : "status " + answer.status();
        if (attempt >= settings.attempts()) {
            try {
                store.remove(s.id());
                log.warn("websub: dropped the subscription of {} to {}: {} deliveries failed, the last: {}", s.callback(),
                        s.topic(), attempt, why);
            } catch (RuntimeException e) {
                log.warn("websub: cannot drop the failing subscription of {} to {}: {}", s.callback(), s.topic(),
                        e.getMessage());
            }
            return;
        }
        Duration wait = settings.retry().multipliedBy(1L << Math.min(attempt - 1, 20));
        log.debug("websub: delivery {} to {} failed ({}); again in {}", attempt, s.callback(), why, wait);
        deliveries.schedule(() -> send(s, contentType, body, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
