package org.currents.schedule;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.currents.config.PollSettings;
import org.currents.source.Source;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz wiring: one job per source with a one-shot trigger at its next poll time, moved after
 * every poll. Misfired polls (the app was down, or every thread busy) run as soon as possible;
 * sources never polled start at once, at most {@code startsPerHostPerSecond} per host each second.
 */
public final class PollScheduler {
    private static final String GROUP = "sources";

    private final PollSettings settings;
    private final int startsPerHostPerSecond;
    private final PollTask task;
    private final Clock clock;
    private Scheduler scheduler;

    /**
     * @param startsPerHostPerSecond how many first polls of sources on one host may start in the
     *                               same second (the fetcher's per-host limit); the rest are spread
     *                               over the following seconds
     */
    public PollScheduler(PollSettings settings, int startsPerHostPerSecond, PollTask task, Clock clock) {
        this.settings = settings;
        this.startsPerHostPerSecond = Math.max(1, startsPerHostPerSecond);
        this.task = task;
        this.clock = clock;
    }

    /** Starts polling: every given source is scheduled at its stored next poll time. */
    public synchronized void start(Collection<Source> sources) {
        try {
            Properties p = new Properties();
            p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "currents-" + System.identityHashCode(this));
            p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
            p.setProperty("org.quartz.threadPool.threadNamePrefix", "poll");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
            scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.setJobFactory((bundle, s) -> new PollJob(task, clock));
            // Sources never polled would all be due now: spread them per host. Polled ones already
            // have jittered next-poll times.
            Map<String, Integer> perHost = new HashMap<>();
            for (Source source : sources) {
                int nth = source.status().lastPolled() != null ? 0 : perHost.merge(host(source), 1, Integer::sum) - 1;
                schedule(source, Duration.ofSeconds(nth / startsPerHostPerSecond));
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the poll scheduler: " + e.getMessage(), e);
        }
    }

    /** Schedules (or reschedules) a source at its next poll time, or now if that has passed. */
    public synchronized void schedule(Source source) {
        schedule(source, Duration.ZERO);
    }

    private void schedule(Source source, Duration spread) {
        if (scheduler == null) {
            return;
        }
        Instant next = source.status().nextPoll();
        Instant now = clock.instant();
        Instant when = (next == null || next.isBefore(now) ? now : next).plus(spread);
        JobKey job = jobKey(source.id());
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey(source.id())).forJob(job)
                .startAt(Date.from(when))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (scheduler.checkExists(job)) {
                scheduler.rescheduleJob(trigger.getKey(), trigger);
            } else {
                JobDetail detail = JobBuilder.newJob(PollJob.class).withIdentity(job)
                        .usingJobData(PollJob.SOURCE_ID, source.id()).build();
                scheduler.scheduleJob(detail, trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule source " + source.id() + ": " + e.getMessage(), e);
        }
    }

    /** Stops polling a source (deleted or disabled). */
    public synchronized void unschedule(long sourceId) {
        if (scheduler == null) {
            return;
        }
        try {
            scheduler.deleteJob(jobKey(sourceId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule source " + sourceId + ": " + e.getMessage(), e);
        }
    }

    /** Stops scheduling and waits for running polls to finish. */
    public synchronized void shutdown() {
        if (scheduler != null) {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot stop the poll scheduler: " + e.getMessage(), e);
            }
            scheduler = null;
        }
    }

    private static String host(Source source) {
        try {
            String host = URI.create(source.feedUrl()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static JobKey jobKey(long id) {
        return JobKey.jobKey("source-" + id, GROUP);
    }

    private static TriggerKey triggerKey(long id) {
        return TriggerKey.triggerKey("source-" + id, GROUP);
    }
}
