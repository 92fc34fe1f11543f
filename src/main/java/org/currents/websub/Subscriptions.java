package org.currents.websub;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.currents.config.WebSubSettings;
import org.currents.fetch.CallbackClient;
import org.currents.parse.PushLinks;
import org.currents.poll.PushWatch;
import org.currents.source.Source;
import org.currents.store.UpstreamStore;
import org.currents.store.UpstreamStore.State;
import org.currents.store.UpstreamStore.Upstream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This site as a WebSub subscriber (W3C WebSub, sections 4 and 5.1): subscribes to the hub a
 * polled feed names, with a callback of its own token and a random secret, switches when the
 * feed names another hub, renews each lease at 85% of its length, and unsubscribes when the
 * source is removed or disabled or stops naming a hub. Requests are recorded before they are
 * sent, since a hub may verify before it answers.
 */
public final class Subscriptions implements PushWatch {
    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    static final String CALLBACK_PATH = "websub/callback/";

    private final UpstreamStore store;
    private final HubClient hubs;
    private final WebSubSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Subscriptions(UpstreamStore store, CallbackClient client, WebSubSettings settings, Clock clock) {
        this.store = store;
        this.hubs = new HubClient(client);
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether subscribing is on ({@code websub.callback-base} set). */
    public boolean enabled() {
        return settings.callbackBase() != null;
    }

    /** How often {@link #renewDue()} should run: often enough to renew the shortest lease asked for in time. */
    public Duration checkEvery() {
        Duration tenth = settings.subscribeLease().dividedBy(10);
        Duration every = tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
        return every.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : every;
    }

    /** Synchronized: two polls of one source at once (the schedule's and an operator's) make one subscription. */
    @Override
    public synchronized void seen(Source source, PushLinks links) {
        if (!enabled()) {
            return;
        }
        Optional<Upstream> current = store.ofSource(source.id()).stream()
                .filter(u -> u.state() != State.UNSUBSCRIBING).findFirst();
        List<String> named = links.hubs().stream().map(h -> resolve(source.feedUrl(), h)).toList();
        String topic = links.self() == null ? source.feedUrl() : resolve(source.feedUrl(), links.self());
        if (current.isPresent()) {
            Upstream u = current.get();
            if (named.contains(u.hub()) && u.topic().equals(topic)) {
                return;
            }
            unsubscribe(u, "the feed now names " + (named.isEmpty() ? "no hub" : "hub " + named.get(0) + ", topic " + topic));
        }
        if (!named.isEmpty()) {
            subscribe(source, named.get(0), topic);
        }
    }

    @Override
    public boolean pushing(long sourceId) {
        Instant now = clock.instant();
        return enabled() && store.ofSource(sourceId).stream().anyMatch(u -> u.pushing(now));
    }

    /**
     * Unsubscribes where the source is gone or disabled, renews leases due, asks again where a
     * request went unanswered or was denied, and forgets unsubscriptions the hub never confirmed.
     */
    public void renewDue() {
        Instant now = clock.instant();
        for (Upstream u : store.orphaned()) {
            if (store.claim(u, now.plus(retry()))) {
                unsubscribe(u, "source " + u.sourceId() + " was removed or disabled");
            }
        }
        for (Upstream u : store.due(now)) {
            if (u.state() == State.UNSUBSCRIBING) {
                store.remove(u.id()); // its lease ends at the hub, and a delivery to its token is answered 410 Gone
            } else if (store.claim(u, now.plus(retry()))) {
                request(u, u.state() == State.ACTIVE ? "renewal" : "subscription");
            }
        }
    }

    private void subscribe(Source source, String hub, String topic) {
        String token = random();
        store.add(source.id(), hub, topic, token, random(), clock.instant().plus(retry()));
        store.byToken(token).ifPresent(u -> request(u, "subscription"));
    }

    private void request(Upstream u, String what) {
        String failure = hubs.subscribe(u.hub(), u.topic(), callback(u.token()), u.secret(), settings.subscribeLease());
        if (failure != null) {
            log.warn("websub: {} of source {} to {} at hub {} not accepted, asked again in {}: {}", what, u.sourceId(),
                    u.topic(), u.hub(), retry(), failure);
        } else {
            log.info("websub: asked hub {} for the {} of source {} to {}", u.hub(), what, u.sourceId(), u.topic());
        }
    }

    private void unsubscribe(Upstream u, String why) {
        store.mark(u.id(), State.UNSUBSCRIBING, clock.instant().plus(retry()));
        String failure = hubs.unsubscribe(u.hub(), u.topic(), callback(u.token()));
        log.info("websub: unsubscribing source {} from {} at hub {} ({}){}", u.sourceId(), u.topic(), u.hub(), why,
                failure == null ? "" : "; the hub did not accept it, the lease will end: " + failure);
    }

    private Duration retry() {
        return settings.subscribeRetry();
    }

    URI callback(String token) {
        return settings.callbackBase().resolve(CALLBACK_PATH + token);
    }

    private String random() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String resolve(String base, String href) {
        try {
            return URI.create(base).resolve(href.strip()).toString();
        } catch (IllegalArgumentException e) {
            return href.strip(); // refused, with a reason, when it is asked
        }
    }
}
