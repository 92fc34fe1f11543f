package org.currents.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** A real HTTP server on 127.0.0.1 and a free port, answering each path with a handler the test gives. */
final class FixtureServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();

    FixtureServer() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Handler h = routes.get(Request.getPathInContext(request));
                if (h == null) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                return h.handle(request, response, callback);
            }
        });
        server.start();
    }

    FixtureServer on(String path, Handler handler) {
        handler.setServer(server);
        routes.put(path, handler);
        return this;
    }

    /** Answers with {@code then} after {@code delay}, without holding a server thread meanwhile. */
    static Handler after(Duration delay, Handler then) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                request.getComponents().getScheduler().schedule(() -> {
                    try {
                        then.handle(request, response, callback);
                    } catch (Exception e) {
                        callback.failed(e);
                    }
                }, delay.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            }
        };
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the fixture server: " + e.getMessage(), e);
        }
    }
}
