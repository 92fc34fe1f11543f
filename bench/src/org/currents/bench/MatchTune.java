package org.currents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.currents.event.Context;
import org.currents.event.ContextKind;
import org.currents.event.Event;
import org.currents.event.EventSource;
import org.currents.event.Features;
import org.currents.match.Candidate;
import org.currents.match.Decision;
import org.currents.match.Evidence;
import org.currents.match.Matcher;
import org.currents.match.Places;
import org.currents.match.Report;
import org.currents.match.TextAnalyzer;
import org.currents.match.WindowIndex;

/**
 * The matcher alone over the quality set (bench/quality/data and the WCEP corpus), in seconds,
 * for working on matching between full runs of bench/quality/run.sh: reports in time order,
 * decided online as the app does, then pairwise precision and recall per split, near misses
 * merged, and the misses and wrong merges with their evidence.
 *
 * <p>Usage: MatchTune WCEP_EVENTS_JSON DATA_DIR [THRESHOLD=0.30] [text-only]; with {@code grid} as
 * the third argument, searches the weights on the tune split alone (full and text-only copies)
 * and reports the best on both splits, so the holdout split stays unseen by the search. The
 * unseen split (reports-unseen.json) is read only with {@code -Dunseen=true}, and never by the search.
 */
public final class MatchTune {
    record Item(String happening, String split, String outlet, Instant at, String headline, String summary,
                        List<Context> contexts) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 2 && args[2].equals("grid")) {
            // The unseen split is left out: the search must not see it, not even through rarities.
            grid(load(args, false, false), load(args, true, false));
            return;
        }
        if (args.length > 2 && args[2].equals("orders")) {
            orders(load(args, false), load(args, true));
            return;
        }
        if (args.length > 3 && args[2].equals("pairs")) {
            pairs(load(args, false), List.of(args).subList(3, args.length));
            return;
        }
        if (args.length > 3 && args[2].equals("order")) {
            // One outlet order, as "permutations" files it, with every miss and wrong merge explained.
            List<String> outlets = List.of(args[3].split(","));
            Loaded set = load(args, args.length > 4 && args[4].equals("text-only"));
            List<Item> ordered = new ArrayList<>(set.items);
            ordered.sort(Comparator.comparing((Item i) -> outlets.indexOf(i.outlet())).thenComparing(Item::at, FEED_ORDER));
            Map<Item, String> why = new HashMap<>();
            report(set.items, run(ordered, Matcher.Weights.DEFAULT, why), why, set.nearMisses);
            return;
        }
        if (args.length > 2 && args[2].equals("permutations")) {
            permutations(load(args, false), load(args, true));
            return;
        }
        double threshold = args.length > 2 ? Double.parseDouble(args[2]) : 0.30;
        boolean textOnly = args.length > 3 && args[3].equals("text-only");
        Loaded set = load(args, textOnly);
        Map<Item, String> why = new HashMap<>();
        Map<Item, String> eventOf = run(set.items, weights().withThreshold(threshold), why);
        report(set.items, eventOf, why, set.nearMisses);
    }

    private record Loaded(List<Item> items, List<String[]> nearMisses) {
    }

    /**
     * The set, without the unseen and fresh splits unless {@code -Dunseen=true}: they are held-out measures,
     * and the figures a tuning session watches should not show it.
     */
    private static Loaded load(String[] args, boolean textOnly) throws Exception {
        return load(args, textOnly, Boolean.getBoolean("unseen"));
    }

    /** The splits of the data files the items came from, in the files' canonical order, then "all". */
    private static List<String> splits(List<Item> items) {
        Set<String> present = new HashSet<>();
        items.forEach(i -> present.add(i.split()));
        List<String> out = new ArrayList<>(SPLITS.stream().filter(present::contains).toList());
        out.add("all");
        return out;
    }

    private static final List<String> SPLITS = List.of("tune", "holdout", "unseen", "fresh", "fresh2", "fresh3", "fresh4",
            "fresh5", "fresh6", "fresh7", "fresh8", "fresh9");
    /**
     * {@code -Dsplits=fresh2}: these splits alone (fresh2 to fresh9 reword happenings of other
     * splits, so each is read alone).
     */
    private static final List<String> ONLY = System.getProperty("splits") == null ? null
            : List.of(System.getProperty("splits").split(","));

    private static Loaded load(String[] args, boolean textOnly, boolean withUnseen) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> wcep = new LinkedHashMap<>();
        for (JsonNode r : json.readTree(Path.of(args[0]).toFile())) {
            if (r.get("duplicate_of").isNull() && !r.path("suspect_misdated").asBoolean(false)
                    && r.get("cross_day_duplicate_of").isNull() && !r.get("headline").isNull()) {
                wcep.put(r.get("slug").asText(), r);
            }
        }
        List<Item> items = new ArrayList<>();
        Set<String> written = new HashSet<>();
        List<String[]> nearMisses = new ArrayList<>();
        try (var files = Files.list(Path.of(args[1]))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode data = json.readTree(p.toFile());
                String split = data.get("split").asText();
                if (ONLY != null ? !ONLY.contains(split)
                        : split.startsWith("fresh") && !split.equals("fresh") || !withUnseen && (split.equals("unseen") || split.equals("fresh"))) {
                    continue;
                }
                for (JsonNode h : data.get("happenings")) {
                    written.add(h.get("wcep_slug").asText());
                    for (JsonNode r : h.get("reports")) {
                        List<Context> contexts = new ArrayList<>();
                        r.get("links").forEach(l -> contexts.add(Context.named(l.asText(), ContextKind.SUBJECT)));
                        r.get("categories").forEach(l -> contexts.add(Context.named(l.asText(), ContextKind.CATEGORY)));
                        List<String> links = new ArrayList<>();
                        r.get("links").forEach(l -> links.add(l.asText()));
                        items.add(new Item(h.get("wcep_slug").asText(), split, r.get("outlet").asText(),
                                Instant.parse(r.get("time").asText()), r.get("headline").asText(),
                                summary(r.get("summary").asText(), r.get("outlet").asText(), links, textOnly),
                                textOnly ? List.of() : contexts));
                    }
                }
                data.path("near_misses").forEach(n -> nearMisses.add(new String[] {n.get("a").asText(), n.get("b").asText()}));
            }
        }
        String[] outlets = {"harbor", "meridian", "civic", "northern", "lantern"};
        for (JsonNode r : wcep.values()) {
            String slug = r.get("slug").asText();
            if (written.contains(slug)) {
                continue;
            }
            List<Context> contexts = new ArrayList<>();
            List<String> links = new ArrayList<>();
            r.get("contexts").forEach(c -> links.add(c.asText()));
            links.forEach(c -> contexts.add(Context.named(c, ContextKind.SUBJECT)));
            if (!r.get("story").isNull()) {
                contexts.add(Context.named(r.get("story").asText(), ContextKind.CATEGORY));
            }
            int hash = Math.abs(slug.hashCode());
            Instant at = LocalDate.parse(r.get("date").asText()).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                    .plus(Duration.ofMinutes(360 + hash % 840));
            items.add(new Item(slug, "single", outlets[hash % 5], at, r.get("headline").asText(),
                    summary(r.get("summary").isNull() ? "" : r.get("summary").asText(), outlets[hash % 5], links, textOnly),
                    textOnly ? List.of() : contexts));
        }
        items.sort(Comparator.comparing(Item::at));
        return new Loaded(items, nearMisses);
    }

    /**
     * The summary as the app reads it from the evaluation's feeds: in the full copy every outlet
     * but The Daily Lantern (plain description, HTML only in content:encoded) publishes one body
     * whose text ends with "Background:" and its links' titles (bench/quality/evaluate.py).
     */
    private static String summary(String summary, String outlet, List<String> links, boolean textOnly) {
        return textOnly || links.isEmpty() || outlet.equals("lantern") || Boolean.getBoolean("nobackground") ? summary
                : summary + " Background: " + String.join(", ", links);
    }

    private static final TextAnalyzer ANALYZER = new TextAnalyzer(Places.standard());
    private static final String[] OUTLETS = {"harbor", "meridian", "civic", "northern", "lantern"};

    private static Map<Item, String> run(List<Item> items, Matcher.Weights weights, Map<Item, String> why) {
        TextAnalyzer analyzer = ANALYZER;
        String[] outlets = OUTLETS;
        Matcher matcher = new Matcher(weights);
        WindowIndex index = new WindowIndex(Duration.ofDays(2), 1_000_000);
        for (LocalDate d = LocalDate.of(2018, 1, 5); d.isBefore(LocalDate.of(2018, 1, 30)); d = d.plusDays(1)) {
            index.load(d, List.of());
        }
        Map<String, Event> events = new HashMap<>();
        Map<Item, String> eventOf = new HashMap<>();
        Map<Item, Report> reports = new HashMap<>();
        for (Item it : items) {
            reports.put(it, new Report(it.at(), List.of(outlets).indexOf(it.outlet()), analyzer.analyze(it.headline(),
                    it.summary(), it.contexts())));
        }
        items = new ArrayList<>(items);
        // A trial (-Dwaiting=0.02): as the ingest files a batch, in ingests of FILING_CHUNK, a report whose
        // best candidate scores within the margin under the threshold is decided after the others of its
        // ingest; with -Dwaitgrown=true it may then join only an event that grew since (docs/quality.md).
        Map<Item, Integer> waiting = new LinkedHashMap<>();
        Map<Item, Integer> waited = new HashMap<>();
        int decidedFirst = 0;
        int decisions = 0;
        Map<String, Integer> grewAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (BEST_FIRST && (i == 0 || !items.get(i - 1).outlet().equals(items.get(i).outlet()))) {
                // A trial (-Dbestfirst=true): a feed's drafts decided in the order of how well each matches
                // the window as the feed finds it, best first, so the outlet's best report of a happening claims it.
                int end = i;
                while (end < items.size() && items.get(end).outlet().equals(items.get(i).outlet())) {
                    end++;
                }
                Map<Item, Double> first = new HashMap<>();
                for (Item b : items.subList(i, end)) {
                    Report r = reports.get(b);
                    Decision d = matcher.decide(r, index.shortlist(r, matcher.reach(), 40), index);
                    first.put(b, d instanceof Decision.Join j ? j.evidence().score() : ((Decision.Start) d).nearest().score());
                }
                items.subList(i, end).sort(Comparator.comparing((Item b) -> -first.get(b)));
            }
            Item it = items.get(i);
            long source = List.of(outlets).indexOf(it.outlet());
            Report report = reports.get(it);
            boolean first = !waited.containsKey(it);
            List<Candidate> shortlist = index.shortlist(report, matcher.reach(), 40).candidates();
            Decision d = matcher.decide(report, first || !WAIT_GROWN ? shortlist : shortlist.stream()
                    .filter(c -> grewAt.getOrDefault(c.eventId(), -1) > waited.get(it)).toList(), index);
            if (first && WAITING >= 0 && d instanceof Decision.Start st && st.nearest().score() >= weights.threshold() - WAITING) {
                waiting.put(it, decisions);
            } else {
                file(it, d, report, source, index, events, eventOf, why, analyzer, matcher, weights, reports);
                grewAt.put(eventOf.get(it), ++decisions);
            }
            decidedFirst += first ? 1 : 0;
            if (first && !waiting.isEmpty() && (decidedFirst % FILING_CHUNK == 0 || i == items.size() - 1)) {
                items.addAll(i + 1, waiting.keySet());
                waited.putAll(waiting);
                waiting.clear();
            }
        }
        return eventOf;
    }

    /** Files a decided report as the ingest does: its event made or widened, in the index too. */
    private static void file(Item it, Decision d, Report report, long source, WindowIndex index, Map<String, Event> events,
                             Map<Item, String> eventOf, Map<Item, String> why, TextAnalyzer analyzer, Matcher matcher,
                             Matcher.Weights weights, Map<Item, Report> reports) {
        EventSource es = new EventSource(source, it.outlet(), null, "x", it.headline(), it.at(), 0, null, it.summary());
        Event e;
        if (d instanceof Decision.Join j) {
            Event old = events.get(j.eventId());
            List<EventSource> sources = new ArrayList<>(old.sources());
            // As the ingest lists it: its summary only when its words widened the event's.
            Candidate before = index.get(j.eventId());
            sources.add(before.joinedBy(report).widens(before) ? es : es.listed(null, null));
            List<Context> contexts = new ArrayList<>(old.contexts());
            it.contexts().stream().filter(c -> !contexts.contains(c)).forEach(contexts::add);
            e = new Event(old.id(), old.slug(), old.published(), old.headline(), old.summary(), "", null, null, sources,
                    contexts, null, old.firstSeen(), old.updated());
            why.put(it, j.evidence().toString());
        } else {
            e = new Event("e" + eventOf.size(), "s", it.at(), it.headline(), it.summary(), "", null, null,
                    List.of(es.listed(null, null)),
                    it.contexts(), null, it.at(), it.at());
            why.put(it, "nearest " + ((Decision.Start) d).nearest());
        }
        events.put(e.id(), e);
        eventOf.put(it, e.id());
        // As the ingest does: a joined event widens by the report's features, a new one is its report's.
        // -Drebuilt=true: each event as the store gives it back (TextAnalyzer.candidate), not as memory widened it.
        index.put(Boolean.getBoolean("rebuilt") ? analyzer.candidate(e) : d instanceof Decision.Join ? index.get(e.id()).joinedBy(report)
                : new Candidate(e.id(), e.published(), new long[] {source}, report.features().unlabelled()));
        if (MatchTrials.FOLD && d instanceof Decision.Join) {
            MatchTrials.fold(e.id(), report, matcher, index, events, eventOf);
        }
        if (MatchTrials.EVICT && d instanceof Decision.Start) {
            MatchTrials.evict(it, e.id(), reports, matcher, index, eventOf, weights, events);
        }
    }

    private static final boolean BEST_FIRST = Boolean.getBoolean("bestfirst");
    private static final double WAITING = Double.parseDouble(System.getProperty("waiting", "-1"));
    private static final boolean WAIT_GROWN = Boolean.getBoolean("waitgrown");
    /** Items per ingest as the poller files a batch of feeds (TimeOrderedFiling.CHUNK). */
    private static final int FILING_CHUNK = 100;
    /** The order a feed's items are filed in: newest first, as feeds list them, or oldest first (-Doldestfirst=true). */
    private static final Comparator<Instant> FEED_ORDER = Boolean.getBoolean("oldestfirst") ? Comparator.naturalOrder()
            : Comparator.reverseOrder();

    /**
     * As the app polls: one outlet's feed after another, each whole, newest item first, in
     * several orders of the outlets; precision and recall over all pairs for each order.
     */
    private static void orders(Loaded full, Loaded text) {
        java.util.Random random = new java.util.Random(7);
        for (Loaded set : List.of(full, text)) {
            String name = set == full ? "full" : "text-only";
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (int o = 0; o < 8; o++) {
                List<String> outlets = new ArrayList<>(List.of(OUTLETS));
                java.util.Collections.shuffle(outlets, random);
                List<Item> ordered = new ArrayList<>(set.items);
                ordered.sort(Comparator.comparing((Item i) -> outlets.indexOf(i.outlet()))
                        .thenComparing(Item::at, FEED_ORDER));
                Map<Item, String> why = new HashMap<>();
                Map<Item, String> eventOf = run(ordered, Matcher.Weights.DEFAULT, why);
                for (Item a : set.items) {
                    for (Item b : set.items) {
                        if (a.at().isBefore(b.at()) && eventOf.get(a).equals(eventOf.get(b)) && !a.happening().equals(b.happening())
                                && isNearMiss(a, b, set.nearMisses)) {
                            System.out.printf("  near miss merged: %s | %s%n    %s%n    %s%n", a.headline(), b.headline(),
                                    why.get(a), why.get(b));
                        }
                    }
                }
                if (Boolean.getBoolean("wrong")) {
                    for (Item a : set.items) {
                        for (Item b : set.items) {
                            if (a.at().isBefore(b.at()) && eventOf.get(a).equals(eventOf.get(b))
                                    && !a.happening().equals(b.happening())) {
                                System.out.printf("  wrong merge: %s | %s%n", a.headline(), b.headline());
                            }
                            if (a.at().isBefore(b.at()) && !eventOf.get(a).equals(eventOf.get(b))
                                    && a.happening().equals(b.happening())) {
                                System.out.printf("  missed [%s]: %s | %s%n", a.split(), a.headline(), b.headline());
                            }
                        }
                    }
                }
                StringBuilder line = new StringBuilder(String.format("%-9s %s", name, outlets));
                for (String split : splits(set.items)) {
                    int[] c = score(set.items, eventOf, split, set.nearMisses);
                    double p = c[1] == 0 ? 1 : (double) c[0] / c[1];
                    double r = (double) c[0] / c[2];
                    double[] m = sums.computeIfAbsent(split, k -> new double[] {0, 0, 1, 1, 0});
                    m[0] += p / 8;
                    m[1] += r / 8;
                    m[2] = Math.min(m[2], p);
                    m[3] = Math.min(m[3], r);
                    m[4] += c[3];
                    line.append(String.format("  %s P %.3f R %.3f nm %d", split, p, r, c[3]));
                }
                System.out.println(line);
            }
            sums.forEach((split, m) -> System.out.printf("%-9s %-8s mean precision %.3f recall %.3f, worst %.3f / %.3f, "
                    + "near-miss pairs merged over 8 orders %d%n", name, split, m[0], m[1], m[2], m[3], (int) m[4]));
        }
    }

    /**
     * Every one of the 120 outlet orders, each feed whole and newest first as {@link #orders}: per
     * split the mean, the worst and the share of orders below the targets, the near misses merged
     * in how many orders, and the pairs missed or merged wrongly in the most orders.
     */
    private static void permutations(Loaded full, Loaded text) {
        List<List<String>> all = new ArrayList<>();
        permute(new ArrayList<>(), new ArrayList<>(List.of(OUTLETS)), all);
        for (Loaded set : List.of(full, text)) {
            String name = set == full ? "full" : "text-only";
            Map<String, double[]> sums = new LinkedHashMap<>();
            Map<String, Integer> missed = new HashMap<>();
            Map<String, Integer> wrong = new HashMap<>();
            int ordersWithNearMiss = 0;
            for (List<String> outlets : all) {
                List<Item> ordered = new ArrayList<>(set.items);
                ordered.sort(Comparator.comparing((Item i) -> outlets.indexOf(i.outlet()))
                        .thenComparing(Item::at, FEED_ORDER));
                Map<Item, String> eventOf = run(ordered, weights(), new HashMap<>());
                for (Item a : set.items) {
                    for (Item b : set.items) {
                        if (!a.at().isBefore(b.at())) {
                            continue;
                        }
                        boolean merged = eventOf.get(a).equals(eventOf.get(b));
                        boolean gold = a.happening().equals(b.happening());
                        String pair = String.format("[%s] %s: %s | %s: %s", a.split(), a.outlet(), a.headline(), b.outlet(),
                                b.headline());
                        if (gold && !merged) {
                            missed.merge(pair, 1, Integer::sum);
                        } else if (!gold && merged) {
                            wrong.merge((isNearMiss(a, b, set.nearMisses) ? "NEAR MISS " : "") + pair, 1, Integer::sum);
                        }
                    }
                }
                boolean near = false;
                StringBuilder line = new StringBuilder(outlets.toString());
                for (String split : splits(set.items)) {
                    int[] c = score(set.items, eventOf, split, set.nearMisses);
                    double p = c[1] == 0 ? 1 : (double) c[0] / c[1];
                    double r = (double) c[0] / c[2];
                    double[] m = sums.computeIfAbsent(split, k -> new double[] {0, 0, 1, 1, 0, 0});
                    m[0] += p / all.size();
                    m[1] += r / all.size();
                    m[2] = Math.min(m[2], p);
                    m[3] = Math.min(m[3], r);
                    m[4] += c[3] > 0 ? 1 : 0;
                    m[5] += p < 0.95 || r < 0.95 ? 1 : 0;
                    near |= c[3] > 0;
                    line.append(String.format("  %s P %.3f R %.3f nm %d", split, p, r, c[3]));
                }
                if (Boolean.getBoolean("list")) {
                    System.out.println(line);
                }
                ordersWithNearMiss += near ? 1 : 0;
            }
            if (Boolean.getBoolean("pairs")) {
                missed.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(40)
                        .forEach(e -> System.out.printf("  missed in %3d: %s%n", e.getValue(), e.getKey()));
                wrong.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(40)
                        .forEach(e -> System.out.printf("  merged in %3d: %s%n", e.getValue(), e.getKey()));
            }
            sums.forEach((split, m) -> System.out.printf("%-9s %-8s 120 orders: mean P %.3f R %.3f, worst P %.3f R %.3f, "
                    + "orders with a near miss %d, orders below 0.95 %d%n", name, split, m[0], m[1], m[2], m[3], (int) m[4],
                    (int) m[5]));
            System.out.printf("%-9s orders with any near miss merged: %d of %d%n", name, ordersWithNearMiss, all.size());
        }
    }

    /**
     * The score of every pair of reports whose headline holds one of {@code words}, each report
     * alone against the other alone, with the window's rarities as every report alone gives them.
     */
    private static void pairs(Loaded set, List<String> words) {
        WindowIndex index = new WindowIndex(Duration.ofDays(2), 1_000_000);
        for (LocalDate d = LocalDate.of(2018, 1, 5); d.isBefore(LocalDate.of(2018, 1, 30)); d = d.plusDays(1)) {
            index.load(d, List.of());
        }
        Map<Item, Report> reports = new LinkedHashMap<>();
        int n = 0;
        for (Item it : set.items) {
            long source = List.of(OUTLETS).indexOf(it.outlet());
            Report r = new Report(it.at(), source, ANALYZER.analyze(it.headline(), it.summary(), it.contexts()));
            reports.put(it, r);
            index.put(new Candidate("r" + n++, it.at(), new long[] {source}, r.features().unlabelled()));
        }
        Matcher matcher = new Matcher(Matcher.Weights.DEFAULT);
        List<Item> chosen = set.items.stream().filter(i -> words.stream().anyMatch(w -> i.headline().contains(w))).toList();
        for (Item a : chosen) {
            System.out.printf("%s %s %s [%s]%n", a.at(), a.outlet(), a.headline(), a.happening().substring(0, 40));
            for (Item b : chosen) {
                if (a == b) {
                    continue;
                }
                Report rb = reports.get(b);
                Decision d = matcher.decide(reports.get(a), List.of(new Candidate("x", b.at(), new long[] {rb.sourceId()},
                        rb.features().unlabelled())), index);
                Evidence e = d instanceof Decision.Join j ? j.evidence() : ((Decision.Start) d).nearest();
                System.out.printf("   %.3f %s %s%s%n", e.score(), b.outlet(), b.headline().substring(0, Math.min(70, b.headline().length())),
                        a.happening().equals(b.happening()) ? "  (same)" : "");
                if (Boolean.getBoolean("tokens") && a.happening().equals(b.happening())) {
                    Features fa = reports.get(a).features();
                    Features fb = rb.features();
                    StringBuilder line = new StringBuilder("      ");
                    for (int t : fa.words()) {
                        line.append(String.format("%s%s:%.1f ", Features.contains(fb.words(), t) ? "*" : "",
                                fa.label(t), index.idf(t)));
                    }
                    System.out.println(line);
                }
            }
        }
    }

    /**
     * The default weights, or others for a trial: -Dthreshold=0.12, -Dgrace=12 (hours), -Dlateday=1.2,
     * -Dsharedfloor=2.0, -Dsharedweight=0.12, -Dgracefromfirst=15 (hours), -Dretold=0.6,
     * -Dnosharedname=0.5, -Dnosharedrare=0.4, -Dplaceshare=0.5.
     */
    private static Matcher.Weights weights() {
        Matcher.Weights d = Matcher.Weights.DEFAULT;
        return new Matcher.Weights(Double.parseDouble(System.getProperty("threshold", "" + d.threshold())), d.nameBoost(),
                d.figureBoost(), Double.parseDouble(System.getProperty("subject", "" + d.subjectWeight())), Duration.ofHours(Long.getLong("grace", d.grace().toHours())),
                Double.parseDouble(System.getProperty("lateday", "" + d.perLateDay())), d.sameSource(), d.sameSourceHours(),
                Double.parseDouble(System.getProperty("nosharedname", "" + d.noSharedName())), d.rareRatio(),
                Double.parseDouble(System.getProperty("nosharedrare", "" + d.noSharedRare())),
                Double.parseDouble(System.getProperty("rarenameratio", "" + d.rareNameRatio())),
                Double.parseDouble(System.getProperty("rarename", "" + d.rareName())),
                Double.parseDouble(System.getProperty("sharedfloor", "" + d.sharedRarityFloor())),
                Double.parseDouble(System.getProperty("sharedweight", "" + d.perSharedRarity())),
                Duration.ofHours(Long.getLong("gracefromfirst", d.graceFromFirst().toHours())),
                Double.parseDouble(System.getProperty("retold", "" + d.perLateDayRetold())),
                Double.parseDouble(System.getProperty("placeshare", "" + d.placeShare())));
    }

    private static void permute(List<String> head, List<String> rest, List<List<String>> out) {
        if (rest.isEmpty()) {
            out.add(List.copyOf(head));
            return;
        }
        for (String o : List.copyOf(rest)) {
            head.add(o);
            rest.remove(o);
            permute(head, rest, out);
            rest.add(o);
            head.remove(head.size() - 1);
        }
    }

    /** Pairwise counts for one split: true positives, merged pairs, gold pairs; and near misses merged. */
    private static int[] score(List<Item> items, Map<Item, String> eventOf, String split, List<String[]> nearMisses) {
        int[] c = new int[4];
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Item a = items.get(i);
                Item b = items.get(j);
                if (!split.equals("all") && !a.split().equals(split) && !b.split().equals(split)) {
                    continue;
                }
                boolean gold = a.happening().equals(b.happening());
                boolean merged = eventOf.get(a).equals(eventOf.get(b));
                c[0] += gold && merged ? 1 : 0;
                c[1] += merged ? 1 : 0;
                c[2] += gold ? 1 : 0;
                c[3] += merged && !gold && isNearMiss(a, b, nearMisses) ? 1 : 0;
            }
        }
        return c;
    }

    private static boolean isNearMiss(Item a, Item b, List<String[]> nearMisses) {
        for (String[] n : nearMisses) {
            if (n[0].equals(a.happening()) && n[1].equals(b.happening()) || n[1].equals(a.happening())
                    && n[0].equals(b.happening())) {
                return true;
            }
        }
        return false;
    }

    private static void grid(Loaded full, Loaded text) {
        double bestValue = -1;
        Matcher.Weights best = null;
        for (double threshold : new double[] {0.1, 0.12, 0.14, 0.16, 0.18}) {
            for (double name : new double[] {1.0, 1.3}) {
                for (double subject : new double[] {0.1, 0.2}) {
                    for (double late : new double[] {0.9, 1.2, 1.6}) {
                        for (double rareRatio : new double[] {0.85, 0.9}) {
                            for (double noRare : new double[] {0.1, 0.25, 0.4}) {
                                Matcher.Weights w = new Matcher.Weights(threshold, name, 1.4, subject, Duration.ofHours(12),
                                        late, 0.2, Duration.ofHours(6), 1.0, rareRatio, noRare,
                                        Matcher.Weights.DEFAULT.rareNameRatio(), Matcher.Weights.DEFAULT.rareName(),
                                        Matcher.Weights.DEFAULT.sharedRarityFloor(), Matcher.Weights.DEFAULT.perSharedRarity(),
                                        Matcher.Weights.DEFAULT.graceFromFirst(), late / 2,
                                        Matcher.Weights.DEFAULT.placeShare());
                                Map<Item, String> fullRun = run(full.items, w, new HashMap<>());
                                Map<Item, String> textRun = run(text.items, w, new HashMap<>());
                                int[] f = score(full.items, fullRun, "tune", full.nearMisses);
                                int[] t = score(text.items, textRun, "tune", text.nearMisses);
                                // Precision over every pair: wrong merges among the single reports count too.
                                int[] fa = score(full.items, fullRun, "all", full.nearMisses);
                                int[] ta = score(text.items, textRun, "all", text.nearMisses);
                                double pf = fa[1] == 0 ? 1 : (double) fa[0] / fa[1];
                                double pt = ta[1] == 0 ? 1 : (double) ta[0] / ta[1];
                                double value = (double) f[0] / f[2] + (double) t[0] / t[2]
                                        - 4 * Math.max(0, 0.97 - pf) - 4 * Math.max(0, 0.97 - pt) - 0.2 * (fa[3] + ta[3]);
                                if (value > bestValue) {
                                    bestValue = value;
                                    best = w;
                                }
                            }
                        }
                    }
                }
            }
        }
        System.out.println("best on tune: " + best);
        for (String split : List.of("tune", "holdout", "all")) {
            for (Loaded set : List.of(full, text)) {
                int[] c = score(set.items, run(set.items, best, new HashMap<>()), split, set.nearMisses);
                System.out.printf("%-8s %-9s precision %.3f recall %.3f near misses merged %d%n", split,
                        set == full ? "full" : "text-only", c[1] == 0 ? 1.0 : (double) c[0] / c[1], (double) c[0] / c[2], c[3]);
            }
        }
    }

    private static void report(List<Item> items, Map<Item, String> eventOf, Map<Item, String> why,
                               List<String[]> nearMisses) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String split : splits(items)) {
            counts.put(split, new int[3]); // true positives, predicted pairs, gold pairs
        }
        // Pairs of written reports alone: the portal's own wording of a happening (a "single") may
        // repeat another happening's, where the corpus lists one happening twice.
        counts.put("written", new int[3]);
        List<String> missed = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Item a = items.get(i);
                Item b = items.get(j);
                boolean gold = a.happening().equals(b.happening());
                boolean merged = eventOf.get(a).equals(eventOf.get(b));
                Set<String> splits = new HashSet<>(List.of(a.split(), b.split(), "all"));
                if (!a.split().equals("single") && !b.split().equals("single")) {
                    splits.add("written");
                }
                for (String split : splits) {
                    int[] c = counts.get(split);
                    if (c == null) {
                        continue;
                    }
                    if (gold && merged) {
                        c[0]++;
                    }
                    if (merged) {
                        c[1]++;
                    }
                    if (gold) {
                        c[2]++;
                    }
                }
                if (gold && !merged) {
                    missed.add(String.format("MISSED [%s]%n   %s | %s%n   %s | %s%n   %s", a.split(), a.outlet(), a.headline(),
                            b.outlet(), b.headline(), why.get(b)));
                } else if (!gold && merged) {
                    wrong.add(String.format("WRONG%n   %s | %s%n   %s | %s%n   %s", a.outlet(), a.headline(), b.outlet(),
                            b.headline(), why.get(b)));
                }
            }
        }
        int near = 0;
        Map<String, String> byHappening = new HashMap<>();
        items.forEach(i -> byHappening.putIfAbsent(i.happening(), eventOf.get(i)));
        for (String[] n : nearMisses) {
            Set<String> ea = new HashSet<>();
            Set<String> eb = new HashSet<>();
            items.stream().filter(i -> i.happening().equals(n[0])).forEach(i -> ea.add(eventOf.get(i)));
            items.stream().filter(i -> i.happening().equals(n[1])).forEach(i -> eb.add(eventOf.get(i)));
            ea.retainAll(eb);
            if (!ea.isEmpty()) {
                near++;
                System.out.println("NEAR MISS MERGED: " + n[0] + " / " + n[1]);
            }
        }
        missed.forEach(System.out::println);
        wrong.forEach(System.out::println);
        counts.forEach((split, c) -> System.out.printf("%-8s precision %.3f  recall %.3f  (%d merged pairs, %d gold)%n", split,
                c[1] == 0 ? 1.0 : (double) c[0] / c[1], c[2] == 0 ? Double.NaN : (double) c[0] / c[2], c[1], c[2]));
        System.out.printf("near misses merged: %d of %d; events %d for %d items%n", near, nearMisses.size(),
                new HashSet<>(eventOf.values()).size(), items.size());
    }
}
