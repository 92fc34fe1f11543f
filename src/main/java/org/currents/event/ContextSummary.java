package org.currents.event;

import java.time.Instant;

/**
 * A context as listed: how many events it holds, when one last changed, and its version, a
 * counter that moves exactly when an event in it changes (what caches and ETags key on).
 */
public record ContextSummary(Context context, int eventCount, Instant lastUpdated, long version, boolean hidden) {
}
