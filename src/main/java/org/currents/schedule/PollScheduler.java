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
import java.util.concurrent.atomic.LongAdder;
import org.currents.config.PollSettings;
import org.currents.source.Source;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.TriggerListener;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz wiring: one job per source with a one-shot trigger at its next poll time, moved after
 * every poll. Misfired polls (the app was down, or every thread busy) run as soon as possible;
 * sources never polled start at once, at most {@code startsPerHostPerSecond} per host each second.
 * On PostgreSQL the jobs live in the shared database ({@link ClusteredStore}): each due poll runs
 * on exactly one node, and the polls a dead node was running run again on the others.
 */
public final class PollScheduler {
    private static final String GROUP = "sources";

    private final PollSettings settings;
    private final int startsPerHostPerSecond;
    private final PollTask task;
    private final Clock clock;
    private final ClusteredStore cluster;
    private final LongAdder misfires = new LongAdder();
    private Scheduler scheduler;

    /**
     * @param startsPerHostPerSecond how many first polls of sources on one host may start in the
     *                               same second (the fetcher's per-host limit); the rest are spread
     *                               over the following seconds
     */
    public PollScheduler(PollSettings settings, int startsPerHostPerSecond, PollTask task, Clock clock) {
        this(settings, startsPerHostPerSecond, task, clock, null);
    }

    /** @param cluster the shared job store, or null for the in-memory one of a single process */
    public PollScheduler(PollSettings settings, int startsPerHostPerSecond, PollTask task, Clock clock,
                         ClusteredStore cluster) {
        this.settings = settings;
        this.startsPerHostPerSecond = Math.max(1, startsPerHostPerSecond);
        this.task = task;
        this.clock = clock;
        this.cluster = cluster;
    }

    /**
     * Starts polling: every given source is scheduled at its stored next poll time. In a cluster,
     * a source whose job another node already keeps is left as it is.
     */
    public synchronized void start(Collection<Source> sources) {
        try {
            scheduler = create(settings.threads());
            // Sources never polled would all be due now: spread them per host. Polled ones already
            // have jittered next-poll times.
            Map<String, Integer> perHost = new HashMap<>();
            for (Source source : sources) {
                if (cluster != null && scheduler.checkExists(jobKey(source.id()))) {
                    continue;
                }
                int nth = source.status().lastPolled() != null ? 0 : perHost.merge(host(source), 1, Integer::sum) - 1;
                schedule(source, Duration.ofSeconds(nth / startsPerHostPerSecond));
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the poll scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * For a node that does not poll: in a cluster, schedules and unschedules in the shared store
     * (a source added or refreshed through this node's API is polled by the others) without
     * running any poll here. Without a cluster there is nothing to attach to.
     */
    public synchronized void attach() {
        if (cluster == null) {
            return;
        }
        try {
            scheduler = create(0);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot reach the cluster's scheduler: " + e.getMessage(), e);
        }
    }

    /** True when the jobs live in the shared database. */
    public boolean clustered() {
        return cluster != null;
    }

    /** Polls that were due and could not start within a minute (the process was down, or every thread busy). */
    public long misfires() {
        return misfires.sum();
    }

    private Scheduler create(int threads) throws SchedulerException {
        String dataSource = "currents-" + System.identityHashCode(this);
        Properties p = cluster == null ? QuartzProperties.inMemory(dataSource, threads)
                : QuartzProperties.clustered(cluster, threads, dataSource);
        Scheduler created = new StdSchedulerFactory(p).getScheduler();
        // The factory keeps every scheduler in a process-wide map by name, and every node of a
        // cluster has the same name; this object owns its scheduler, so take it out of the map.
        SchedulerRepository.getInstance().remove(created.getSchedulerName());
        created.setJobFactory((bundle, s) -> new PollJob(task, clock));
        created.getListenerManager().addTriggerListener(new MisfireCounter());
        return created;
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
                PollJob.place(scheduler, trigger);
            } else {
                // Recovery: a poll cut off by its node's death runs again on another node.
                JobDetail detail = JobBuilder.newJob(PollJob.class).withIdentity(job).requestRecovery(true)
                        .usingJobData(PollJob.SOURCE_ID, source.id()).build();
                scheduler.scheduleJob(detail, trigger);
            }
        } catch (ObjectAlreadyExistsException e) {
            // Another node scheduled it at the same moment: it is scheduled.
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

    static JobKey jobKey(long id) {
        return JobKey.jobKey("source-" + id, GROUP);
    }

    static TriggerKey triggerKey(long id) {
        return TriggerKey.triggerKey("source-" + id, GROUP);
    }

    /** Counts the misfires Quartz handles on this node. */
    private final class MisfireCounter implements TriggerListener {
        @Override
        public String getName() {
            return "misfires";
        }

        @Override
        public void triggerMisfired(Trigger trigger) {
            misfires.increment();
        }

        @Override
        public void triggerFired(Trigger trigger, JobExecutionContext context) {
        }

        @Override
        public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
            return false;
        }

        @Override
        public void triggerComplete(Trigger trigger, JobExecutionContext context, CompletedExecutionInstruction code) {
        }
    }
}
