package org.currents.store;

import java.time.Clock;
import java.time.Duration;
import org.currents.match.EventMerger;
import org.currents.match.Matcher;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.match.WindowIndex;

/** The ingest as {@code App} builds it, with the default match settings, for tests of other stages. */
public final class TestIngest {
    public static final Places PLACES = Places.standard();
    public static final TextAnalyzer ANALYZER = new TextAnalyzer(PLACES);

    private TestIngest() {
    }

    public static EventIngest of(Database db, Clock clock) {
        return new EventIngest(db, clock, new Matcher(Matcher.Weights.DEFAULT), new EventMerger(), ANALYZER,
                new WindowIndex(Duration.ofDays(2), 100_000));
    }
}
