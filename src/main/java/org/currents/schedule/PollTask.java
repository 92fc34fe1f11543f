package org.currents.schedule;

import java.time.Instant;

/** What a scheduled job runs: polls one source and says when it wants to run next (null: not again). */
@FunctionalInterface
public interface PollTask {
    Instant poll(long sourceId);
}
