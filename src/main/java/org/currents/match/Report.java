package org.currents.match;

import java.time.Instant;
import org.currents.event.Features;

/** A new item as matching sees it: its time, the source it came from, and its features. */
public record Report(Instant published, long sourceId, Features features) {
}
