package org.currents.publish.html;

import java.time.LocalDate;
import java.util.List;
import org.currents.event.Event;

/** One day as a list shows it: its events (perhaps the first few) and how many it has in all. */
public record DaySection(LocalDate day, int total, List<Event> events) {
    public DaySection {
        events = List.copyOf(events);
    }
}
