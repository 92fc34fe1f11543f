package org.currents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.currents.config.Settings;
import org.currents.config.SettingsLoader;

/** The real app on the sample configuration, a temporary database and a free port, polled once. */
public final class SampleApp implements AutoCloseable {
    private final App app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SampleApp(Path data) {
        this(data, Map.of());
    }

    /** The sample app with settings given as environment variables ({@code CURRENTS_FEED_ENTRIES}, …). */
    public SampleApp(Path data, Map<String, String> environment) {
        Settings settings = new SettingsLoader("test").load(
                Map.of("config", "config", "data", data.toString(), "port", "0", "host", "127.0.0.1"), environment);
        app = App.open(settings);
        app.importConfiguredSources();
        app.poller().pollAll();
        app.start();
    }

    public App app() {
        return app;
    }

    public URI url(String path) {
        return app.baseUri().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).GET(), headers);
    }

    public HttpResponse<byte[]> send(HttpRequest.Builder request, String... headers) throws Exception {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        app.close();
    }
}
