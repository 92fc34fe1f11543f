package org.currents.match;

/** What becomes of a report: it joins a stored event, for the reasons given, or starts a new one. */
public sealed interface Decision {
    record Join(String eventId, Evidence evidence) implements Decision {
    }

    record Start(Evidence nearest) implements Decision {
    }
}
