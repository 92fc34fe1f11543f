package org.currents.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {
    private static final byte[] BODY = "<feed/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsWithHmacSha256AsRfc4231Says() {
        // RFC 4231, test case 2.
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void verifiesEveryMethodTheSpecNamesAndNothingElse() {
        assertTrue(Signature.verifies("s", Signature.of("s", BODY), BODY));
        assertTrue(Signature.verifies("s", "SHA256=" + Signature.of("s", BODY).substring(7).toUpperCase(), BODY));
        // RFC 2202 test case 2 (sha1) and RFC 4231 test case 2 (sha384, sha512).
        byte[] rfc = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertTrue(Signature.verifies("Jefe", "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", rfc));
        assertTrue(Signature.verifies("Jefe", "sha384=af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                + "8e2240ca5e69e2c78b3239ecfab21649", rfc));
        assertTrue(Signature.verifies("Jefe", "sha512=164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737", rfc));

        assertFalse(Signature.verifies("s", null, BODY), "missing");
        assertFalse(Signature.verifies("other", Signature.of("s", BODY), BODY), "another secret");
        assertFalse(Signature.verifies("s", Signature.of("s", BODY), "<feed></feed>".getBytes(StandardCharsets.UTF_8)),
                "another body");
        assertFalse(Signature.verifies("s", "md5=" + Signature.of("s", BODY).substring(7), BODY), "an unknown method");
        assertFalse(Signature.verifies("s", "sha256=not-hex", BODY));
        assertFalse(Signature.verifies("s", "sha256", BODY));
        assertFalse(Signature.verifies("s", "sha256=", BODY));
    }
}
