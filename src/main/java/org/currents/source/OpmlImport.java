package org.currents.source;

import java.util.List;

/** What an OPML document held: the sources it lists, and the outlines skipped with why. */
public record OpmlImport(List<SourceSpec> sources, List<Skipped> skipped) {
    public OpmlImport {
        sources = List.copyOf(sources);
        skipped = List.copyOf(skipped);
    }

    /** An outline that named a feed we will not take, with the reason. */
    public record Skipped(String text, String reason) {
    }
}
