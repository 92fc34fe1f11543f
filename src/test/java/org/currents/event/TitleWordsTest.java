package org.currents.event;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TitleWordsTest {
    @Test
    void namesMadeOnlyOfTitlesNameNoOne() {
        assertTrue(TitleWords.onlyTitles("President"));
        assertTrue(TitleWords.onlyTitles("Prime Minister"));
        assertTrue(TitleWords.onlyTitles("Federal government"));
        assertTrue(TitleWords.onlyTitles("Vice-President"));
    }

    @Test
    void aNameWithAnyOtherWordNamesSomeone() {
        assertFalse(TitleWords.onlyTitles("Prime Minister of India"));
        assertFalse(TitleWords.onlyTitles("U.S. President"));
        assertFalse(TitleWords.onlyTitles("South Korea"));
        assertFalse(TitleWords.onlyTitles("Donald Trump"));
        assertFalse(TitleWords.onlyTitles(""));
        assertFalse(TitleWords.onlyTitles("--"));
    }
}
