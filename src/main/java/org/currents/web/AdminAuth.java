package org.currents.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Checks the bearer token every change through the API needs: 401 without one, 403 with a
 * wrong one (compared in constant time), and 403 with how to set one when none is configured.
 */
final class AdminAuth {
    private final byte[] token;

    AdminAuth(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    void requireAdmin(Request request) {
        if (token == null) {
            throw new ApiError(403, "changes are disabled: no admin token is configured (set admin.token in "
                    + "currents.properties or CURRENTS_ADMIN_TOKEN)", null);
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "this change needs 'Authorization: Bearer <token>'", null);
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new ApiError(403, "wrong admin token", null);
        }
    }
}
