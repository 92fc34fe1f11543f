package org.currents.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where contexts come from besides the feed: URL patterns of subject pages in item HTML (group 1
 * of each pattern is the page title, URL-encoded, underscores for spaces; Wikipedia articles by
 * default), rules mapping a keyword (case-insensitive, whole word) to a context name, and how
 * many events a context holds before the catalogue offers it as a feed, how many of its newest
 * events its current feed holds (the rest are in archives), and how many events one archive
 * document holds at most (a busier month is split into pages of that many).
 */
public record ContextSettings(List<Pattern> subjectLinkPatterns, Map<String, String> keywordRules, int minEvents,
                              int feedEntries, int archiveMaxEntries) {
    public ContextSettings(List<Pattern> subjectLinkPatterns, Map<String, String> keywordRules) {
        this(subjectLinkPatterns, keywordRules, 2, 50, 200);
    }

    public ContextSettings {
        subjectLinkPatterns = List.copyOf(subjectLinkPatterns);
        keywordRules = Map.copyOf(keywordRules);
    }
}
