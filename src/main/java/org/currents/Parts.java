package org.currents;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a node that start and stop, in one list: started in the order added, stopped in
 * reverse. When a start fails half-way, the parts already started are stopped before the
 * failure goes on, so nothing is left running or open.
 */
final class Parts {
    private static final Logger log = LoggerFactory.getLogger(Parts.class);

    /** A named part: what starting it does, and what stopping it does. */
    record Part(String name, Runnable start, Runnable stop) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final List<Part> started = new ArrayList<>();

    /** Adds a part, to start after those added before it and stop before them. */
    synchronized Parts add(String name, Runnable start, Runnable stop) {
        parts.add(new Part(name, start, stop));
        return this;
    }

    /** Starts every part not yet started, in order; on a failure stops those started, then throws it. */
    synchronized void start() {
        for (Part part : parts) {
            if (started.contains(part)) {
                continue;
            }
            try {
                part.start().run();
            } catch (RuntimeException e) {
                log.debug("{} failed to start; stopping the {} parts started", part.name(), started.size(), e);
                stop();
                throw e;
            }
            started.add(part);
        }
    }

    /**
     * Stops every part started, in reverse order; a part that fails to stop is logged and the
     * others still stop. Parts added but never started are dropped. Returns the names of the
     * parts stopped.
     */
    synchronized List<String> stop() {
        List<String> stopped = new ArrayList<>();
        for (int i = started.size() - 1; i >= 0; i--) {
            Part part = started.get(i);
            try {
                part.stop().run();
                stopped.add(part.name());
            } catch (RuntimeException e) {
                log.warn("cannot stop {}: {}", part.name(), e.getMessage());
                log.debug("stopping {} failed", part.name(), e);
            }
        }
        parts.clear();
        started.clear();
        return stopped;
    }
}
