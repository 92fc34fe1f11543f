package org.currents.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * H2's search index: the words of every event's headline and summary, in memory. H2's own
 * full-text index wrote some fifty rows per new event inside the ingest's transaction, a quarter
 * of what storing an event cost; this one costs an ingest nothing. Each search first reads the
 * events written since the one before (by {@code seq}, which every write of an event's row moves,
 * on any node or process sharing the file; a report joining leaves the text and the row alone) and
 * indexes their words.
 *
 * <p>Words are runs of two to forty letters or digits, lower-cased, as {@link
 * org.currents.event.SearchQuery} reads them. An event whose text changed keeps its old words
 * too, so its hits are checked against its text again.
 */
final class WordIndex {
    private final Map<String, Postings> postings = new HashMap<>();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private int[] textHashes = new int[1024];
    /** Ordinals of events whose text changed since they were first indexed. */
    private final BitSet rewritten = new BitSet();
    private final Map<Integer, String> rewrittenText = new HashMap<>();
    private long seen = -1;

    /** The ids of the events whose headline or summary holds {@code word} (lower case), as the database has them now. */
    synchronized Set<String> eventsWith(Connection c, String word) throws SQLException {
        update(c);
        Postings p = postings.get(word);
        Set<String> out = new HashSet<>();
        if (p == null) {
            return out;
        }
        for (int i = 0; i < p.size; i++) {
            int ordinal = p.values[i];
            if (!rewritten.get(ordinal) || words(rewrittenText.get(ordinal)).contains(word)) {
                out.add(ids.get(ordinal));
            }
        }
        return out;
    }

    /** Indexes the events written since the last update. */
    synchronized void update(Connection c) throws SQLException {
        long[] last = {seen};
        Sql.query(c, "SELECT id, headline, summary, seq FROM event WHERE seq > ? ORDER BY seq", rs -> {
            index(rs.getString(1), rs.getString(2) + "\n" + rs.getString(3));
            last[0] = Math.max(last[0], rs.getLong(4));
            return null;
        }, seen);
        seen = last[0];
    }

    private void index(String id, String text) {
        Integer known = ordinals.get(id);
        int ordinal = known != null ? known : ids.size();
        if (known == null) {
            ids.add(id);
            ordinals.put(id, ordinal);
            if (ordinal == textHashes.length) {
                textHashes = Arrays.copyOf(textHashes, ordinal * 2);
            }
        } else if (textHashes[ordinal] == text.hashCode()) {
            // A report joined: the event's text is as indexed.
            return;
        } else {
            rewritten.set(ordinal);
            rewrittenText.put(ordinal, text);
        }
        textHashes[ordinal] = text.hashCode();
        for (String w : words(text)) {
            postings.computeIfAbsent(w, k -> new Postings()).add(ordinal);
        }
    }

    /** The distinct words of {@code text}. */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int length = text.codePointCount(start, i);
            if (length >= 2 && length <= 40) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
            if (i == start) {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return out;
    }

    /** A growable list of event ordinals. */
    private static final class Postings {
        int[] values = new int[2];
        int size;

        void add(int ordinal) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = ordinal;
        }
    }
}
