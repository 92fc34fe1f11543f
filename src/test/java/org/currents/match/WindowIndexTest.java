package org.currents.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.currents.event.Features;
import org.junit.jupiter.api.Test;

class WindowIndexTest {
    private static final Instant T = Instant.parse("2018-01-15T12:00:00Z");
    private static final Duration ANY_TIME = Duration.ofDays(365);
    private final TextAnalyzer analyzer = new TextAnalyzer(Places.standard());

    private Candidate candidate(String id, String text, Instant at) {
        return new Candidate(id, at, new long[] {1}, analyzer.analyze(text, "", List.of()).unlabelled());
    }

    /** An index of two days either side, every day of the window around {@code t} loaded and empty. */
    private static WindowIndex emptyDaysAround(Instant t) {
        WindowIndex index = new WindowIndex(Duration.ofDays(2), 1000);
        for (LocalDate d : index.missingDays(t)) {
            index.load(d, List.of());
        }
        return index;
    }

    private Report report(String text, Instant at) {
        return new Report(at, 2, analyzer.analyze(text, "", List.of()));
    }

    @Test
    void findsTheEventsOfTheWindowThatShareWordsAndNoOthers() {
        WindowIndex index = new WindowIndex(Duration.ofDays(2), 1000);
        assertEquals(5, index.missingDays(T).size());
        for (LocalDate d : index.missingDays(T.plus(Duration.ofDays(10)))) {
            index.load(d, List.of());
        }
        index.load(LocalDate.of(2018, 1, 15), List.of(candidate("near", "Volcano erupts in Albay", T),
                candidate("other", "Parliament passes the budget", T)));
        index.put(candidate("late", "Volcano erupts in Albay", T.plus(Duration.ofDays(3))));
        assertEquals(List.of("near"), index.candidates(report("Albay volcano erupts again", T.plusSeconds(3600)), ANY_TIME, 10)
                .stream().map(Candidate::eventId).toList(), "the late one is outside the window, the other shares nothing");
        assertNull(index.get("late"), "its day is not in memory");
    }

    @Test
    void aReachShorterThanTheWindowLeavesOutTheEventsBeyondIt() {
        WindowIndex index = emptyDaysAround(T);
        index.put(candidate("hour", "Volcano erupts in Albay", T.plus(Duration.ofHours(1))));
        index.put(candidate("day", "Volcano erupts in Albay", T.minus(Duration.ofHours(30))));
        Report r = report("Albay volcano erupts", T);
        assertEquals(List.of("day", "hour"), index.candidates(r, ANY_TIME, 10).stream().map(Candidate::eventId).sorted()
                .toList());
        assertEquals(List.of("hour"), index.candidates(r, Duration.ofHours(29), 10).stream().map(Candidate::eventId)
                .toList());
    }

    @Test
    void aCandidatesReachIsMeasuredFromItsEarliestReport() {
        WindowIndex index = emptyDaysAround(T);
        index.put(candidate("joined", "Volcano erupts in Albay", T));
        index.put(index.get("joined").joinedBy(report("Albay volcano spews ash", T.minus(Duration.ofHours(20)))));
        assertEquals(T, index.get("joined").published());
        assertEquals(T.minus(Duration.ofHours(20)), index.get("joined").earliest());
        Report r = report("Albay volcano erupts", T.plus(Duration.ofHours(10)));
        assertEquals(List.of("joined"), index.candidates(r, Duration.ofHours(30), 10).stream().map(Candidate::eventId)
                .toList());
        assertEquals(List.of(), index.candidates(r, Duration.ofHours(29), 10), "30 hours after its earliest report");
    }

    @Test
    void replacingAnEventManyTimesKeepsOneLiveEntry() {
        WindowIndex index = new WindowIndex(Duration.ofDays(1), 1000);
        index.load(LocalDate.of(2018, 1, 15), List.of());
        Candidate c = candidate("e", "Volcano erupts in Albay", T);
        index.put(c);
        for (int i = 0; i < 500; i++) {
            c = c.joinedBy(i, analyzer.analyze("Report " + i + " of the Mayon eruption", "", List.of()));
            index.put(c);
        }
        assertEquals(1, index.size());
        assertEquals(List.of("e"), index.candidates(report("Mayon eruption report 250", T), ANY_TIME, 10).stream()
                .map(Candidate::eventId).toList());
        assertTrue(index.idf(Features.hash("albay")) < index.idf(Features.hash("never-seen")));
    }

    @Test
    void joinsPutInPlaceScoreAsAnIndexBuiltFromTheJoinedEvents() {
        WindowIndex joined = new WindowIndex(Duration.ofDays(1), 1000);
        joined.load(LocalDate.of(2018, 1, 15), List.of(candidate("a", "Volcano erupts in Albay", T),
                candidate("b", "Mayon ash falls on Legazpi", T), candidate("c", "Budget passes parliament", T)));
        String[] reports = {"Albay volcano Mayon erupts", "Lava reaches Legazpi", "Ash falls on Albay villages"};
        for (int i = 0; i < reports.length; i++) {
            for (String id : new String[] {"a", "b"}) {
                joined.put(joined.get(id).joinedBy(10 + i, analyzer.analyze(reports[i], "", List.of())));
            }
        }
        WindowIndex fresh = new WindowIndex(Duration.ofDays(1), 1000);
        fresh.load(LocalDate.of(2018, 1, 15), List.of(joined.get("a"), joined.get("b"), joined.get("c")));
        Report r = report("Mayon lava and ash reach Albay villages near Legazpi", T);
        assertEquals(fresh.candidates(r, ANY_TIME, 10).stream().map(Candidate::eventId).toList(),
                joined.candidates(r, ANY_TIME, 10).stream().map(Candidate::eventId).toList());
        assertEquals(3, joined.size());
        for (String word : new String[] {"albay", "lava", "villag", "budget", "never-seen"}) {
            assertEquals(fresh.idf(Features.hash(word)), joined.idf(Features.hash(word)), word);
        }
    }

    @Test
    void rarityFollowsTheEventsAsTheyComeAndGoHoweverOftenItWasRead() {
        WindowIndex index = new WindowIndex(Duration.ofDays(1), 1000);
        LocalDate day = LocalDate.of(2018, 1, 15);
        index.load(day, List.of(candidate("a", "Volcano erupts in Albay", T), candidate("b", "Budget passes parliament", T)));
        index.load(day.plusDays(1), List.of(candidate("c", "Albay villages evacuated", T.plus(Duration.ofDays(1)))));
        int albay = Features.hash("albay");
        int budget = Features.hash("budget");
        assertEquals(Math.log(4.0 / 3) + 1, index.idf(albay), 1e-12);
        index.put(candidate("d", "Parliament debates the budget again", T));
        assertEquals(Math.log(5.0 / 3) + 1, index.idf(albay), 1e-12, "another event, not holding it");
        assertEquals(Math.log(5.0 / 3) + 1, index.idf(budget), 1e-12, "another event holding it");
        index.remove("b");
        assertEquals(Math.log(4.0 / 2) + 1, index.idf(budget), 1e-12);
        index.forget(List.of(day.plusDays(1)));
        assertEquals(Math.log(3.0 / 2) + 1, index.idf(albay), 1e-12, "a day gone");
        assertEquals(Math.log(3.0) + 1, index.idf(Features.hash("never-seen")), 1e-12);
    }

    @Test
    void aLimitKeepsTheBestCandidatesMostSharedWordsFirstThenById() {
        WindowIndex index = new WindowIndex(Duration.ofDays(1), 1000);
        String[] words = {"volcano", "erupts", "albay", "mayon", "ash", "lava", "evacuation", "legazpi"};
        java.util.List<Candidate> events = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Event i shares (i % 8) + 1 of the report's words: many ties, broken by id.
            events.add(candidate(String.format("e%02d", 39 - i), String.join(" ",
                    java.util.Arrays.copyOf(words, i % 8 + 1)), T));
        }
        index.load(LocalDate.of(2018, 1, 15), events);
        Report r = report(String.join(" ", words), T);
        List<String> all = index.candidates(r, ANY_TIME, 100).stream().map(Candidate::eventId).toList();
        assertEquals(40, all.size());
        assertEquals(List.of("e00", "e08", "e16", "e24", "e32", "e01"), all.subList(0, 6), "most words first, ties by id");
        for (int limit : new int[] {0, 1, 5, 12, 39}) {
            assertEquals(all.subList(0, limit), index.candidates(r, ANY_TIME, limit).stream().map(Candidate::eventId).toList(),
                    "limit " + limit);
        }
    }

    @Test
    void aRememberedLengthIsReadAgainOnceACountChanges() {
        WindowIndex index = emptyDaysAround(T);
        index.put(candidate("a", "Volcano erupts in Albay", T));
        Features f = index.get("a").features();
        int[] weighed = {0};
        Rarity.Weighing sumOfSquares = (features, rarity) -> {
            weighed[0]++;
            double sum = 0;
            for (int t : features.words()) {
                sum += rarity.idf(t) * rarity.idf(t);
            }
            return Math.sqrt(sum);
        };
        double before = index.length(f, sumOfSquares);
        assertEquals(before, index.length(f, sumOfSquares));
        assertEquals(1, weighed[0], "the second reading is remembered");
        index.put(candidate("b", "Parliament passes the budget", T));
        double after = index.length(f, sumOfSquares);
        assertEquals(2, weighed[0], "one more event changes every rarity");
        assertTrue(after > before, "each word of the first event is rarer among two");
        Candidate a = index.get("a");
        index.put(a.joinedBy(3, analyzer.analyze("Ash falls on Legazpi", "", List.of())));
        index.length(f, sumOfSquares);
        assertEquals(3, weighed[0], "a join that counts new words changes their rarities");
    }

    @Test
    void aDayOfManyEventsFindsEachByItsOwnWordAfterItsPostingsAreLaidOutAgain() {
        WindowIndex index = new WindowIndex(Duration.ofDays(1), 10_000);
        index.load(LocalDate.of(2018, 1, 15), List.of());
        int events = 600;
        for (int i = 0; i < events; i++) {
            index.put(candidate("e" + i, "Glacier " + word(i) + " melts near " + word(i + 10_000), T));
        }
        for (int i = 0; i < events; i += 3) {
            index.remove("e" + i);
        }
        for (int i = events; i < events + 50; i++) {
            index.put(candidate("e" + i, "Glacier " + word(i) + " melts near " + word(i + 10_000), T));
        }
        for (int i = 0; i < events + 50; i++) {
            List<String> found = index.candidates(report("The " + word(i) + " story", T), ANY_TIME, 10).stream()
                    .map(Candidate::eventId).toList();
            assertEquals(i % 3 == 0 && i < events ? List.of() : List.of("e" + i), found, "event " + i);
        }
        assertEquals(events + 50 - events / 3, index.candidates(report("Glacier", T), ANY_TIME, 10_000).size(),
                "every live event, and none removed, under the word they all give");
    }

    /** A word of letters alone, one for each number, ending where no stem is cut: figures and stems would blur them. */
    private static String word(int n) {
        StringBuilder b = new StringBuilder("Zq");
        for (int k = n; k > 0 || b.length() == 2; k /= 26) {
            b.append((char) ('a' + k % 26));
        }
        return b.append('x').toString();
    }
}
