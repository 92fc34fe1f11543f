package org.currents.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Features;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One pair per signal that must merge, and one per trap that must not, each judged among a
 * background of other news of the same days, as in a real window.
 */
class MatcherTest {
    private static final Instant T = Instant.parse("2018-01-23T10:00:00Z");
    private static final String[] BACKGROUND = {
        "Parliament approves the budget after a long night of debate",
        "Police arrest two men after a shooting at a shopping centre",
        "Government announces new measures to cut air pollution in the capital",
        "Thousands protest against corruption in the capital",
        "President meets the prime minister to discuss trade",
        "Floods force hundreds from their homes after heavy rain",
        "Central bank keeps interest rates unchanged",
        "Court sentences former minister to five years in prison",
        "Opposition leader calls for early elections",
        "Storm leaves thousands without power",
        "Prime minister resigns after losing a confidence vote",
        "Health officials report new cases of flu across the country",
        "Striking workers shut down the port for a second day",
        "Bus crash kills 12 on a mountain road",
        "Fire destroys a market; no injuries reported",
        "Ministers agree on a deal to cut fishing quotas",
    };

    private final TextAnalyzer analyzer = new TextAnalyzer(Places.standard());
    private final Matcher matcher = new Matcher(Matcher.Weights.DEFAULT);
    private WindowIndex index;
    private int ids;

    @BeforeEach
    void background() {
        index = new WindowIndex(Duration.ofDays(2), 10_000);
        for (int d = -3; d <= 3; d++) {
            index.load(LocalDate.of(2018, 1, 23).plusDays(d), List.of());
        }
        for (int i = 0; i < BACKGROUND.length; i++) {
            stored(100 + i, BACKGROUND[i], "", T.minus(Duration.ofHours(3 * i)));
        }
    }

    private String stored(long source, String headline, String summary, Instant at, Context... contexts) {
        String id = "e" + ids++;
        index.put(new Candidate(id, at, new long[] {source}, analyzer.analyze(headline, summary, Arrays.asList(contexts))
                .unlabelled()));
        return id;
    }

    /** The decision, once every candidate's bound is checked against its score. */
    private Decision decide(long source, String headline, String summary, Instant at, Context... contexts) {
        Report r = new Report(at, source, analyzer.analyze(headline, summary, Arrays.asList(contexts)));
        Shortlist shortlist = index.shortlist(r, matcher.reach(), 40);
        for (int i = 0; i < shortlist.candidates().size(); i++) {
            double score = matcher.evidence(r, shortlist.candidates().get(i), index).score();
            assertTrue(matcher.bound(r, shortlist, i, index) >= score, "the bound of a score of " + score);
        }
        return matcher.decide(r, shortlist, index);
    }

    private static Context subject(String name) {
        return Context.named(name, ContextKind.SUBJECT);
    }

    @Test
    void rewordedReportsMergeOnNamesFiguresAndRareWordsAlone() {
        String quake = stored(1, "A 7.9 magnitude earthquake occurs in the Gulf of Alaska; a tsunami warning is issued",
                "The quake struck off Kodiak Island; warnings went out for coastal Alaska and British Columbia.", T);
        Decision d = decide(2, "Alaska quake triggers tsunami alert along the coast, then all clear",
                "The magnitude 7.9 tremor hit early on Tuesday. Alerts were lifted hours later.", T.plusSeconds(7200));
        Decision.Join join = assertInstanceOf(Decision.Join.class, d);
        assertEquals(quake, join.eventId());
        assertEquals(List.of("Alaska"), join.evidence().names());
        assertEquals(List.of("7.9"), join.evidence().figures());
    }

    @Test
    void aBodyOneNamesInFullAndTheOtherByItsAcronymIsANameInCommon() {
        String headline = "Lawyers' council sends envoys to feuding top judges";
        String summary = "The Bar Council of India named seven members to meet the four judges who criticised the chief "
                + "justice of the Supreme Court.";
        Features full = analyzer.analyze(headline, summary, List.of()).unlabelled();
        Features unread = new Features(full.words(), full.names(), full.figures(), full.subjects(), full.places(),
                new int[0], Map.of());
        String reply = "BCI panel to broker truce at Supreme Court";
        String replySummary = "A seven-member delegation of the apex lawyers' body hopes to end the judges' revolt, "
                + "Mumbai papers said.";
        index.put(new Candidate("unread", T, new long[] {1}, unread));
        assertInstanceOf(Decision.Start.class, decide(2, reply, replySummary, T.plusSeconds(4 * 3600)),
                "without the acronym, the names disagree");
        index.remove("unread");
        index.put(new Candidate("read", T, new long[] {1}, full));
        Decision.Join join = assertInstanceOf(Decision.Join.class, decide(2, reply, replySummary, T.plusSeconds(4 * 3600)));
        assertEquals("read", join.eventId());
        assertTrue(join.evidence().names().contains("BCI"), join.evidence().names().toString());
    }

    @Test
    void capitalsNameTheirCountries() {
        String march = stored(1, "North Korea and South Korea agree to march under one flag at the Winter Olympics",
                "The two countries will also field a joint women's ice hockey team, officials said after talks at the "
                        + "border village of Panmunjom.", T);
        Decision.Join join = assertInstanceOf(Decision.Join.class, decide(2,
                "Seoul hands Pyongyang a propaganda win with joint Olympic march",
                "Critics say President Moon Jae-in gave too much away in talks on the Games' hockey team.",
                T.plusSeconds(2 * 3600)));
        assertEquals(march, join.eventId());
        assertTrue(join.evidence().names().containsAll(List.of("South Korea", "North Korea")), join.evidence().toString());
    }

    @Test
    void aCountryFewEventsNameCountsWithTheRareWordsInCommon() {
        // Two happenings of a day share a country as often as not, but the window's other news names
        // no Tunisia: with the words both give, it tells this pair from the rest.
        String unrest = stored(1, "Tunisia arrests hundreds as protests over price rises spread",
                "Police detained more than 200 people after a third night of clashes over the austerity budget.", T);
        Report r = new Report(T.plus(Duration.ofHours(5)), 2, analyzer.analyze("Tunisian towns count the cost of a night "
                + "of clashes", "Angry crowds fought police until dawn over the budget; shops stayed shut in the morning.",
                List.of()));
        Matcher.Weights d = Matcher.Weights.DEFAULT;
        Matcher placesLeftOut = new Matcher(new Matcher.Weights(d.threshold(), d.nameBoost(), d.figureBoost(),
                d.subjectWeight(), d.grace(), d.perLateDay(), d.sameSource(), d.sameSourceHours(), d.noSharedName(),
                d.rareRatio(), d.noSharedRare(), d.rareNameRatio(), d.rareName(), d.sharedRarityFloor(),
                d.perSharedRarity(), d.graceFromFirst(), d.perLateDayRetold(), 0));
        assertInstanceOf(Decision.Start.class, placesLeftOut.decide(r, index.candidates(r, matcher.reach(), 40), index),
                "with the country left out");
        Decision.Join join = assertInstanceOf(Decision.Join.class, matcher.decide(r, index.candidates(r, matcher.reach(), 40),
                index));
        assertEquals(unrest, join.eventId());
        assertTrue(join.evidence().names().contains("Tunisian"), join.evidence().toString());
    }

    @Test
    void subjectsBothLinkToAreNamedInTheEvidence() {
        String afrin = stored(1, "Turkish troops begin a ground offensive on the Kurdish-held Afrin enclave", "", T,
                subject("Operation Olive Branch"), subject("Afrin"));
        Decision.Join join = assertInstanceOf(Decision.Join.class, decide(2, "Ankara sends more troops into Afrin as "
                + "the offensive widens", "", T.plusSeconds(3 * 3600), subject("Operation Olive Branch")));
        assertEquals(afrin, join.eventId());
        assertEquals(List.of("Operation Olive Branch"), join.evidence().subjects());
    }

    @Test
    void subjectsAloneDoNotMakeOneHappening() {
        stored(1, "Turkish troops begin a ground offensive on a Kurdish-held enclave", "", T,
                subject("Operation Olive Branch"));
        assertInstanceOf(Decision.Start.class, decide(2, "France calls for an emergency meeting of the Security Council",
                "", T.plusSeconds(3 * 3600), subject("Operation Olive Branch")));
    }

    /** The default weights with another rare-name bonus and weight of shared rarity, to show what each decides. */
    private static Matcher weighing(double rareName, double perSharedRarity) {
        return new Matcher(weights(rareName, perSharedRarity, Matcher.Weights.DEFAULT.perLateDayRetold()));
    }

    /** The default weights with others for the rare name, the shared rarity and a retelling's late days. */
    private static Matcher.Weights weights(double rareName, double perSharedRarity, double perLateDayRetold) {
        Matcher.Weights d = Matcher.Weights.DEFAULT;
        return new Matcher.Weights(d.threshold(), d.nameBoost(), d.figureBoost(), d.subjectWeight(), d.grace(),
                d.perLateDay(), d.sameSource(), d.sameSourceHours(), d.noSharedName(), d.rareRatio(), d.noSharedRare(),
                d.rareNameRatio(), rareName, d.sharedRarityFloor(), perSharedRarity, d.graceFromFirst(), perLateDayRetold,
                d.placeShare());
    }

    private static final Matcher WITHOUT_RARE_NAME = weighing(0, Matcher.Weights.DEFAULT.perSharedRarity());
    private static final Matcher WORDS_ALONE = weighing(0, 0);

    private static final String KASUR = "Pakistani protesters torch a government office on a second day of riots in Kasur";
    private static final String KASUR_SUMMARY = "Crowds set fire to the offices of the district administration, demanding "
            + "justice for a six-year-old girl.";

    @Test
    void aRareNameBothGiveWithAnotherNameJoinsReportsWordedApart() {
        String riots = stored(1, KASUR, KASUR_SUMMARY, T);
        String headline = "Kasur rises again as fury grows over Zainab's killing";
        String summary = "Anger over the murder of the girl brought people back onto the streets of Kasur in Pakistan, "
                + "where offices were set alight.";
        Report r = new Report(T.plus(Duration.ofHours(4)), 2, analyzer.analyze(headline, summary, List.of()));
        List<Candidate> candidates = index.candidates(r, matcher.reach(), 40);
        assertInstanceOf(Decision.Start.class, WORDS_ALONE.decide(r, candidates, index), "the words alone are not enough");
        assertInstanceOf(Decision.Join.class, weighing(Matcher.Weights.DEFAULT.rareName(), 0).decide(r, candidates, index),
                "the rare name alone is");
        Decision.Join join = assertInstanceOf(Decision.Join.class, decide(2, headline, summary, T.plus(Duration.ofHours(4))));
        assertEquals(riots, join.eventId());
        assertEquals(List.of("Pakistan", "Kasur"), join.evidence().names());
    }

    @Test
    void aRareNameCountsLessTheLaterAReportIsAndNotAtAllAGraceLate() {
        stored(1, KASUR, KASUR_SUMMARY, T);
        String headline = "Kasur burns again as fury grows over Zainab's killing";
        String summary = "Anger over the murder of the girl brought people back onto the streets of Kasur in Pakistan, "
                + "where offices were set alight.";
        // 20 h on: 8 h beyond the grace, a third of the bonus; 25 h on: 13 h beyond, none.
        Report later = new Report(T.plus(Duration.ofHours(20)), 2, analyzer.analyze(headline, summary, List.of()));
        double without = startScore(WITHOUT_RARE_NAME, later);
        assertEquals(without + Matcher.Weights.DEFAULT.rareName() / 3, startScore(matcher, later), 0.0011);
        assertStartsAsWithoutRareName(new Report(T.plus(Duration.ofHours(25)), 2, analyzer.analyze(headline, summary,
                List.of())));
    }

    private static Evidence evidenceOf(Decision d) {
        return d instanceof Decision.Join j ? j.evidence() : ((Decision.Start) d).nearest();
    }

    /** The score of the nearest miss {@code m} gives the report: it must start an event of its own. */
    private double startScore(Matcher m, Report r) {
        return assertInstanceOf(Decision.Start.class, m.decide(r, index.candidates(r, matcher.reach(), 40), index))
                .nearest().score();
    }

    @Test
    void countriesAndWordsCapitalisedInOneReportOnlyAreNoRareNames() {
        // Two countries in common, and "Airlines" a name in one report while the other writes "airline".
        stored(1, "Malaysia Airlines jet diverted after engine noise", "The flight from Sydney to Kuala Lumpur made an "
                + "emergency landing in Australia after one of its engines began to shake.", T);
        Report r = new Report(T.plus(Duration.ofHours(4)), 2, analyzer.analyze("Emirates orders up to 36 more "
                + "superjumbos", "The Gulf airline, already the largest operator of the giant jets, will fly them to "
                + "Malaysia and Australia.", List.of()));
        assertStartsAsWithoutRareName(r);
    }

    @Test
    void oneRareCapitalisedWordAloneIsNoRareName() {
        stored(1, "Winter Storm Inga hits Houston and Galveston", "", T);
        Report r = new Report(T.plus(Duration.ofHours(4)), 2, analyzer.analyze("Koreas to march under single flag at "
                + "Winter Olympics opening", "North and South Korean athletes will walk together behind one flag at the "
                + "opening ceremony of next month's Winter Games, Seoul said after talks.", List.of()));
        assertStartsAsWithoutRareName(r);
    }

    /** The report starts an event of its own, the decision it gets without the rare-name signal. */
    private void assertStartsAsWithoutRareName(Report r) {
        List<Candidate> candidates = index.candidates(r, matcher.reach(), 40);
        Decision d = matcher.decide(r, candidates, index);
        assertInstanceOf(Decision.Start.class, d);
        assertEquals(WITHOUT_RARE_NAME.decide(r, candidates, index), d);
    }

    private static final String MUDFLOW = "California mudflow: dozens still unaccounted for as crews search wrecked homes";
    private static final String MUDFLOW_SUMMARY = "Rescuers with dogs dug through debris and wrecked homes on Wednesday "
            + "in the hillside community, while the sheriff said the list of people unaccounted for had grown overnight; "
            + "forecasters warned that more rain could loosen the scorched slopes above the town again this weekend.";
    private static final String MISSING = "Mudslide town: list of the lost jumps";
    private static final String MISSING_SUMMARY = "The sheriff's count grew again as searchers combed the debris.";

    @Test
    void manyRareWordsInCommonJoinAShortReportToALongOneOnTheDay() {
        // The cosine divides what the two share by both their lengths; what they share is much.
        String mudflow = stored(1, MUDFLOW, MUDFLOW_SUMMARY, T);
        Report r = new Report(T.plus(Duration.ofHours(6)), 2, analyzer.analyze(MISSING, MISSING_SUMMARY, List.of()));
        List<Candidate> candidates = index.candidates(r, matcher.reach(), 40);
        assertInstanceOf(Decision.Start.class, weighing(Matcher.Weights.DEFAULT.rareName(), 0).decide(r, candidates, index),
                "without the shared rarity");
        Decision.Join join = assertInstanceOf(Decision.Join.class, decide(2, MISSING, MISSING_SUMMARY,
                T.plus(Duration.ofHours(6))));
        assertEquals(mudflow, join.eventId());
    }

    @Test
    void rareWordsInCommonCountLessTheLaterAReportIs() {
        // The same two reports across midnight: 14 h apart, 2 h beyond the grace, keep five sixths of
        // the bonus; 24 h apart, 12 h beyond, none. A development of the next day shares as many rare
        // words with what it follows.
        Instant evening = Instant.parse("2018-01-22T20:00:00Z");
        stored(1, MUDFLOW, MUDFLOW_SUMMARY, evening);
        Matcher withoutRarity = weighing(Matcher.Weights.DEFAULT.rareName(), 0);
        Report morning = new Report(evening.plus(Duration.ofHours(14)), 2, analyzer.analyze(MISSING, MISSING_SUMMARY,
                List.of()));
        double[] scores = {startScore(withoutRarity, morning), startScore(matcher, morning)};
        assertTrue(scores[1] > scores[0] + 0.03, "five sixths of the bonus: " + Arrays.toString(scores));
        Report nextEvening = new Report(evening.plus(Duration.ofHours(24)), 2, analyzer.analyze(MISSING, MISSING_SUMMARY,
                List.of()));
        assertEquals(startScore(withoutRarity, nextEvening), startScore(matcher, nextEvening));
    }

    @Test
    void reportsMergeOnAFigureAndTheWordsAroundIt() {
        String vote = stored(1, "Senate passes a stopgap bill 81-18 to reopen the federal government", "", T);
        Decision d = decide(2, "Lawmakers vote 81-18 to end the federal shutdown", "", T.plusSeconds(1800));
        assertEquals(vote, assertInstanceOf(Decision.Join.class, d).eventId());
    }

    @Test
    void theSameWordsInAnotherCountryAreAnotherHappening() {
        stored(1, "A magnitude 6.2 earthquake strikes off the coast of Peru", "Buildings shook in Lima.", T);
        assertInstanceOf(Decision.Start.class, decide(2, "A magnitude 6.0 earthquake strikes off the coast of Indonesia",
                "Buildings shook in Jakarta.", T.plus(Duration.ofHours(5))));
    }

    @Test
    void theSameCompanyWithAnotherAnnouncementIsAnotherHappening() {
        stored(1, "Toshiba agrees to sell its memory chip unit to a Bain-led group", "", T);
        assertInstanceOf(Decision.Start.class, decide(2, "Toshiba warns of a record annual loss", "",
                T.plus(Duration.ofHours(4))));
    }

    @Test
    void theSamePlaceOnAnotherDayWithAnotherHappeningIsAnotherEvent() {
        stored(1, "A car bomb kills 12 people near a market in Kabul", "", T, subject("Kabul"));
        assertInstanceOf(Decision.Start.class, decide(2, "Gunmen storm the Intercontinental Hotel in Kabul, killing guests",
                "", T.plus(Duration.ofHours(30)), subject("Kabul"), subject("Intercontinental Hotel Kabul")));
    }

    @Test
    void oneOutletsFollowUpTheNextDayStaysItsOwnEvent() {
        List<Decision> decisions = new ArrayList<>();
        stored(1, "Mount Mayon spews ash as thousands flee in Albay", "", T, subject("Mayon"));
        decisions.add(decide(1, "Mount Mayon spews lava; Albay evacuations widen", "", T.plus(Duration.ofHours(26)),
                subject("Mayon")));
        assertInstanceOf(Decision.Start.class, decisions.get(0));
    }

    @Test
    void reportsOfOneDayAreNeverLateHoweverManyHoursApart() {
        // A morning report and an evening one, 14.5 h apart on one day, join as if minutes apart; the
        // same two 14.5 h apart across midnight are 2.5 h beyond the grace, and score less.
        String headline = "Hawaii sends a false missile alert to every phone in the state";
        String summary = "An emergency worker pushed the wrong button, officials said.";
        String later = "Panic in Hawaii as phones warn of an incoming ballistic missile";
        String laterSummary = "The false alert was a mistake by an emergency worker; no missile was fired.";
        Instant morning = Instant.parse("2018-01-23T07:00:00Z");
        String sameDay = stored(1, headline, summary, morning);
        Decision evening = decide(2, later, laterSummary, morning.plus(Duration.ofMinutes(870)));
        assertEquals(sameDay, assertInstanceOf(Decision.Join.class, evening).eventId());
        double onTheDay = evidenceOf(decide(2, later, laterSummary, morning.plus(Duration.ofMinutes(5)))).score();
        assertEquals(onTheDay, evidenceOf(evening).score());
        index.remove(sameDay);

        Instant lastEvening = Instant.parse("2018-01-22T19:00:00Z");
        stored(1, headline, summary, lastEvening);
        Decision nextMorning = decide(2, later, laterSummary, lastEvening.plus(Duration.ofMinutes(870)));
        assertEquals(870, evidenceOf(nextMorning).minutesApart());
        assertTrue(evidenceOf(nextMorning).score() < onTheDay - 0.1, evidenceOf(nextMorning) + " against " + onTheDay);
    }

    private static final String KABUL = "Gunmen storm Kabul's Intercontinental Hotel";
    private static final String KABUL_SUMMARY = "Attackers opened fire on guests at the Intercontinental Hotel in the "
            + "Afghan capital.";

    @Test
    void aMorningReportJoinsYesterdayEveningsEventWithinHoursOfItsLastReport() {
        // The attack's first report at 17:40 and another at 20:15; a morning paper's at 09:30 is
        // 15 h 50 min after the first, 13 h 15 min after the last. Against the first report alone
        // it is 3 h 50 min beyond the grace, which this evidence does not outweigh.
        String later = "Gunmen besiege Kabul's Intercontinental";
        String laterSummary = "Afghan forces battled attackers holding floors of the Intercontinental Hotel overnight.";
        Instant first = Instant.parse("2018-01-20T17:40:00Z");
        Instant morning = Instant.parse("2018-01-21T09:30:00Z");
        String alone = stored(1, KABUL, KABUL_SUMMARY, first);
        assertInstanceOf(Decision.Start.class, decide(3, later, laterSummary, morning));
        index.remove(alone);

        String event = stored(1, KABUL, KABUL_SUMMARY, first);
        Report second = new Report(Instant.parse("2018-01-20T20:15:00Z"), 2, analyzer.analyze("Attack under way at "
                + "Kabul's Intercontinental", "Gunmen are inside the hotel, officials said.", List.of()));
        index.put(index.get(event).joinedBy(second));
        assertEquals(event, assertInstanceOf(Decision.Join.class, decide(3, later, laterSummary, morning)).eventId());
    }

    @Test
    void aReportIsTimedFromEveryReportOfTheEventNotOnlyItsEarliest() {
        // The event holds a report and its next-morning restatement, 20 h apart. A third report 6 h
        // before the first is within the grace of it, but would stretch the event over 26 h.
        String event = stored(1, KABUL, KABUL_SUMMARY, T);
        Instant before = T.minus(Duration.ofHours(6));
        assertEquals(event, assertInstanceOf(Decision.Join.class, decide(3, KABUL, KABUL_SUMMARY, before)).eventId());
        Report restated = new Report(T.plus(Duration.ofHours(20)), 2, analyzer.analyze(KABUL, KABUL_SUMMARY, List.of()));
        index.put(index.get(event).joinedBy(restated));
        assertInstanceOf(Decision.Start.class, decide(3, KABUL, KABUL_SUMMARY, before));
    }

    @Test
    void aNextDayDevelopmentStaysApartFromTheHappeningItFollows() {
        // 19 h after the attack began: the end of the siege and its toll is the next day's news.
        stored(1, KABUL, "At least four attackers have launched an assault on "
                + "the Intercontinental Hotel in the Afghan capital, officials said.", T);
        Decision d = decide(2, "Kabul hotel siege ends with at least 18 dead, 14 of them foreigners", "Afghan forces shot "
                + "dead the last of the gunmen at the Intercontinental.", T.plus(Duration.ofHours(19)));
        assertEquals(19 * 60, assertInstanceOf(Decision.Start.class, d).nearest().minutesApart());
    }

    @Test
    void aLateReportThatBringsAFigureTheEventLacksIsJudgedOnItsWordsAlone() {
        // The next morning, 2 h beyond the grace: a retelling keeps most of the bonus of the rare
        // name and words it shares; a report with a count the day's reports did not have is the next
        // day's news, and gets none.
        stored(1, KASUR, KASUR_SUMMARY, T);
        Instant morning = T.plus(Duration.ofHours(14));
        String headline = "Kasur burns again as fury grows over Zainab's killing";
        Report retelling = new Report(morning, 2, analyzer.analyze(headline, "Anger over the murder of the girl saw "
                + "offices of Kasur in Pakistan set alight.", List.of()));
        Report count = new Report(morning, 2, analyzer.analyze(headline, "Anger over the murder of the girl saw "
                + "12 offices of Kasur in Pakistan set alight.", List.of()));
        assertTrue(score(matcher, retelling) > score(WORDS_ALONE, retelling) + 0.03, "the retelling keeps its bonus");
        assertEquals(score(WORDS_ALONE, count), score(matcher, count));
    }

    private static final String FARAGE = "Farage must repay 35,500 euros to the European Parliament";
    private static final String FARAGE_SUMMARY = "The parliament's bureau found that Nigel Farage paid an assistant from "
            + "its funds for party work; half his salary will be withheld until the sum is returned.";

    @Test
    void aLateRetellingThatRepeatsTheEventsFigureCostsHalfAsMuchADay() {
        // The next evening, 20 h after the only report: 8 h beyond the grace. The same report
        // without the sum is judged as any late report, and stays apart.
        String event = stored(1, FARAGE, FARAGE_SUMMARY, T);
        Instant evening = T.plus(Duration.ofHours(20));
        String summary = "Nigel Farage will have half his salary withheld until the money paid to an assistant for "
                + "party work is returned.";
        Decision withSum = decide(2, "Farage to repay 35,500 euros to European Parliament", summary, evening);
        Decision withoutSum = decide(2, "Farage to repay European Parliament", summary, evening);
        assertEquals(event, assertInstanceOf(Decision.Join.class, withSum, withSum + " / " + withoutSum).eventId());
        assertInstanceOf(Decision.Start.class, withoutSum, withSum + " / " + withoutSum);
        // What joins it is the cheaper day: at the full day's cost the report with the sum stays apart too.
        Matcher.Weights d = Matcher.Weights.DEFAULT;
        Matcher fullDays = new Matcher(weights(d.rareName(), d.perSharedRarity(), d.perLateDay()));
        Report r = new Report(evening, 2, analyzer.analyze("Farage to repay 35,500 euros to European Parliament", summary,
                List.of()));
        assertInstanceOf(Decision.Start.class, fullDays.decide(r, index.candidates(r, fullDays.reach(), 40), index));
    }

    private double score(Matcher m, Report r) {
        return evidenceOf(m.decide(r, index.candidates(r, matcher.reach(), 40), index)).score();
    }

    @Test
    void noEventBeyondTheReachCouldJoinEvenWithTheSameText() {
        String text = "A 7.9 magnitude earthquake occurs in the Gulf of Alaska; a tsunami warning is issued";
        Report r = new Report(T, 2, analyzer.analyze(text, "", List.of()));
        Duration reach = matcher.reach();
        // The farthest an event can start and still be joined: it has a report near the new one too.
        Instant start = T.minus(reach);
        Instant lastReport = T.minus(Duration.ofHours(1));
        Candidate inside = new Candidate("inside", start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(2)),
                lastReport, new long[] {1}, analyzer.analyze(text, "", List.of()).unlabelled());
        Candidate beyond = new Candidate("beyond", start, start, lastReport, new long[] {1},
                analyzer.analyze(text, "", List.of()).unlabelled());
        assertInstanceOf(Decision.Join.class, matcher.decide(r, List.of(inside), index));
        assertInstanceOf(Decision.Start.class, matcher.decide(r, List.of(beyond), index));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.6})
    void candidatesLeftUnweighedByEitherBoundNeverChangeTheDecision(double nameBoost) {
        // Made-up words (some capitalised, so names, as no text begins with them; some figures),
        // events of every length, and reports that take part of one event's words and part of
        // others': the decision and its evidence are those of weighing every candidate in full and
        // keeping the first best, whether the candidates come with the index's tallies or without.
        Matcher.Weights d = Matcher.Weights.DEFAULT;
        Matcher m = new Matcher(new Matcher.Weights(d.threshold(), nameBoost, d.figureBoost(), d.subjectWeight(),
                d.grace(), d.perLateDay(), d.sameSource(), d.sameSourceHours(), d.noSharedName(), d.rareRatio(),
                d.noSharedRare(), d.rareNameRatio(), d.rareName(), d.sharedRarityFloor(), d.perSharedRarity(),
                d.graceFromFirst(), d.perLateDayRetold(), d.placeShare()));
        java.util.Random random = new java.util.Random(7);
        String[] vocabulary = new String[400];
        String syllables = "ka lo mi ne ru ta vo shi pe da gu ze";
        String[] syllable = syllables.split(" ");
        for (int i = 0; i < vocabulary.length; i++) {
            String word = syllable[i % 12] + syllable[i / 12 % 12] + syllable[i / 144 % 12] + "n";
            vocabulary[i] = i % 7 == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1)
                    : i % 11 == 0 ? String.valueOf(10 + i) : word;
        }
        List<List<String>> events = new ArrayList<>();
        for (int e = 0; e < 150; e++) {
            List<String> words = new ArrayList<>();
            for (int k = 3 + random.nextInt(40); k > 0; k--) {
                words.add(vocabulary[(int) Math.abs(random.nextGaussian() * 120) % vocabulary.length]);
            }
            events.add(words);
            stored(1 + random.nextInt(5), "the " + String.join(" ", words), "",
                    T.minus(Duration.ofMinutes(random.nextInt(2400))));
        }
        int joins = 0;
        int several = 0;
        int tight = 0;
        for (int n = 0; n < 200; n++) {
            List<String> words = new ArrayList<>();
            for (int k = 2 + random.nextInt(20); k > 0; k--) {
                List<String> from = events.get(random.nextInt(random.nextBoolean() ? 3 : events.size()));
                words.add(from.get(random.nextInt(from.size())));
            }
            Report r = new Report(T.minus(Duration.ofMinutes(random.nextInt(2400))), 1 + random.nextInt(6),
                    analyzer.analyze("the " + String.join(" ", words), "", List.of()));
            List<Candidate> candidates = index.candidates(r, m.reach(), 40);
            Decision expected = weighedInFull(m, r, candidates);
            assertEquals(expected, m.decide(r, candidates, index), String.join(" ", words));
            Shortlist shortlist = index.shortlist(r, m.reach(), 40);
            assertEquals(candidates, shortlist.candidates());
            assertEquals(expected, m.decide(r, shortlist, index), String.join(" ", words));
            for (int i = 0; i < candidates.size(); i++) {
                double score = m.evidence(r, candidates.get(i), index).score();
                double bound = m.bound(r, shortlist, i, index);
                assertTrue(bound >= score, bound + " bounds a score of " + score + ": " + String.join(" ", words));
                tight += bound - score < 0.02 ? 1 : 0;
            }
            // Worst first, so that later candidates beat the best so far and a bound too low would show.
            Shortlist reversed = new Shortlist(reversed(candidates), reversed(shortlist.shared()));
            assertEquals(weighedInFull(m, r, reversed.candidates()), m.decide(r, reversed, index), String.join(" ", words));
            joins += expected instanceof Decision.Join ? 1 : 0;
            several += candidates.size() > 1 ? 1 : 0;
        }
        assertTrue(joins > 20 && joins < 180, joins + " joins: both outcomes are tried");
        assertTrue(several > 100, several + " reports with several candidates");
        assertTrue(tight > 0, tight + " bounds within 0.02 of the score");
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    /** The decision of weighing every candidate in full and keeping the first best. */
    private Decision weighedInFull(Matcher m, Report r, List<Candidate> candidates) {
        Candidate best = null;
        double bestScore = 0;
        for (Candidate c : candidates) {
            double score = m.evidence(r, c, index).score();
            if (best == null || score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best == null ? new Decision.Start(Evidence.NONE)
                : bestScore >= Matcher.Weights.DEFAULT.threshold()
                ? new Decision.Join(best.eventId(), m.evidence(r, best, index))
                : new Decision.Start(m.evidence(r, best, index));
    }

    private static final String RESIGNS = "Romanian prime minister Mihai Tudose resigns after his party withdraws support";
    private static final String QUITS = "Tudose quits as Romania's prime minister after the ruling party turns on him";
    private static final String SUCCESSOR = "Romania's ruling party names a new prime minister after Tudose resigns";

    /** The event of {@code first}, then {@code second} joining it, as the ingest widens it. */
    private String joined(Report first, Report second) {
        String id = "e" + ids++;
        index.put(new Candidate(id, first.published(), new long[] {first.sourceId()}, first.features().unlabelled()));
        index.put(index.get(id).joinedBy(second));
        return id;
    }

    private Report report(long source, String headline, Instant at) {
        return new Report(at, source, analyzer.analyze(headline, "", List.of()));
    }

    @Test
    void aReportIsTimedFromTheEventsEarliestReportWhicheverArrivedFirst() {
        Report resigns = report(1, RESIGNS, T);
        Report quits = report(2, QUITS, T.plus(Duration.ofHours(10)));
        String event = joined(quits, resigns);
        assertEquals(T.plus(Duration.ofHours(10)), index.get(event).published(), "its date is its first report's");
        assertEquals(T, index.get(event).earliest());
        // The next day's nomination is 10 hours after the report that came first, 20 after the earliest.
        Decision.Start start = assertInstanceOf(Decision.Start.class, decide(3, SUCCESSOR, "", T.plus(Duration.ofHours(20))));
        assertEquals(20 * 60, start.nearest().minutesApart());
    }

    @Test
    void theOrderAnEventsReportsArrivedInDoesNotChangeHowALaterReportIsJudged() {
        String timeOrder = joined(report(1, RESIGNS, T), report(2, QUITS, T.plus(Duration.ofHours(10))));
        Report successor = report(3, SUCCESSOR, T.plus(Duration.ofHours(20)));
        Evidence inTimeOrder = matcher.evidence(successor, index.get(timeOrder), index);
        index.remove(timeOrder);
        String lateFirst = joined(report(2, QUITS, T.plus(Duration.ofHours(10))), report(1, RESIGNS, T));
        Evidence lateReportFirst = matcher.evidence(successor, index.get(lateFirst), index);
        assertEquals(inTimeOrder.score(), lateReportFirst.score());
        assertTrue(inTimeOrder.score() < Matcher.Weights.DEFAULT.threshold(), inTimeOrder.toString());
        // Timed from the report that came first, as before, the nomination would have joined.
        Candidate c = index.get(lateFirst);
        Candidate timedFromArrival = new Candidate(lateFirst, c.published(), c.sourceIds(), c.features());
        Evidence fromArrival = matcher.evidence(successor, timedFromArrival, index);
        assertTrue(fromArrival.score() >= Matcher.Weights.DEFAULT.threshold(), fromArrival + " / " + inTimeOrder);
    }

    @Test
    void evidenceReadsAsASentence() {
        Evidence e = new Evidence(0.71, false, List.of("Gulf of Alaska", "Tsunami"), List.of("Alaska"), List.of("7.9"),
                List.of("quake", "coast"), 125, false);
        assertEquals("same subjects Gulf of Alaska, Tsunami; same names Alaska; same figures 7.9; 2 rare words in common "
                + "(quake, coast); 2 h apart", e.explain());
        assertEquals("same article; 5 min apart", Evidence.sameArticle(5).explain());
    }
}
