package org.currents.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one source: polls it, then moves its trigger to the next poll time the
 * poll chose. Quartz never runs two of these for the same source at once.
 */
@DisallowConcurrentExecution
final class PollJob implements Job {
    static final String SOURCE_ID = "sourceId";
    private static final Logger log = LoggerFactory.getLogger(PollJob.class);

    private static final long RETRY_AFTER_BUG_SECONDS = 600;

    private final PollTask task;
    private final Clock clock;

    PollJob(PollTask task, Clock clock) {
        this.task = task;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        long sourceId = context.getJobDetail().getJobDataMap().getLong(SOURCE_ID);
        Instant next;
        try {
            next = task.poll(sourceId);
        } catch (RuntimeException e) {
            // The poller records expected failures itself; this is a bug, so keep the schedule alive.
            log.error("poll of source {} threw", sourceId, e);
            next = clock.instant().plusSeconds(RETRY_AFTER_BUG_SECONDS);
        }
        try {
            if (next == null) {
                context.getScheduler().deleteJob(context.getJobDetail().getKey());
            } else {
                // Always the source's own trigger: a poll recovered from a dead node fires under a
                // one-off recovery trigger, and the source must keep its own for the next time.
                place(context.getScheduler(), TriggerBuilder.newTrigger().withIdentity(PollScheduler.triggerKey(sourceId))
                        .forJob(context.getJobDetail().getKey()).startAt(Date.from(next))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
            }
        } catch (SchedulerException e) {
            throw new JobExecutionException("cannot reschedule source " + sourceId, e);
        }
    }

    /** Moves the source's trigger to the new one's time, or stores it when it is gone (its job kept). */
    static void place(Scheduler scheduler, Trigger trigger) throws SchedulerException {
        if (scheduler.rescheduleJob(trigger.getKey(), trigger) == null) {
            scheduler.scheduleJob(trigger);
        }
    }
}
