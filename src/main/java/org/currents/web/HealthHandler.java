package org.currents.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /healthz}: 200 and {@code ok} when the node reaches its database, 503 and
 * {@code unavailable} when not; then the node's name, its roles and the database's state, one
 * {@code key: value} a line, so a load balancer checks the status and an operator reads the rest.
 */
final class HealthHandler extends Handler.Abstract {
    private final NodeStatus node;

    HealthHandler(NodeStatus node) {
        this.node = node;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"/healthz".equals(Request.getPathInContext(request))) {
            return false;
        }
        boolean reachable = node.database().getAsBoolean();
        String body = (reachable ? "ok" : "unavailable") + "\nnode: " + node.name() + "\nroles: " + node.roles()
                + "\ndatabase: " + (reachable ? "reachable" : "unreachable") + "\n";
        response.setStatus(reachable ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
