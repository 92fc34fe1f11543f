package org.currents.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sources changed by another process reach the schedule. */
class SourceWatchTest {
    private static Source source(long id, boolean enabled) {
        return new Source(id, "https://s" + id + ".example/feed", "", null, List.of(), null, enabled, SourceStatus.NEVER_POLLED);
    }

    @Test
    void schedulesSourcesAddedElsewhereAndUnschedulesThoseRemovedOrDisabled() {
        List<Source> stored = new ArrayList<>(List.of(source(1, true), source(2, true)));
        List<Long> scheduled = new ArrayList<>();
        List<Long> unscheduled = new ArrayList<>();
        SourceWatch watch = new SourceWatch(() -> List.copyOf(stored), s -> scheduled.add(s.id()), unscheduled::add,
                List.copyOf(stored));
        assertEquals(0, watch.check());

        stored.add(source(3, true));
        stored.add(source(4, false));
        assertEquals(1, watch.check());
        assertEquals(List.of(3L), scheduled);

        stored.remove(0);
        stored.set(0, source(2, false));
        assertEquals(2, watch.check());
        assertEquals(List.of(1L, 2L), unscheduled.stream().sorted().toList());
        assertEquals(0, watch.check());
    }
}
