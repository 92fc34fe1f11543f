package org.currents.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.currents.fetch.CallbackClient;

/**
 * Asks a subscriber whether it really wants what a request said (W3C WebSub 5.3): a GET of the
 * callback with the mode, the topic, a random challenge and the lease granted; the intent is
 * verified when the callback answers 2xx with the challenge as its body.
 */
final class IntentVerification {
    private final CallbackClient client;
    private final SecureRandom random = new SecureRandom();

    IntentVerification(CallbackClient client) {
        this.client = client;
    }

    /** Null when verified, else why not, to be logged. */
    String verify(HubRequest request, Duration lease) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String challenge = HexFormat.of().formatHex(bytes);
        StringBuilder query = new StringBuilder();
        query.append("hub.mode=").append(request.mode() == HubRequest.Mode.SUBSCRIBE ? "subscribe" : "unsubscribe");
        query.append("&hub.topic=").append(URLEncoder.encode(request.topic(), StandardCharsets.UTF_8));
        query.append("&hub.challenge=").append(challenge);
        if (lease != null) {
            query.append("&hub.lease_seconds=").append(lease.toSeconds());
        }
        String callback = request.callback().toString();
        URI url = URI.create(callback + (request.callback().getRawQuery() == null ? "?" : "&") + query);
        CallbackClient.Answer answer = client.get(url);
        if (answer.failure() != null) {
            return answer.failure();
        }
        if (!answer.ok()) {
            return callback + " answered the verification with status " + answer.status();
        }
        if (!answer.body().strip().equals(challenge)) {
            return callback + " answered the verification without echoing hub.challenge";
        }
        return null;
    }
}
