package org.currents.store;

import java.util.function.Function;
import org.currents.source.SourceStatus;

/**
 * How the poll of a source ended, to be written with the feed it fetched: the status counts the
 * items the ingest stored, so both commit in the ingest's one transaction, or neither does (and the
 * poll is recorded as failed). {@code status} is a pure function of what the ingest did.
 */
public record PollRecord(long sourceId, Function<IngestResult, SourceStatus> status) {
}
