package org.currents.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A subscriber's request to the hub, checked: the mode, the topic, the callback (an absolute
 * http(s) URL), the lease asked for (null: the default) and the secret (null: none). Whether the
 * topic is ours and the callback reachable is the hub's to judge.
 */
record HubRequest(Mode mode, String topic, URI callback, Duration lease, String secret) {
    /** The spec: "MUST be less than 200 bytes in length". */
    static final int MAX_SECRET_BYTES = 199;
    static final int MAX_URL = 2000;

    enum Mode { SUBSCRIBE, UNSUBSCRIBE }

    /** A request the hub refuses, with the status and the sentence it answers. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    static HubRequest of(Map<String, List<String>> form) {
        String mode = one(form, "hub.mode", true);
        Mode m = switch (mode) {
            case "subscribe" -> Mode.SUBSCRIBE;
            case "unsubscribe" -> Mode.UNSUBSCRIBE;
            default -> throw new Refused(400, "hub.mode '" + clip(mode) + "' is not one this hub knows; "
                    + "send subscribe or unsubscribe");
        };
        String topic = one(form, "hub.topic", true);
        if (topic.length() > MAX_URL) {
            throw new Refused(400, "hub.topic is longer than " + MAX_URL + " characters");
        }
        return new HubRequest(m, topic, callback(one(form, "hub.callback", true)), lease(one(form, "hub.lease_seconds", false)),
                secret(one(form, "hub.secret", false)));
    }

    private static URI callback(String value) {
        if (value.length() > MAX_URL) {
            throw new Refused(400, "hub.callback is longer than " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getFragment() != null) {
                throw new Refused(400, "hub.callback '" + clip(value) + "' is not an absolute http or https URL without "
                        + "a fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Refused(400, "hub.callback '" + clip(value) + "' is not a valid URL: " + e.getReason());
        }
    }

    private static Duration lease(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // answered below, as any other bad value
        }
        throw new Refused(400, "hub.lease_seconds '" + clip(value) + "' is not a positive whole number of seconds");
    }

    private static String secret(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SECRET_BYTES) {
            throw new Refused(400, "hub.secret is " + bytes + " bytes long; it must be less than 200 bytes");
        }
        return value;
    }

    private static String one(Map<String, List<String>> form, String name, boolean required) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            if (required) {
                throw new Refused(400, name + " is missing; a hub request needs hub.mode, hub.topic and hub.callback");
            }
            return null;
        }
        if (values.size() > 1) {
            throw new Refused(400, name + " is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    /** A value quoted back to the sender, cut so an answer stays a sentence. */
    static String clip(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
}
