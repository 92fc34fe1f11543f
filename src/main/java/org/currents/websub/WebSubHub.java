package org.currents.websub;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.currents.config.WebSubSettings;
import org.currents.fetch.CallbackClient;
import org.currents.publish.Document;
import org.currents.store.StoreException;
import org.currents.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This site's WebSub hub (W3C WebSub, section 5): takes subscribe and unsubscribe requests for
 * our own feeds, answers 202 Accepted at once, and verifies the subscriber's intent in the
 * background before it stores (or forgets) the subscription. A refused request stores nothing.
 */
public final class WebSubHub {
    private static final Logger log = LoggerFactory.getLogger(WebSubHub.class);

    private final Topics topics;
    private final SubscriptionStore store;
    private final CallbackClient client;
    private final IntentVerification verification;
    private final WebSubSettings settings;
    private final Executor background;
    private final Clock clock;

    WebSubHub(Topics topics, SubscriptionStore store, CallbackClient client, WebSubSettings settings, Executor background,
              Clock clock) {
        this.topics = topics;
        this.store = store;
        this.client = client;
        this.verification = new IntentVerification(client);
        this.settings = settings;
        this.background = background;
        this.clock = clock;
    }

    /** The HTTP answer to a request: its status and a sentence. */
    public record Reply(int status, String message) {
    }

    /** Judges a request (its form fields by name); on 202 the verification runs in the background. */
    public Reply request(Map<String, List<String>> form) {
        HubRequest request;
        try {
            request = HubRequest.of(form);
        } catch (HubRequest.Refused e) {
            return new Reply(e.status(), e.getMessage());
        }
        if (topics.document(request.topic()).isEmpty()) {
            return new Reply(400, "hub.topic " + HubRequest.clip(request.topic()) + " is not a feed of this site; this "
                    + "hub serves only the feeds that name it as their hub");
        }
        String refused = client.refusal(request.callback());
        if (refused != null) {
            return new Reply(403, "hub.callback is refused: " + refused);
        }
        Duration lease = request.mode() == HubRequest.Mode.SUBSCRIBE ? lease(request.lease()) : null;
        background.execute(() -> verifyAndStore(request, lease));
        return new Reply(202, (request.mode() == HubRequest.Mode.SUBSCRIBE ? "subscription" : "unsubscription")
                + " accepted; the callback will be asked to confirm it");
    }

    private Duration lease(Duration asked) {
        if (asked == null) {
            return settings.lease();
        }
        return asked.compareTo(settings.maxLease()) > 0 ? settings.maxLease() : asked;
    }

    private void verifyAndStore(HubRequest request, Duration lease) {
        String callback = request.callback().toString();
        try {
            String failure = verification.verify(request, lease);
            if (failure != null) {
                log.info("websub: {} of {} to {} not verified, nothing changed: {}", request.mode().name().toLowerCase(),
                        callback, request.topic(), failure);
                return;
            }
            if (request.mode() == HubRequest.Mode.UNSUBSCRIBE) {
                store.unsubscribe(request.topic(), callback);
                log.info("websub: {} unsubscribed from {}", callback, request.topic());
                return;
            }
            // What the subscriber has now is the current document: deliver only what changes after.
            Optional<Document> now = topics.document(request.topic());
            if (now.isEmpty()) {
                log.info("websub: {} no longer exists; {} not subscribed", request.topic(), callback);
                return;
            }
            store.subscribe(request.topic(), callback, request.secret(), clock.instant().plus(lease), now.get().etag());
            log.info("websub: {} subscribed to {} for {} s", callback, request.topic(), lease.toSeconds());
        } catch (StoreException e) {
            log.warn("websub: cannot store the {} of {} to {}: {}", request.mode().name().toLowerCase(), callback,
                    request.topic(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("websub: verification of {} for {} failed", callback, request.topic(), e);
        }
    }
}
