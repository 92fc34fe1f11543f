package org.currents.publish;

import java.util.Comparator;
import java.util.List;
import org.currents.event.ContextKind;
import org.currents.event.ContextSummary;
import org.currents.event.TitleWords;

/**
 * Which contexts the catalogue and the home page offer as feeds: not hidden, holding at least
 * {@code minEvents} events, and no subject that names nothing in particular. A subject page
 * titled in lower case ("policy", "talks") is a link to a common word, and one titled only with
 * titles ("President", "Prime Minister", "Government") names whoever holds it in each event: the
 * events keep both, as the portal does, but nobody subscribes to them.
 */
final class ContextOffer {
    private static final Comparator<ContextSummary> KIND_THEN_BUSIEST = Comparator
            .comparing((ContextSummary c) -> c.context().kind())
            .thenComparing(Comparator.comparingInt(ContextSummary::eventCount).reversed())
            .thenComparing(c -> c.context().name());

    private final int minEvents;

    ContextOffer(int minEvents) {
        this.minEvents = minEvents;
    }

    boolean offered(ContextSummary c) {
        return !c.hidden() && c.eventCount() >= minEvents && !namesNoOne(c);
    }

    /** The offered contexts: stories first, then subjects, categories and source groups, the busiest first in each. */
    List<ContextSummary> catalogue(List<ContextSummary> all) {
        return all.stream().filter(this::offered).sorted(KIND_THEN_BUSIEST).toList();
    }

    private static boolean namesNoOne(ContextSummary c) {
        String name = c.context().name();
        return c.context().kind() == ContextKind.SUBJECT
                && (Character.isLowerCase(name.codePointAt(0)) || TitleWords.onlyTitles(name));
    }
}
