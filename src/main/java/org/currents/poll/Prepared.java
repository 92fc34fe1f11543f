package org.currents.poll;

import java.time.Instant;
import java.util.function.Function;
import org.currents.normalize.Normalizer;
import org.currents.parse.PushLinks;
import org.currents.source.Source;
import org.currents.source.SourceStatus;
import org.currents.store.IngestResult;

/** A poll fetched and parsed, before its items are filed: a feed with its parsed items, or the poll's outcome already. */
sealed interface Prepared {
    /** The poll ended before there was anything to file (a failure, 304), its status recorded. */
    record Done(PollOutcome outcome) implements Prepared {
    }

    /** A feed's items to file, and the status its poll records as a function of what filing them did. */
    record Feed(Source source, PushLinks push, Normalizer.FeedItems items, Function<IngestResult, SourceStatus> status,
                Instant now) implements Prepared {
    }
}
