package org.currents.bench;

import java.time.Clock;
import org.currents.config.MatchSettings;
import org.currents.config.Settings;
import org.currents.config.StoreSettings;
import org.currents.match.EventMerger;
import org.currents.match.Matcher;
import org.currents.match.Places;
import org.currents.match.TextAnalyzer;
import org.currents.match.WindowIndex;
import org.currents.normalize.Normalizer;
import org.currents.parse.FeedParser;
import org.currents.store.Database;
import org.currents.store.EventIngest;

/** The ingest stages wired as {@code App} wires them, for benchmarks that time them one by one. */
record Pipeline(Settings settings, FeedParser parser, TextAnalyzer analyzer, Normalizer normalizer) {
    static Pipeline of(Settings settings) {
        Places places = Places.standard();
        TextAnalyzer analyzer = new TextAnalyzer(places);
        return new Pipeline(settings, new FeedParser(), analyzer, new Normalizer(settings.contexts(), analyzer, places));
    }

    /** An in-memory H2 database for warm-up passes, gone when closed. */
    static Database scratchDatabase(int threads) {
        return Database.open(new StoreSettings("jdbc:h2:mem:warm-up-" + ProcessHandle.current().pid(), "sa", "",
                threads + 2));
    }

    EventIngest ingest(Database db, Clock clock) {
        MatchSettings match = settings.match();
        return new EventIngest(db, clock, new Matcher(match.threshold()), new EventMerger(), analyzer,
                new WindowIndex(match.window(), match.memoryEvents()));
    }
}
