#!/usr/bin/env python3
"""Hot methods of a JFR recording (Java 17's jfr has no 'view'): reads jdk.ExecutionSample stacks
through `jfr print --json` and prints, as shares of the samples, the top methods by self time,
by inclusive time (a method counted once per stack it is on), and the Currents methods alone.

Usage: bench/jfr-hot.py FILE.jfr [--thread SUBSTRING] [--under METHOD_SUBSTRING] [--top N] [--depth N] [--event E]
  --thread  only samples of threads whose name contains it (e.g. poll-once, pool-)
  --under   only samples whose stack holds a frame containing it (e.g. EventIngest.ingest)
  --event   another event with a stack, weighted by its duration (e.g. jdk.ThreadPark: where threads wait)
"""
import argparse
import collections
import json
import subprocess


def frames(event, depth):
    out = []
    for f in event["values"]["stackTrace"]["frames"][:depth]:
        m = f["method"]
        out.append((m["type"]["name"] + "." + m["name"]).replace("/", "."))
    return out


def duration_ms(d):
    """JFR JSON durations look like 'PT0.012345S'."""
    if not d or not d.startswith("PT"):
        return 0
    d, ms = d[2:], 0.0
    for unit, scale in (("H", 3600e3), ("M", 60e3), ("S", 1e3)):
        if unit in d:
            n, d = d.split(unit, 1)
            ms += float(n) * scale
    return ms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--thread", default="")
    ap.add_argument("--under", default="")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--depth", type=int, default=200)
    ap.add_argument("--event", default="jdk.ExecutionSample")
    a = ap.parse_args()
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(a.depth), "--events", a.event,
                          a.file], check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    self_ = collections.Counter()
    incl = collections.Counter()
    ours = collections.Counter()
    threads = collections.Counter()
    total = 0
    for e in events:
        v = e["values"]
        thread = (v.get("sampledThread") or v.get("eventThread") or {}).get("javaName") or "?"
        w = duration_ms(v["duration"]) if "duration" in v else 1  # samples count 1, timed events their ms
        if a.thread not in thread:
            continue
        st = frames(e, a.depth)
        if a.under and not any(a.under in f for f in st):
            continue
        total += w
        threads[thread.rstrip("0123456789-")] += w
        if st:
            self_[st[0]] += w
        for f in set(st):
            incl[f] += w
            if f.startswith("org.currents.") and "$$Lambda" not in f and not f.startswith("org.currents.bench."):
                ours[f] += w
    all_samples = len(events)
    unit = "ms of " + a.event if events and "duration" in events[0]["values"] else a.event + " samples"
    print(f"{a.file}: {total:.0f} {unit} ({all_samples} events in the file)"
          + (f" (threads '{a.thread}')" if a.thread else "") + (f" (under '{a.under}')" if a.under else ""))
    print("threads: " + ", ".join(f"{t} {n * 100 / max(total, 1):.0f}%" for t, n in threads.most_common(6)))
    for title, c in (("self", self_), ("inclusive", incl), ("inclusive, org.currents", ours)):
        print(f"\n-- {title}")
        for m, n in c.most_common(a.top):
            print(f"{n * 100 / max(total, 1):5.1f}%  {m}")


if __name__ == "__main__":
    main()
