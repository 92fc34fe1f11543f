package org.currents.websub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.currents.config.WebSubSettings;
import org.currents.store.UpstreamStore;
import org.currents.store.UpstreamStore.State;
import org.currents.store.UpstreamStore.Upstream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers what hubs send to our callbacks (W3C WebSub 5.3 and 7): a verification of intent is
 * confirmed (its challenge echoed) only for a subscription we asked for, of that topic, in that
 * mode; a content delivery is taken in only when signed with the subscription's secret.
 *
 * <p>A delivery with a missing or wrong signature is ignored, as section 8 requires, but still
 * answered 202 like a good one, as it allows: the answer tells someone guessing secrets nothing,
 * and a hub whose signing is broken is not made to retry. It is logged, and nothing is stored.
 */
public final class SubscriberCallback {
    private static final Logger log = LoggerFactory.getLogger(SubscriberCallback.class);
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");
    /** Renewed at this share of the lease granted, early enough to survive a failed attempt or a slow hub. */
    private static final double RENEW_AT = 0.85;

    private final UpstreamStore store;
    private final PushedContent ingest;
    private final WebSubSettings settings;
    private final long maxBytes;
    private final Clock clock;

    public SubscriberCallback(UpstreamStore store, PushedContent ingest, WebSubSettings settings, long maxBytes, Clock clock) {
        this.store = store;
        this.ingest = ingest;
        this.settings = settings;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** The largest delivery taken in ({@code fetch.max-bytes}, as for a polled feed). */
    public long maxBytes() {
        return maxBytes;
    }

    /** A hub's GET: the challenge (200) when we want what it says, else 404. */
    public WebSubHub.Reply verify(String token, Map<String, List<String>> query) {
        Optional<Upstream> found = find(token);
        String mode = one(query, "hub.mode");
        String topic = one(query, "hub.topic");
        if (found.isEmpty() || topic == null || !topic.equals(found.get().topic())) {
            return new WebSubHub.Reply(404, "no subscription of this site has this callback and topic");
        }
        Upstream u = found.get();
        Instant now = clock.instant();
        if ("denied".equals(mode) && u.state() != State.UNSUBSCRIBING) {
            store.mark(u.id(), State.DENIED, now.plus(settings.subscribeRetry()));
            log.warn("websub: hub {} denied the subscription of source {} to {}: {}; asking again in {}", u.hub(),
                    u.sourceId(), u.topic(), one(query, "hub.reason"), settings.subscribeRetry());
            return new WebSubHub.Reply(200, "noted");
        }
        String challenge = one(query, "hub.challenge");
        if (challenge == null || challenge.isEmpty()) {
            return new WebSubHub.Reply(404, "a verification of intent carries hub.challenge");
        }
        if ("subscribe".equals(mode) && u.state() != State.UNSUBSCRIBING) {
            Duration lease = lease(one(query, "hub.lease_seconds"));
            store.activate(u.id(), now.plus(lease), now.plusMillis((long) (lease.toMillis() * RENEW_AT)));
            log.info("websub: hub {} verified the subscription of source {} to {} for {} s", u.hub(), u.sourceId(),
                    u.topic(), lease.toSeconds());
            return new WebSubHub.Reply(200, challenge);
        }
        if ("unsubscribe".equals(mode) && u.state() == State.UNSUBSCRIBING) {
            store.remove(u.id());
            log.info("websub: hub {} ended the subscription of source {} to {}", u.hub(), u.sourceId(), u.topic());
            return new WebSubHub.Reply(200, challenge);
        }
        return new WebSubHub.Reply(404, "this site does not want to " + HubRequest.clip(String.valueOf(mode)) + " "
                + HubRequest.clip(topic));
    }

    /** A hub's POST: 202 whether taken in or ignored (see the class comment); 410 for an ended subscription; 413 when too big. */
    public WebSubHub.Reply deliver(String token, String signature, String contentType, byte[] body) {
        Optional<Upstream> found = find(token);
        if (found.isEmpty() || found.get().state() == State.UNSUBSCRIBING) {
            return new WebSubHub.Reply(410, "no subscription of this site has this callback (any more)");
        }
        Upstream u = found.get();
        if (body.length > maxBytes) {
            return new WebSubHub.Reply(413, "the delivery is over the limit of " + maxBytes + " bytes (fetch.max-bytes)");
        }
        if (!Signature.verifies(u.secret(), signature, body)) {
            // Anyone may POST here; only the signature says it came from the hub.
            log.warn("websub: ignored a delivery to the callback of source {} (hub {}): {}", u.sourceId(), u.hub(),
                    signature == null ? "no X-Hub-Signature" : "X-Hub-Signature does not match the secret");
            return new WebSubHub.Reply(202, "received");
        }
        ingest.ingest(u.sourceId(), body, contentType);
        return new WebSubHub.Reply(202, "received");
    }

    private Optional<Upstream> find(String token) {
        return token != null && TOKEN.matcher(token).matches() ? store.byToken(token) : Optional.empty();
    }

    /** The lease granted; the one asked for when the hub names none or nonsense. */
    private Duration lease(String seconds) {
        try {
            long s = seconds == null ? -1 : Long.parseLong(seconds.strip());
            return s > 0 ? Duration.ofSeconds(s) : settings.subscribeLease();
        } catch (NumberFormatException e) {
            return settings.subscribeLease();
        }
    }

    private static String one(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
