package org.currents.poll;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.currents.event.EventDraft;
import org.currents.parse.ParsedFeed;
import org.currents.source.Source;
import org.currents.source.SourceStatus;
import org.currents.store.IngestResult;

/** A poll fetched and parsed, before its items are filed: a feed with its drafts, or the poll's outcome already. */
sealed interface Prepared {
    /** The poll ended before there was anything to file (a failure, 304), its status recorded. */
    record Done(PollOutcome outcome) implements Prepared {
    }

    /** A feed to file, and the status its poll records as a function of what filing it did. */
    record Feed(Source source, ParsedFeed parsed, List<EventDraft> drafts, Function<IngestResult, SourceStatus> status,
                Instant now) implements Prepared {
    }
}
