package org.currents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartsTest {
    private final List<String> log = new ArrayList<>();

    private Parts.Part part(String name) {
        return new Parts.Part(name, () -> log.add("start " + name), () -> log.add("stop " + name));
    }

    private Parts with(Parts parts, String... names) {
        for (String name : names) {
            Parts.Part p = part(name);
            parts.add(p.name(), p.start(), p.stop());
        }
        return parts;
    }

    @Test
    void startsInOrderAndStopsInReverse() {
        Parts parts = with(new Parts(), "database", "scheduler", "web");
        parts.start();
        assertEquals(List.of("web", "scheduler", "database"), parts.stop());
        assertEquals(List.of("start database", "start scheduler", "start web", "stop web", "stop scheduler", "stop database"), log);
    }

    @Test
    void aStartThatFailsHalfWayStopsWhatStartedAndNothingElse() {
        Parts parts = with(new Parts(), "database", "scheduler");
        IllegalStateException boom = new IllegalStateException("port in use");
        parts.add("web", () -> {
            throw boom;
        }, () -> log.add("stop web"));
        with(parts, "after");
        assertSame(boom, assertThrows(IllegalStateException.class, parts::start));
        assertEquals(List.of("start database", "start scheduler", "stop scheduler", "stop database"), log);
        assertEquals(List.of(), parts.stop(), "nothing left to stop");
    }

    @Test
    void partsAddedLaterStartWithoutStartingTheFirstOnesAgainAndAFailingStopDoesNotStopTheRest() {
        Parts parts = with(new Parts(), "database");
        parts.start();
        parts.add("scheduler", () -> log.add("start scheduler"), () -> {
            throw new IllegalStateException("stuck");
        });
        with(parts, "web");
        parts.start();
        assertEquals(List.of("web", "database"), parts.stop());
        assertEquals(List.of("start database", "start scheduler", "start web", "stop web", "stop database"), log);
    }
}
