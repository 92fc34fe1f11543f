package org.currents.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.Features;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
    private final TextAnalyzer analyzer = new TextAnalyzer(Places.parse(List.of(
            "# test list", "Pakistan: Pakistani, Pakistanis", "United States: American, Americans, US, USA")));

    private List<String> labels(Features f, int[] tokens) {
        List<String> out = new ArrayList<>();
        for (int t : tokens) {
            out.add(f.label(t));
        }
        out.sort(null);
        return out;
    }

    @Test
    void namesAreCapitalisedWhereNoSentenceBegins() {
        Features f = analyzer.analyze("Floods hit Lima as Peru declares an emergency", "Rain fell in Lima for days.", List.of());
        assertEquals(List.of("Lima", "Peru"), labels(f, f.names()));
    }

    @Test
    void aTitleCasedHeadlineMakesNoNamesOfItsOwn() {
        Features f = analyzer.analyze("Floods Hit Capital As Rivers Burst", "The capital of Peru flooded.", List.of());
        assertEquals(List.of("Peru"), labels(f, f.names()));
    }

    @Test
    void demonymsAndAcronymsNameTheirPlaceButPronounsDoNot() {
        Features a = analyzer.analyze("Pakistani police arrest suspect", "", List.of());
        Features b = analyzer.analyze("Police in Pakistan arrest a suspect", "", List.of());
        assertTrue(Features.contains(a.names(), Features.hash("place:pakistan")));
        assertTrue(Features.contains(b.names(), Features.hash("place:pakistan")));
        Features us = analyzer.analyze("Tell us what the US wants", "", List.of());
        assertEquals(List.of("US"), labels(us, us.names()), "'us' the pronoun names nothing; 'US' names the United States");
        Features spelled = analyzer.analyze("American troops leave; the United States says why", "", List.of());
        assertEquals(1, spelled.names().length, "a place is one token however it is called");
        assertTrue(Features.contains(spelled.names(), us.names()[0]));
    }

    @Test
    void aCapitalNamesItsCountryBesideItself() {
        TextAnalyzer withCapitals = new TextAnalyzer(Places.parse(
                List.of("Serbia: Serbian, Serbians", "Australia: Australian, Australians"),
                List.of("Serbia: Belgrade", "Australia: Canberra")));
        Features f = withCapitals.analyze("Canberra men held in Belgrade over drug haul", "", List.of());
        assertEquals(List.of("Belgrade", "Canberra", "Australia", "Serbia"), labelsInOrder(f,
                Features.hash(Stems.of("belgrade")), Features.hash(Stems.of("canberra")),
                Features.hash("place:australia"), Features.hash("place:serbia")));
        Features other = withCapitals.analyze("Serbia arrests three Australians over cocaine shipment", "", List.of());
        assertTrue(Features.contains(f.names(), Features.hash("place:serbia")));
        assertTrue(Features.contains(other.names(), Features.hash("place:serbia")));
        assertTrue(Features.contains(f.places(), Features.hash("place:australia")));
        assertFalse(Features.contains(f.places(), Features.hash(Stems.of("canberra"))), "the city is a name, not a place of the list");
        assertEquals(List.of(), withCapitals.places("Canberra men held in Belgrade", ""),
                "a capital names no place context of its own");
        Features lower = withCapitals.analyze("a canberra rose", "", List.of());
        assertFalse(Features.contains(lower.words(), Features.hash("place:australia")), "only written with a capital");
    }

    private static List<String> labelsInOrder(Features f, int... tokens) {
        List<String> out = new ArrayList<>();
        for (int t : tokens) {
            out.add(f.label(t));
        }
        return out;
    }

    @Test
    void aNameOfThreeWordsOrMoreMakesTheAcronymAnotherReportMayGive() {
        Features full = analyzer.analyze("Lawyers step in", "Officers from Immigration and Customs Enforcement were there "
                + "when the Department of Justice met in the capital. The Supreme Court waited for them.", List.of());
        Features acronyms = analyzer.analyze("ICE and DOJ talks", "", List.of());
        assertEquals(Arrays.stream(acronyms.names()).sorted().boxed().toList(),
                Arrays.stream(full.aliases()).boxed().toList(), "two letters make no acronym (DJ), nor a sentence's first word");
        assertEquals(List.of("Department of Justice", "Immigration and Customs Enforcement"),
                labels(full, full.aliases()));
        Features bci = analyzer.analyze("Lawyers step in", "Envoys of the Bar Council of India met the judges.", List.of());
        assertTrue(Features.contains(bci.aliases(), analyzer.analyze("BCI", "", List.of()).names()[0]), "most leave the O out");
    }

    @Test
    void onlyWordsWrittenSideBySideInOneSentenceMakeAnAcronym() {
        for (String summary : new String[] {"Talks between India, Bar Council members and Misra.",
            "Members of the Bar Council. India waits.", "The Bar Council (India) met.",
            "Bar Council Of India Sends Envoys To Judges"}) {
            Features f = analyzer.analyze("Lawyers step in", summary, List.of());
            assertEquals(0, f.aliases().length, summary);
        }
    }

    @Test
    void placesOfTheListAreToldApartFromOtherNames() {
        Features f = analyzer.analyze("Pakistani protesters return to the streets of Kasur", "", List.of());
        assertEquals(List.of("Kasur", "Pakistani"), labels(f, f.names()));
        assertEquals(List.of("Pakistani"), labels(f, f.places()));
        assertEquals(0, f.unlabelled().places().length - f.places().length);
    }

    @Test
    void aFigureIsTheSameWithItsUnitAttachedOrSpelledInWords() {
        Features bn = analyzer.analyze("Nestle sells its candy arm for $2.8bn", "", List.of());
        Features billion = analyzer.analyze("Ferrero pays $2.8 billion for Nestle sweets", "", List.of());
        assertEquals(1, bn.figures().length);
        assertTrue(Features.contains(billion.figures(), bn.figures()[0]), "2.8bn is 2.8");
        Features words = analyzer.analyze("Twelve killed as ten buses collide", "", List.of());
        Features digits = analyzer.analyze("Bus pile-up of 10 coaches kills 12", "", List.of());
        assertEquals(2, words.figures().length);
        assertTrue(Features.contains(digits.figures(), words.figures()[0])
                && Features.contains(digits.figures(), words.figures()[1]), "ten is 10, twelve is 12");
        Features compound = analyzer.analyze("Thirty-one sailors still missing from Russia-linked tanker", "", List.of());
        assertEquals(List.of("Thirty-one"), labels(compound, compound.figures()));
        assertTrue(Features.contains(analyzer.analyze("31 crew missing", "", List.of()).figures(), compound.figures()[0]));
        assertTrue(Features.contains(compound.words(), Features.hash(Stems.of("linked"))), "a hyphen otherwise parts words");
        Features kg = analyzer.analyze("Police seize 1,280kg of cocaine", "", List.of());
        assertTrue(Features.contains(analyzer.analyze("1,280 kg of cocaine seized", "", List.of()).figures(), kg.figures()[0]));
        Features k = analyzer.analyze("Stocks smash 26K and gold tops $1.35k", "", List.of());
        Features thousand = analyzer.analyze("The Dow closes above 26,000 as gold passes $1,350", "", List.of());
        assertEquals(2, k.figures().length);
        assertTrue(Features.contains(thousand.figures(), k.figures()[0])
                && Features.contains(thousand.figures(), k.figures()[1]), "26K is 26,000, 1.35k is 1,350");
    }

    @Test
    void wordsShoutedInCapitalsAreNoNamesButAnAcronymAloneIs() {
        Features shout = analyzer.analyze("BOOM BOAT NABBED OFF CRETE", "Greek police seized the ship and its cargo.",
                List.of());
        assertEquals(List.of(), labels(shout, shout.names()));
        assertTrue(Features.contains(shout.words(), Features.hash(Stems.of("crete"))), "the words are still compared");
        Features kicker = analyzer.analyze("DOW WOW! Stocks smash a record as the FBI looks on", "", List.of());
        assertEquals(List.of("FBI"), labels(kicker, kicker.names()));
        Features place = analyzer.analyze("PAKISTAN ERUPTS", "", List.of());
        assertTrue(Features.contains(place.names(), Features.hash("place:pakistan")), "a place is read as one");
    }

    @Test
    void figuresKeepTheirDigitsAndYearsAreNotFigures() {
        Features f = analyzer.analyze("A 7.9 magnitude quake in 2018 kills 40,000 and the vote ends 81-18", "", List.of());
        assertEquals(List.of("40,000", "7.9", "81-18"), labels(f, f.figures()));
        assertTrue(Features.contains(f.words(), Features.hash("#2018")));
    }

    @Test
    void aDayOfAMonthDatesTheReportAndIsNoFigureNorWord() {
        Features jan23 = analyzer.analyze("Rohingya returns to start Jan. 23", "", List.of());
        assertEquals(0, jan23.figures().length);
        assertEquals(List.of("Rohingya", "returns", "start"), labels(jan23, jan23.words()).stream().sorted().toList());
        Features january = analyzer.analyze("Returns will start on 23 January, Myanmar says", "", List.of());
        assertEquals(0, january.figures().length);
        assertTrue(labels(january, january.words()).stream().noneMatch(w -> w.equals("23") || w.equals("January")));
        Features march = analyzer.analyze("Crowds gather", "Thousands joined the second Women's March on 20 January.",
                List.of());
        assertTrue(labels(march, march.names()).contains("March"), "a month's name with no day is a word, and a name");
        assertTrue(labels(march, march.words()).stream().noneMatch(w -> w.equals("20") || w.equals("January")));
        Features soldiers = analyzer.analyze("23 soldiers killed in January attack", "", List.of());
        assertEquals(List.of("23"), labels(soldiers, soldiers.figures()));
    }

    @Test
    void wordFamiliesAndEndingsFoldTogether() {
        Features a = analyzer.analyze("Quake triggers tsunami alert", "", List.of());
        Features b = analyzer.analyze("Earthquake triggered a tsunami warning", "", List.of());
        int[] shared = java.util.Arrays.stream(a.words()).filter(t -> Features.contains(b.words(), t)).toArray();
        assertEquals(List.of("Quake", "alert", "triggers", "tsunami"), labels(a, shared));
    }

    @Test
    void aVerbAndItsParticleAreTheNounAnotherReportWrites() {
        Features a = analyzer.analyze("Government Shuts Down as Senate fails", "", List.of());
        Features b = analyzer.analyze("SHUTDOWN! Washington's lights go out", "", List.of());
        int[] shared = java.util.Arrays.stream(a.words()).filter(t -> Features.contains(b.words(), t)).toArray();
        assertEquals(List.of("shutdown"), labels(a, shared));
        Features c = analyzer.analyze("Ford lays off 500", "Layoffs at the plant", List.of());
        assertTrue(labels(c, c.words()).contains("layoff"));
        Features d = analyzer.analyze("Prices go up", "Talks broke down", List.of());
        assertEquals(List.of("Prices", "Talks", "broke", "go"), labels(d, d.words()).stream().sorted().toList());
    }

    @Test
    void stopWordsSourceGroupsAndOutletTagsAreNotCompared() {
        Features f = analyzer.analyze("The talks are over", "", List.of(Context.named("World", ContextKind.SOURCE_GROUP),
                Context.named("Diplomacy", ContextKind.CATEGORY), Context.named("Korean reunification", ContextKind.SUBJECT)));
        assertEquals(List.of("talks"), labels(f, f.words()));
        assertEquals(List.of("Korean reunification"), labels(f, f.subjects()));
        assertFalse(f.labels().containsValue("World"));
        assertEquals(Map.of(), f.unlabelled().labels());
    }

    /** The labels feeds put before their links or updates are no words of the happening, nor names. */
    @Test
    void labelsOfAFeedsOwnAreNotCompared() {
        Features f = analyzer.analyze("Floods hit Lima", "Rivers burst in Peru. Background: rain since El Niño. Update: it eased.",
                List.of());
        assertEquals(List.of("El", "Lima", "Niño", "Peru"), labels(f, f.names()));
        assertEquals(List.of("El", "Floods", "Lima", "Niño", "Peru", "Rivers", "burst", "eased", "hit", "rain"),
                labels(f, f.words()));
    }

    /** Words are read once and remembered: the same report reads the same however much was read before. */
    @Test
    void rememberedWordsReadAsFreshOnes() {
        String headline = "US strikes: 7.9 quake kills 40,000 in Pakistan, Americans say";
        String summary = "The Pakistani army and the U.S. sent help in 2018; Lima's mayor, a US Navy ship and NATO.";
        Features fresh = analyzer.analyze(headline, summary, List.of());
        TextAnalyzer used = new TextAnalyzer(Places.parse(List.of("Pakistan: Pakistani, Pakistanis",
                "United States: American, Americans, US, USA")));
        for (int round = 0; round < 3; round++) {
            Features again = used.analyze(headline, summary, List.of());
            assertTrue(java.util.Arrays.equals(fresh.words(), again.words()) && java.util.Arrays.equals(fresh.names(),
                    again.names()) && java.util.Arrays.equals(fresh.figures(), again.figures()), "round " + round);
            assertEquals(fresh.labels(), again.labels());
            // Enough other words between rounds that the memory of words starts again.
            StringBuilder other = new StringBuilder();
            for (int i = 0; i < 30_000; i++) {
                other.append(i % 2 == 0 ? " Word" : " word").append(Integer.toString(i, 26).replaceAll("[0-9]", "x"));
            }
            used.analyze(other.toString(), other.toString().toLowerCase(java.util.Locale.ROOT), List.of());
        }
    }

    /** An event read back from the store is the candidate memory made of its reports, in the order they joined. */
    @Test
    void aStoredEventIsTheCandidateItsReportsMadeInMemory() {
        Instant t = Instant.parse("2018-01-13T18:00:00Z");
        String[][] reports = {
            {"False missile alert sent to phones across Hawaii", "A warning of an incoming missile reached residents."},
            {"Missile alert sent in error", "An employee pressed the wrong button during a shift change."},
            {"Honolulu agency blames one worker", "The correction took 38 minutes."},
            {"Missile alert sent in error", "An employee pressed the wrong button."},
        };
        List<Context> contexts = List.of(Context.named("Hawaii", ContextKind.SUBJECT));
        List<EventSource> sources = new ArrayList<>();
        Candidate memory = null;
        for (int i = 0; i < reports.length; i++) {
            Instant at = t.plusSeconds(3600L * i);
            Features f = analyzer.analyze(reports[i][0], reports[i][1], i == 0 ? contexts : List.of());
            Candidate before = memory;
            memory = i == 0 ? new Candidate("e", t, new long[] {i}, f.unlabelled())
                    : memory.joinedBy(new Report(at, i, f));
            // As the ingest lists them: a summary with the reports whose words widened the event's.
            sources.add(new EventSource(i, "Outlet " + i, null, "file:f" + i, reports[i][0], at, 0, null,
                    i > 0 && memory.widens(before) ? reports[i][1] : null));
        }
        Event stored = new Event("e", "false-missile-alert", t, reports[0][0], reports[0][1], "", null, null, sources,
                contexts, null, t, t);

        Candidate read = analyzer.candidate(stored);
        assertEquals(memory.earliest(), read.earliest());
        assertEquals(memory.latest(), read.latest());
        assertEquals(Arrays.toString(memory.sourceIds()), Arrays.toString(read.sourceIds()));
        for (var tokens : List.<java.util.function.Function<Features, int[]>>of(Features::words, Features::names,
                Features::figures, Features::subjects, Features::places)) {
            assertEquals(Arrays.toString(tokens.apply(memory.features())), Arrays.toString(tokens.apply(read.features())));
        }
        assertTrue(Features.contains(read.features().words(), Features.hash(Stems.of("button"))), "the second report's summary");
        assertEquals(null, sources.get(3).summary(), "the fourth report added no word");
    }

    /** Rows stored before summaries were kept: a joined report counts by its headline. */
    @Test
    void aReportStoredWithoutItsSummaryCountsByItsHeadline() {
        Instant t = Instant.parse("2018-01-13T18:00:00Z");
        List<EventSource> sources = List.of(
                new EventSource(1, "Outlet 1", null, "file:f1", "False missile alert in Hawaii", t, 0, null),
                new EventSource(2, "Outlet 2", null, "file:f2", "Honolulu agency blames one worker", t.plusSeconds(60), 0,
                        null));
        Event stored = new Event("e", "false-missile-alert", t, "False missile alert in Hawaii",
                "A warning of an incoming missile reached residents.", "", null, null, sources, List.of(), null, t, t);
        Features f = analyzer.candidate(stored).features();
        assertTrue(Features.contains(f.words(), Features.hash(Stems.of("worker"))), "the joined report's headline");
        assertTrue(Features.contains(f.words(), Features.hash(Stems.of("incoming"))), "the event's own summary");
    }
}
