package org.currents.parse;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Set;

/**
 * What a feed says about how often to poll it: RSS {@code ttl}, the syndication module's
 * {@code sy:updatePeriod}/{@code sy:updateFrequency} (as one period), and RSS
 * {@code skipHours} (0-23, GMT) and {@code skipDays}. Null durations mean "not given".
 */
public record FeedHints(Duration ttl, Duration updatePeriod, Set<Integer> skipHours, Set<DayOfWeek> skipDays) {
    public static final FeedHints NONE = new FeedHints(null, null, Set.of(), Set.of());

    public FeedHints {
        skipHours = Set.copyOf(skipHours);
        skipDays = Set.copyOf(skipDays);
    }
}
