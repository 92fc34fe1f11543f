package org.currents.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.currents.bench.MatchTune.Item;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.match.Candidate;
import org.currents.match.Decision;
import org.currents.match.Matcher;
import org.currents.match.Report;
import org.currents.match.WindowIndex;

/**
 * Changes to how reports are filed that the replay can try before the app is changed: each
 * rewrites the replay's events after a decision, as the ingest would have to (see docs/quality.md,
 * "Decisions that depend less on the order feeds arrive in").
 */
final class MatchTrials {
    static final boolean FOLD = Boolean.getBoolean("fold");

    private MatchTrials() {
    }

    /**
     * Reconsidering (an experiment, -Dfold=true): after a report joined {@code target}, each
     * one-report event the joined event now draws, whose report would join it if it came now
     * (it is the best of that report's candidates), is folded into it.
     */
    static void fold(String target, Report joining, Matcher matcher, WindowIndex index, Map<String, Event> events,
                     Map<Item, String> eventOf) {
        Candidate joined = index.get(target);
        Report probe = new Report(joining.published(), -1, joined.features());
        for (Candidate s : index.candidates(probe, matcher.reach(), 40)) {
            if (s.eventId().equals(target) || events.get(s.eventId()).sources().size() != 1) {
                continue;
            }
            Report alone = new Report(s.published(), s.sourceIds()[0], s.features());
            List<Candidate> others = index.candidates(alone, matcher.reach(), 41).stream()
                    .filter(c -> !c.eventId().equals(s.eventId())).limit(40).toList();
            if (matcher.decide(alone, others, index) instanceof Decision.Join j && j.eventId().equals(target)) {
                Candidate now = index.get(target);
                index.remove(s.eventId());
                index.put(now.joinedBy(alone));
                Event folded = events.remove(s.eventId());
                Event into = events.get(target);
                List<EventSource> sources = new ArrayList<>(into.sources());
                sources.addAll(folded.sources());
                events.put(target, new Event(into.id(), into.slug(), into.published(), into.headline(), into.summary(), "",
                        null, null, sources, into.contexts(), null, into.firstSeen(), into.updated()));
                eventOf.replaceAll((item, id) -> id.equals(s.eventId()) ? target : id);
                if (Boolean.getBoolean("foldlog")) {
                    System.out.printf("  fold %s <- %s (%.3f)%n", into.headline(), folded.headline(), j.evidence().score());
                }
            }
        }
    }

    static final boolean EVICT = Boolean.getBoolean("evict");

    /**
     * A trial (-Devict=true): a report that started an event because an event it matches already
     * holds a report of its outlet filed more than the same-outlet hours apart takes that report's
     * place when it matches the rest of the event better; the other report becomes an event of its own.
     */
    static void evict(Item it, String started, Map<Item, Report> reports, Matcher matcher, WindowIndex index,
                              Map<Item, String> eventOf, Matcher.Weights w, Map<String, Event> events) {
        Report r = reports.get(it);
        for (Candidate c : index.candidates(r, matcher.reach(), 40)) {
            if (c.eventId().equals(started)) {
                continue;
            }
            List<Item> members = eventOf.entrySet().stream().filter(x -> x.getValue().equals(c.eventId())).map(Map.Entry::getKey)
                    .sorted(Comparator.comparing(Item::at)).toList();
            Item other = members.stream().filter(x -> x.outlet().equals(it.outlet())
                    && Duration.between(x.at(), it.at()).abs().compareTo(w.sameSourceHours()) > 0).findFirst().orElse(null);
            if (other == null || members.size() < 2) {
                continue;
            }
            List<Item> rest = members.stream().filter(x -> x != other).toList();
            Candidate without = null;
            for (Item m : rest) {
                Report mr = reports.get(m);
                without = without == null ? new Candidate(c.eventId(), c.published(), new long[] {mr.sourceId()},
                        mr.features().unlabelled()) : without.joinedBy(mr);
            }
            double mine = score(matcher, r, without, index);
            double theirs = score(matcher, reports.get(other), without, index);
            if (mine >= w.threshold() && mine > theirs) {
                index.remove(started);
                index.put(without.joinedBy(r));
                eventOf.put(it, c.eventId());
                String alone = "x" + eventOf.size() + other.at();
                Report or = reports.get(other);
                index.put(new Candidate(alone, other.at(), new long[] {or.sourceId()}, or.features().unlabelled()));
                eventOf.put(other, alone);
                Event was = events.remove(started);
                events.put(alone, new Event(alone, "s", other.at(), other.headline(), other.summary(), "", null, null,
                        List.of(new EventSource(or.sourceId(), other.outlet(), null, "x", other.headline(), other.at(), 0, null)),
                        other.contexts(), null, other.at(), other.at()));
                Event into = events.get(c.eventId());
                List<EventSource> sources = new ArrayList<>(into.sources());
                sources.addAll(was.sources());
                events.put(c.eventId(), new Event(into.id(), into.slug(), into.published(), into.headline(), into.summary(), "",
                        null, null, sources, into.contexts(), null, into.firstSeen(), into.updated()));
                return;
            }
        }
    }

    private static double score(Matcher matcher, Report r, Candidate c, WindowIndex index) {
        Decision d = matcher.decide(r, List.of(c), index);
        return d instanceof Decision.Join j ? j.evidence().score() : ((Decision.Start) d).nearest().score();
    }

}
