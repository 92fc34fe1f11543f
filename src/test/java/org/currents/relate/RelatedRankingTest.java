package org.currents.relate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.RelatedEvent;
import org.junit.jupiter.api.Test;

/** Ranking related events as a pure function of an event and the newest events of its contexts. */
class RelatedRankingTest {
    private static final Instant T = Instant.parse("2018-01-22T10:00:00Z");
    private static final Context STORY = Context.named("Sanchi oil tanker collision", ContextKind.STORY);
    private static final Context SEA = Context.named("East China Sea", ContextKind.SUBJECT);
    private static final Context US = Context.named("United States", ContextKind.SUBJECT);
    private static final Context WIRE = Context.named("Wire services", ContextKind.SOURCE_GROUP);

    private static Event event(String id, String headline, long daysBefore, Context... contexts) {
        Instant at = T.minusSeconds(daysBefore * 86400);
        return new Event(id, id, at, headline, "", "", null, null, List.of(), List.of(contexts), null, at, at);
    }

    @Test
    void ranksAStoryAboveASubjectAndNamesTheContextThatRelates() {
        Event sinks = event("sinks", "The Sanchi sinks", 0, STORY, SEA, US, WIRE);
        Event collides = event("collides", "The Sanchi collides with a freighter", 15, STORY, SEA);
        Event storm = event("storm", "A storm in the East China Sea", 1, SEA);
        Event budget = event("budget", "Congress passes a budget", 0, US, WIRE);
        Event wireOnly = event("wire", "Markets close", 0, WIRE);
        Map<String, List<Event>> newest = Map.of(
                STORY.slug(), List.of(sinks, collides),
                SEA.slug(), List.of(sinks, storm, collides),
                US.slug(), List.of(budget, sinks),
                WIRE.slug(), List.of(wireOnly, budget, sinks));
        List<RelatedEvent> ranked = RelatedRanking.rank(sinks, newest, 10);
        // Two candidates share East China Sea, one shares United States: the rarer subject relates more.
        assertEquals(List.of("collides", "budget", "storm"), ranked.stream().map(r -> r.event().id()).toList());
        assertEquals(List.of(STORY, SEA), ranked.get(0).via());
        assertEquals(List.of(US), ranked.get(1).via(), "a source group relates nothing");
        assertEquals(2, RelatedRanking.rank(sinks, newest, 2).size());
    }

    @Test
    void anEventWithoutTopicalContextsHasNoRelatedEvents() {
        Event alone = event("alone", "Markets close", 0, WIRE);
        assertEquals(List.of(), RelatedRanking.rank(alone, Map.of(WIRE.slug(), List.of(alone)), 10));
    }
}
