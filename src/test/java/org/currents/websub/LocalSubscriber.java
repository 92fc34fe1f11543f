package org.currents.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A WebSub subscriber on 127.0.0.1 for tests: {@code /callback} echoes verification challenges
 * and records deliveries (answering {@link #deliveryStatus}); {@code /source.rss} serves a feed
 * the test changes, as a source Currents polls.
 */
final class LocalSubscriber implements AutoCloseable {
    record Delivery(String contentType, String signature, String link, byte[] body) {
    }

    final BlockingQueue<Map<String, String>> verifications = new LinkedBlockingQueue<>();
    final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    final AtomicInteger deliveryStatus = new AtomicInteger(204);
    final AtomicReference<String> source = new AtomicReference<>("");
    private final HttpServer server;

    LocalSubscriber() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callback", this::callback);
        server.createContext("/source.rss", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            reply(exchange, 200, source.get().getBytes(StandardCharsets.UTF_8));
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void callback(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            Map<String, String> query = new HashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            verifications.add(query);
            reply(exchange, 200, query.getOrDefault("hub.challenge", "").getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        var h = exchange.getRequestHeaders();
        deliveries.add(new Delivery(h.getFirst("Content-Type"), h.getFirst("X-Hub-Signature"),
                String.join(", ", h.getOrDefault("Link", java.util.List.of())), body));
        reply(exchange, deliveryStatus.get(), new byte[0]);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
