package org.currents.relate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.RelatedEvent;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.store.RelatedPool;
import org.junit.jupiter.api.Test;

/** Ranking related events as a pure function of an event and the newest events of its contexts. */
class RelatedRankingTest {
    private static final Instant T = Instant.parse("2018-01-22T10:00:00Z");
    private static final Context STORY = Context.named("Sanchi oil tanker collision", ContextKind.STORY);
    private static final Context SEA = Context.named("East China Sea", ContextKind.SUBJECT);
    private static final Context US = Context.named("United States", ContextKind.SUBJECT);
    private static final Context WIRE = Context.named("Wire services", ContextKind.SOURCE_GROUP);
    private final TextNames places = new TextNames(new TextAnalyzer(Places.standard()));

    private static Event event(String id, String headline, long daysBefore, Context... contexts) {
        return event(id, headline, "", daysBefore, contexts);
    }

    private static Event event(String id, String headline, String summary, long daysBefore, Context... contexts) {
        Instant at = T.minusSeconds(daysBefore * 86400);
        return new Event(id, id, at, headline, summary, "", null, null, List.of(), List.of(contexts), null, at, at);
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
        List<RelatedEvent> ranked = RelatedRanking.rank(sinks, new RelatedPool(newest, List.of()), 10, places);
        // Two candidates share East China Sea, one shares United States: the rarer subject relates more.
        assertEquals(List.of("collides", "budget", "storm"), ranked.stream().map(r -> r.event().id()).toList());
        assertEquals(List.of(STORY, SEA), ranked.get(0).via());
        assertEquals(List.of(US), ranked.get(1).via(), "a source group relates nothing");
        assertEquals(2, RelatedRanking.rank(sinks, new RelatedPool(newest, List.of()), 2, places).size());
    }

    @Test
    void anEventWithoutTopicalContextsHasNoRelatedEvents() {
        Event alone = event("alone", "Markets close", 0, WIRE);
        assertEquals(List.of(), RelatedRanking.rank(alone, new RelatedPool(Map.of(WIRE.slug(), List.of(alone)), List.of()), 10, places));
    }

    @Test
    void anEventSharingNoContextIsRelatedByTheRareWordsTheirTextsShare() {
        Context fed = Context.named("Federal Reserve", ContextKind.SUBJECT);
        Context shutdown = Context.named("Government shutdown", ContextKind.STORY);
        Event powell = event("powell", "Powell wins confirmation to lead central bank",
                "The Senate voted 84 to 13 to confirm Jerome Powell as chairman of the Federal Reserve.", 0, fed);
        Event senate = event("senate", "Senate votes 81-18 to advance bill ending shutdown",
                "Senators voted to reopen the government through February 8.", 1, shutdown);
        Event storm = event("storm", "A winter storm closes schools in Texas", "Snow and ice closed roads.", 1, US);
        Event pizza = event("pizza", "Neapolitan pizza twirling is listed as heritage", "The art of the pizzaiolo.", 2);
        Event banks = event("banks", "Central banks in Asia hold their rates", "Banks kept rates unchanged.", 3, fed);
        RelatedPool pool = new RelatedPool(Map.of(fed.slug(), List.of(powell, banks)), List.of(senate, storm, pizza, banks));
        List<RelatedEvent> ranked = RelatedRanking.rank(powell, pool, 10, places);
        assertEquals(List.of("banks", "senate"), ranked.stream().map(r -> r.event().id()).toList(),
                "a shared subject first; then the event sharing rare words; none for words nobody else shares");
        assertEquals(List.of(fed), ranked.get(0).via());
        assertEquals(List.of(), ranked.get(1).via());
        assertEquals("words in common: voted, senate", ranked.get(1).reason());
    }

    @Test
    void commonWordsAloneRelateNothing() {
        Event a = event("a", "Officials say the talks will go on", "They said talks would continue next week.", 0);
        Event b = event("b", "Officials say the rescue will go on", "They said the search would continue.", 0);
        Event c = event("c", "Officials say the vote will go on", "They said voting would continue.", 1);
        assertEquals(List.of(), RelatedRanking.rank(a, new RelatedPool(Map.of(), List.of(b, c)), 10, places));
    }

    @Test
    void aPlaceBothTextsNameRelatesEventsWhoseOutletsLinkedOtherSubjects() {
        Context nigeria = Context.named("Nigeria", ContextKind.SUBJECT);
        Context zakzaky = Context.named("Ibrahim Zakzaky", ContextKind.SUBJECT);
        Context bokoHaram = Context.named("Boko Haram", ContextKind.SUBJECT);
        Event cleric = event("cleric", "Detained Shia cleric Zakzaky appears in public",
                "Nigerian authorities have held him without charge since 2015.", 0, zakzaky, nigeria);
        Event bombing = event("bombing", "Suicide bombers kill 12 in Maiduguri",
                "The market attack in northeastern Nigeria bore the marks of the insurgents.", 4, bokoHaram);
        Event quake = event("quake", "A quake shakes the coast of Peru", "No damage was reported.", 1);
        RelatedPool pool = new RelatedPool(Map.of(zakzaky.slug(), List.of(cleric), nigeria.slug(), List.of(cleric)),
                List.of(bombing, quake));
        List<RelatedEvent> ranked = RelatedRanking.rank(cleric, pool, 10, places);
        assertEquals(List.of("bombing"), ranked.stream().map(r -> r.event().id()).toList());
        assertEquals(List.of(nigeria), ranked.get(0).via(), "the event's own context its neighbour's text names");
        // The other way, the place is no context of the bombing: it is named among the words in common.
        List<RelatedEvent> back = RelatedRanking.rank(bombing, new RelatedPool(Map.of(), List.of(cleric, quake)), 10, places);
        assertEquals(List.of("cleric"), back.stream().map(r -> r.event().id()).toList());
        assertEquals("words in common: Nigeria", back.get(0).reason());
    }

    @Test
    void aSharedPlaceCountsMoreTheEarlierTheTextNamesIt() {
        Context russia = Context.named("Russia", ContextKind.SUBJECT);
        Context uk = Context.named("United Kingdom", ContextKind.SUBJECT);
        Event ban = event("ban", "Russia bans the release of a satire", "The British film mocks Stalin.", 0, russia, uk);
        Event perm = event("perm", "Knife fight at a school in Perm", "Twelve were hurt in Russia.", 1, russia);
        Event may = event("may", "May reshuffles her cabinet", "The British prime minister moved six ministers.", 1, uk);
        Map<String, List<Event>> newest = Map.of(russia.slug(), List.of(ban, perm), uk.slug(), List.of(ban, may));
        List<RelatedEvent> ranked = RelatedRanking.rank(ban, new RelatedPool(newest, List.of()), 10, places);
        // Alike in all else (one shared place each, as rare, as near), the one named first wins.
        assertEquals(List.of("perm", "may"), ranked.stream().map(r -> r.event().id()).toList());
        assertEquals(List.of(russia), ranked.get(0).via());
        assertEquals(List.of(uk), ranked.get(1).via());
    }

    @Test
    void aSharedStoryCountsInFullWhereverTheTextNamesIt() {
        Context iran = Context.named("Iran", ContextKind.SUBJECT);
        Event sinks = event("sinks", "Iranian tanker sinks off China", "The burning Sanchi went down.", 0, STORY, iran);
        Event salvage = event("salvage", "Salvagers board the burning Sanchi", "Divers found two bodies.", 1, STORY);
        Event vote = event("vote", "Parliament in Iran votes on the budget", "Deputies debated spending.", 1, iran);
        Map<String, List<Event>> newest = Map.of(STORY.slug(), List.of(sinks, salvage), iran.slug(), List.of(sinks, vote));
        List<RelatedEvent> ranked = RelatedRanking.rank(sinks, new RelatedPool(newest, List.of()), 10, places);
        // Iran is the place named first, but the story the text never names still relates more.
        assertEquals(List.of("salvage", "vote"), ranked.stream().map(r -> r.event().id()).toList());
    }

    @Test
    void aPersonBothTextsNameRelatesEventsWhoseWordsDiffer() {
        Event hearing = event("hearing", "Court delays hearing of detained cleric",
                "Judges in Kaduna postponed until March the trial of Ibrahim Zakzaky, held without charge "
                        + "since a deadly army raid on his compound, after prosecutors asked for more time "
                        + "to prepare witnesses and documents.", 0);
        Event rally = event("rally", "Marchers demand release in Abuja",
                "Thousands of supporters chanting slogans walked toward parliament on Monday, calling for freedom "
                        + "for Zakzaky, before officers fired teargas and dispersed crowds near ministries.", 2);
        Event fuel = event("fuel", "Queues grow at petrol stations", "Drivers waited overnight as scarcity spread.", 1);
        Event rates = event("rates", "Bank holds lending rate", "Policymakers kept borrowing costs unchanged.", 1);
        List<RelatedEvent> ranked = RelatedRanking.rank(hearing, new RelatedPool(Map.of(), List.of(rally, fuel, rates)),
                10, places);
        // The two texts share one word, the cleric's name: too little for words alone, enough as a name.
        assertEquals(List.of("rally"), ranked.stream().map(r -> r.event().id()).toList());
        assertEquals("words in common: Zakzaky", ranked.get(0).reason());
    }
}
