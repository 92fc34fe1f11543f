package org.currents.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.currents.fetch.CallbackClient;

/**
 * Requests to other hubs (W3C WebSub 5.1 and the common publish ping): form-encoded POSTs sent
 * through the {@link CallbackClient}, so a hub named by a feed passes the same address guard
 * as the feed did.
 */
final class HubClient {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final CallbackClient client;

    HubClient(CallbackClient client) {
        this.client = client;
    }

    /** Asks {@code hub} to (re)subscribe {@code callback} to {@code topic}; null when it accepted, else why not. */
    String subscribe(String hub, String topic, URI callback, String secret, Duration lease) {
        return post(hub, form("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback.toString(),
                "hub.secret", secret, "hub.lease_seconds", Long.toString(lease.toSeconds())));
    }

    String unsubscribe(String hub, String topic, URI callback) {
        return post(hub, form("hub.mode", "unsubscribe", "hub.topic", topic, "hub.callback", callback.toString()));
    }

    /** Tells {@code hub} that {@code topic} changed. */
    String publish(URI hub, String topic) {
        return post(hub.toString(), form("hub.mode", "publish", "hub.url", topic));
    }

    private String post(String hub, String form) {
        URI url;
        try {
            url = URI.create(hub);
        } catch (IllegalArgumentException e) {
            return "hub " + HubRequest.clip(hub) + " is not a URL";
        }
        CallbackClient.Answer answer = client.post(url, FORM, form.getBytes(StandardCharsets.UTF_8), Map.of());
        if (answer.failure() != null) {
            return answer.failure();
        }
        // 202 Accepted is the spec's answer; some hubs say 204 or 200.
        return answer.ok() ? null : hub + " answered " + answer.status() + ": " + HubRequest.clip(answer.body().strip());
    }

    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
