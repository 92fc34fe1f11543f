package org.currents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilingDraftTest {
    @Test
    void theEventsOfOneSourceShareTheirIdsFirstDigits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String id = FilingDraft.idFor("item:12:https://outlet.example/" + i);
            assertEquals(24, id.length());
            assertEquals(FilingDraft.idFor("item:12:guid").substring(0, 4), id.substring(0, 4));
            ids.add(id);
        }
        assertEquals(500, ids.size());
        assertNotEquals(FilingDraft.idFor("item:12:a").substring(0, 4), FilingDraft.idFor("item:13:a").substring(0, 4));
        assertEquals(FilingDraft.idFor("item:12:a"), FilingDraft.idFor("item:12:a"), "the same id on every node");
    }

    @Test
    void anIdWithoutASourceIsTheDigestAlone() {
        // A split's id: no source group, the first 24 hex digits of its key's SHA-256.
        assertEquals("b94d27b9934d3e08a52e52d7", FilingDraft.idFor("hello world"));
    }
}
