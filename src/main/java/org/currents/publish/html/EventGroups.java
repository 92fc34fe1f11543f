package org.currents.publish.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;

/**
 * Groups a list of events as the portal does: under their story, else their first category, else
 * "Other news" (last). Groups keep the order of their first event, events their order.
 */
final class EventGroups {
    static final String OTHER = "Other news";

    record Group(Context context, List<Event> events) {
        String title() {
            return context == null ? OTHER : context.name();
        }
    }

    private EventGroups() {
    }

    static List<Group> of(List<Event> events) {
        Map<String, Context> heads = new LinkedHashMap<>();
        Map<String, List<Event>> members = new LinkedHashMap<>();
        List<Event> other = new ArrayList<>();
        for (Event e : events) {
            Optional<Context> head = e.story().or(() -> e.contexts().stream()
                    .filter(c -> c.kind() == ContextKind.CATEGORY).findFirst());
            if (head.isEmpty()) {
                other.add(e);
                continue;
            }
            heads.putIfAbsent(head.get().slug(), head.get());
            members.computeIfAbsent(head.get().slug(), k -> new ArrayList<>()).add(e);
        }
        List<Group> out = new ArrayList<>();
        heads.forEach((slug, c) -> out.add(new Group(c, members.get(slug))));
        if (!other.isEmpty()) {
            out.add(new Group(null, other));
        }
        return out;
    }
}
