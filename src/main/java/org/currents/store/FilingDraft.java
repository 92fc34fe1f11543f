package org.currents.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.currents.event.EventDraft;
import org.currents.event.Keys;
import org.currents.event.Slugs;
import org.currents.match.Candidate;
import org.currents.match.Report;

/**
 * A draft with everything filing it needs that depends on the draft alone: its keys' hashes
 * (the item key's first), the report matching weighs, the candidate it becomes if it starts an
 * event (under the id made from its item key) and its headline's slug. Made on the polling
 * thread before the ingest lock, so that the locked part only matches and writes.
 */
record FilingDraft(EventDraft draft, long[] keyHashes, Report report, Candidate fresh, String slugBase) {
    static FilingDraft of(EventDraft d) {
        long[] hashes = new long[1 + d.matchKeys().size()];
        int n = 0;
        hashes[n++] = Keys.hash(d.itemKey());
        for (String k : d.matchKeys()) {
            hashes[n++] = Keys.hash(k);
        }
        long sourceId = d.source().sourceId();
        // A new event's features are its one report's: no need to read its text again.
        Candidate fresh = new Candidate(idFor(d.itemKey()), d.published(), new long[] {sourceId},
                d.features().unlabelled());
        return new FilingDraft(d, hashes, new Report(d.published(), sourceId, d.features()), fresh,
                Slugs.of(d.headline()));
    }

    static List<FilingDraft> of(List<EventDraft> drafts) {
        return drafts.stream().map(FilingDraft::of).toList();
    }

    /** The hash of the draft's item key. */
    long itemKeyHash() {
        return keyHashes[0];
    }

    /**
     * A new event's id, the same on every node: 24 hex digits of the SHA-256 of {@code itemKey},
     * the first four of them those of its source's item keys (see {@link Keys}), so that the events
     * a feed starts sit side by side in every index led by the event's id.
     */
    static String idFor(String itemKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(itemKey.getBytes(StandardCharsets.UTF_8));
            if (itemKey.startsWith("item:")) {
                int group = Keys.group(itemKey);
                digest[0] = (byte) (group >>> 8);
                digest[1] = (byte) group;
            }
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
