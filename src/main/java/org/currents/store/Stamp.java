package org.currents.store;

import java.time.Instant;

/** How fresh something published is: a version that moves with every change, and when the last change was. */
public record Stamp(long version, Instant updated) {
}
