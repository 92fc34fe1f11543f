package org.currents.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * A request refused before its body was read (unauthorised, too large): Jetty closes such a
 * connection after the answer, so the answer says so, and a client does not send its next request
 * into the closed socket.
 */
final class UnreadBodies {
    private UnreadBodies() {
    }

    static void closeAfterAnswer(Request request, Response response) {
        if (request.getLength() != 0) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }
}
