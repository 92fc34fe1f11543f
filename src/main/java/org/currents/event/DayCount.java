package org.currents.event;

import java.time.LocalDate;
import java.util.Objects;

/** A day that has events, and how many. */
public record DayCount(LocalDate day, int events) {
    public DayCount {
        Objects.requireNonNull(day, "day");
    }
}
