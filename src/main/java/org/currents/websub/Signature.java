package org.currents.websub;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature} of a delivery: a method ({@code sha256} when we sign) and the hex
 * HMAC of the body under the subscriber's secret. A subscriber checks the methods the spec
 * names: sha1, sha256, sha384 and sha512.
 */
final class Signature {
    private static final Map<String, String> METHODS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256",
            "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private Signature() {
    }

    static String of(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(mac("HmacSHA256", secret, body));
    }

    /** Whether {@code header} is a signature of {@code body} under {@code secret} by a known method; false when absent. */
    static boolean verifies(String secret, String header, byte[] body) {
        if (header == null) {
            return false;
        }
        int eq = header.indexOf('=');
        String algorithm = eq < 0 ? null : METHODS.get(header.substring(0, eq).strip().toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Compared in constant time, so the answer's timing tells a forger nothing.
        return MessageDigest.isEqual(mac(algorithm, secret, body), given);
    }

    private static byte[] mac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(algorithm + " is not available: " + e.getMessage(), e);
        }
    }
}
