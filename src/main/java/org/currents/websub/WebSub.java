package org.currents.websub;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.currents.config.WebSubSettings;
import org.currents.fetch.CallbackClient;
import org.currents.publish.Site;
import org.currents.store.SubscriptionStore;

/**
 * The publishing side of WebSub for one site: the hub taking requests at {@code /websub} and
 * the distribution of changed feeds to subscribers, and the ping of an external hub when one is
 * configured, with the threads they run on (one checking for changes, a few calling callbacks).
 */
public final class WebSub implements AutoCloseable {
    private static final int CALLING_THREADS = 4;

    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(named("websub-check"));
    private final ScheduledExecutorService calls = Executors.newScheduledThreadPool(CALLING_THREADS, named("websub-call"));
    private final WebSubHub hub;
    private final Distribution distribution;
    private final HubPing ping;

    public WebSub(Site site, SubscriptionStore store, CallbackClient client, WebSubSettings settings, Clock clock) {
        Topics topics = new Topics(site);
        this.hub = new WebSubHub(topics, store, client, settings, calls, clock);
        this.distribution = new Distribution(store, topics, client, settings, site::version, site.links().hub(), clock,
                checks, calls);
        URI external = settings.externalHub();
        this.ping = external == null ? null : new HubPing(site, new HubClient(client), external, checks);
    }

    public WebSubHub hub() {
        return hub;
    }

    /** The site's version may have moved (a commit here, or another node's seen on the timer): deliver what changed. */
    public void changed() {
        distribution.wake();
        if (ping != null) {
            ping.wake();
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
        calls.shutdownNow();
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
