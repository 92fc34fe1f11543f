package org.currents.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;
import org.currents.config.PollSettings;
import org.currents.parse.FeedHints;
import org.currents.source.Source;
import org.currents.source.SourceStatus;

/**
 * When a source is polled next: a pure policy of the source, what the last poll found and the
 * time, so it is tested without waiting.
 *
 * <p>A source with a fixed interval keeps it. Otherwise the interval adapts: it halves after a
 * poll that found new items and grows by half after one that did not, never shorter than what
 * the feed asks for ({@code ttl}, {@code sy:updatePeriod}) and always within the configured
 * bounds. Failures back off exponentially up to {@code maxBackoff}, and no earlier than a
 * server's Retry-After. A little jitter keeps sources added together from polling in lockstep.
 * A source whose hub pushes its changes to us is polled no more often than the fallback interval.
 */
public final class PollPlanner {
    private static final double JITTER = 0.1;

    private final PollSettings settings;
    private final RandomGenerator random;
    private final Duration fallback;

    public PollPlanner(PollSettings settings, RandomGenerator random) {
        this(settings, Duration.ofHours(6), random);
    }

    /** @param fallback the interval of a source whose changes are pushed ({@code websub.fallback-interval}) */
    public PollPlanner(PollSettings settings, Duration fallback, RandomGenerator random) {
        this.settings = settings;
        this.fallback = fallback;
        this.random = random;
    }

    public Instant nextAfterSuccess(Source source, FeedHints hints, int newItems, Instant now) {
        return nextAfterSuccess(source, hints, newItems, now, false);
    }

    /** @param pushed whether the source's hub pushes its changes to us: polling is then only a fallback */
    public Instant nextAfterSuccess(Source source, FeedHints hints, int newItems, Instant now, boolean pushed) {
        Duration interval = source.interval() != null ? source.interval() : adapted(source.status(), newItems);
        interval = atLeast(interval, hints.ttl());
        interval = atLeast(interval, hints.updatePeriod());
        interval = clamp(interval);
        if (pushed) {
            // Not clamped to poll.max-interval: the operator asked for this interval by its own name.
            interval = atLeast(interval, fallback);
        }
        return outsideSkippedTimes(now.plus(jittered(interval)), hints, now);
    }

    /**
     * The first time at or after {@code next} outside the feed's {@code skipHours} (GMT) and
     * {@code skipDays}; never later than {@code maxInterval} from now, whatever the feed says.
     */
    private Instant outsideSkippedTimes(Instant next, FeedHints hints, Instant now) {
        if (hints.skipHours().isEmpty() && hints.skipDays().isEmpty()) {
            return next;
        }
        Instant latest = now.plus(settings.maxInterval());
        ZonedDateTime t = next.atZone(ZoneOffset.UTC);
        for (int hours = 0; hours < 8 * 24; hours++) {
            if (!hints.skipHours().contains(t.getHour()) && !hints.skipDays().contains(t.getDayOfWeek())) {
                Instant allowed = t.toInstant();
                return allowed.isAfter(latest) ? latest : allowed;
            }
            t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
        }
        return next;
    }

    public Instant nextAfterFailure(Source source, int consecutiveErrors, Instant retryAfter, Instant now) {
        Duration base = source.interval() != null ? source.interval() : settings.minInterval();
        int doublings = Math.min(Math.max(consecutiveErrors - 1, 0), 30);
        Duration backoff = base.multipliedBy(1L << doublings);
        if (backoff.compareTo(settings.maxBackoff()) > 0) {
            backoff = settings.maxBackoff();
        }
        Instant next = now.plus(jittered(backoff));
        Instant latest = now.plus(settings.maxBackoff());
        if (retryAfter != null && retryAfter.isAfter(next)) {
            next = retryAfter.isAfter(latest) ? latest : retryAfter;
        }
        return next;
    }

    /** True once a source has failed without a break for longer than {@code disableAfter}. */
    public boolean shouldDisable(Source source, Instant now) {
        Instant since = source.status().failingSince();
        return since != null && !Duration.between(since, now).minus(settings.disableAfter()).isNegative();
    }

    private Duration adapted(SourceStatus last, int newItems) {
        if (last.lastPolled() == null || last.nextPoll() == null || !"ok".equals(last.lastStatus())
                && !"not_modified".equals(last.lastStatus())) {
            return settings.defaultInterval();
        }
        Duration previous = Duration.between(last.lastPolled(), last.nextPoll());
        if (previous.isNegative() || previous.isZero()) {
            return settings.defaultInterval();
        }
        return newItems > 0 ? previous.dividedBy(2) : previous.plus(previous.dividedBy(2));
    }

    private Duration clamp(Duration d) {
        if (d.compareTo(settings.minInterval()) < 0) {
            return settings.minInterval();
        }
        return d.compareTo(settings.maxInterval()) > 0 ? settings.maxInterval() : d;
    }

    private static Duration atLeast(Duration d, Duration floor) {
        return floor != null && floor.compareTo(d) > 0 ? floor : d;
    }

    private Duration jittered(Duration d) {
        double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER;
        return Duration.ofMillis(Math.max(1000, Math.round(d.toMillis() * factor)));
    }
}
