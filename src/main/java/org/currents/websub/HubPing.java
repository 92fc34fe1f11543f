package org.currents.websub;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.currents.publish.Document;
import org.currents.publish.FeedFormat;
import org.currents.publish.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an external hub ({@code websub.external-hub}) that a topic changed, the publish ping most
 * hubs take ({@code hub.mode=publish&hub.url=<topic>}), for each all-events feed whose document
 * (its ETag) changed since the last ping it accepted. Every web node pings; a ping is idempotent,
 * so a change pinged twice costs the hub one fetch more.
 */
final class HubPing {
    private static final Logger log = LoggerFactory.getLogger(HubPing.class);

    private final Site site;
    private final HubClient hubs;
    private final URI hub;
    private final Executor checks;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** The ETag of each feed the hub last accepted a ping for; touched on the checking thread only. */
    private final Map<FeedFormat, String> pinged = new EnumMap<>(FeedFormat.class);
    private long checked = Long.MIN_VALUE;

    HubPing(Site site, HubClient hubs, URI hub, Executor checks) {
        this.site = site;
        this.hubs = hubs;
        this.hub = hub;
        this.checks = checks;
    }

    /** Something may have changed: looks (once, however often it is called meanwhile) on the checking thread. */
    void wake() {
        if (pending.compareAndSet(false, true)) {
            checks.execute(this::check);
        }
    }

    private void check() {
        pending.set(false);
        long version;
        try {
            version = site.version();
        } catch (RuntimeException e) {
            log.warn("websub: cannot read the site's version to ping hub {}: {}", hub, e.getMessage());
            return;
        }
        if (version == checked) {
            return;
        }
        checked = version;
        for (FeedFormat format : FeedFormat.values()) {
            try {
                Document now = site.allEvents(format);
                if (now.etag().equals(pinged.get(format))) {
                    continue;
                }
                String topic = site.links().allEvents(format);
                String failure = hubs.publish(hub, topic);
                if (failure == null) {
                    pinged.put(format, now.etag());
                    log.debug("websub: pinged {} for {}", hub, topic);
                } else {
                    log.warn("websub: cannot ping hub {} for {}; will at the next change: {}", hub, topic, failure);
                }
            } catch (RuntimeException e) {
                log.warn("websub: cannot ping hub {}: {}", hub, e.getMessage());
            }
        }
    }
}
