package org.currents.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where contexts come from besides the feed: URL patterns of subject pages in item HTML (group 1
 * of each pattern is the page title, URL-encoded, underscores for spaces; Wikipedia articles by
 * default), rules mapping a keyword (case-insensitive, whole word) to a context name, and how
 * many events a context holds before the catalogue offers it as a feed, and how many of its
 * newest events its current feed holds (the rest are in archives).
 */
public record ContextSettings(List<Pattern> subjectLinkPatterns, Map<String, String> keywordRules, int minEvents,
                              int feedEntries) {
    public ContextSettings(List<Pattern> subjectLinkPatterns, Map<String, String> keywordRules) {
        this(subjectLinkPatterns, keywordRules, 2, 50);
    }

    public ContextSettings {
        subjectLinkPatterns = List.copyOf(subjectLinkPatterns);
        keywordRules = Map.copyOf(keywordRules);
    }
}
