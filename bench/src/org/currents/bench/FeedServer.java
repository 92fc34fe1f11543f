package org.currents.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The benchmark's source server, in its own JVM on 127.0.0.1: {@code /f/N} is feed N, the
 * corpus file N for the first 2,000 (or the given limit), a one-item feed for the others. From round 2 on, every
 * tenth feed changes each round (a new ETag and a new item); the rest answer 304 to their ETag.
 * {@code POST /round/R} moves to round R.
 */
public final class FeedServer {
    public static void main(String[] args) throws Exception {
        List<byte[]> corpus;
        try (Stream<Path> files = Files.list(Path.of(args[0], "feeds"))) {
            long limit = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
            corpus = files.sorted().limit(limit).map(FeedServer::read).toList();
        }
        AtomicInteger round = new AtomicInteger(1);
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 2);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                if (path.startsWith("/round/")) {
                    round.set(Integer.parseInt(path.substring(7)));
                    callback.succeeded();
                    return true;
                }
                int n = Integer.parseInt(path.substring(3));
                int r = round.get();
                int version = n % 10 == 0 ? r : 1;
                String etag = "\"" + n + "-" + version + "\"";
                response.getHeaders().put(HttpHeader.ETAG, etag);
                if (etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
                    response.setStatus(304);
                    callback.succeeded();
                    return true;
                }
                byte[] body = n < corpus.size() && version == 1 ? corpus.get(n) : small(n, version);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml; charset=utf-8");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        Files.writeString(Path.of(args[1]), Integer.toString(connector.getLocalPort()));
        server.join();
    }

    private static byte[] small(int n, int version) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Feed " + n + "</title><link>https://s" + n + ".example/</link><description>d</description>");
        for (int v = version; v >= 1; v--) {
            xml.append("<item><title>").append(headline(n * 7919L + v)).append("</title><link>https://s").append(n)
                    .append(".example/").append(v).append("</link><guid>s").append(n).append('-').append(v)
                    .append("</guid><description>&lt;p&gt;Item ").append(v).append(" of source ").append(n)
                    .append("&lt;/p&gt;</description></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] WORDS = ("council budget river storm court minister vote bridge school hospital "
            + "festival election strike harbour airport museum forest mine rail market bank drought flood senate police "
            + "treaty summit vaccine satellite volcano reactor pipeline tunnel stadium protest ferry glacier refinery")
            .split(" ");

    /** Six words picked by a hash of the item: distinct headlines, as distinct reports have. */
    private static String headline(long seed) {
        StringBuilder h = new StringBuilder();
        long x = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 6; i++) {
            x ^= x >>> 29;
            x *= 0xBF58476D1CE4E5B9L;
            h.append(i == 0 ? "" : " ").append(WORDS[(int) Long.remainderUnsigned(x, WORDS.length)]);
        }
        return h + " " + seed;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
