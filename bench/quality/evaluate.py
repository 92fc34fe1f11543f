#!/usr/bin/env python3
"""Event-merging quality of Currents, measured from outside.

Builds five outlets' feeds from the WCEP corpus and the hand-written reports in
bench/quality/data/*.json, serves them on 127.0.0.1, runs the real app over them
(`poll --once`, then `serve`), reads back the events it made through
/api/events?day= and the events' JSON pages, and scores the merging against the
known happenings: pair precision/recall, B-cubed, near misses merged, events
made, related recall@10. Twice: with the full feeds (HTML links to Wikipedia,
categories) and with text-only copies (no links, no categories).

Standard library only. Network traffic: loopback (127.0.0.1) only.
See docs/quality.md.
"""

import argparse
import email.utils
import glob
import hashlib
import html
import http.server
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTLETS = {  # key -> (title, feed file, format)
    "harbor": ("Harbor Times", "harbor.rss", "rss2"),
    "meridian": ("Meridian Wire", "meridian.atom", "atom"),
    "civic": ("Civic Dispatch", "civic.rdf", "rss1"),
    "northern": ("Northern Courier", "northern.json", "jsonfeed"),
    "lantern": ("The Daily Lantern", "lantern.rss", "rss2-content"),
}
OUTLET_KEYS = list(OUTLETS)
SPLITS = ("tune", "holdout", "unseen", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9")  # all but tune and holdout: written apart
# fresh2 to fresh9 reword happenings of the other files in other words (docs/quality.md): each is scored on its own.
DEFAULT_SPLITS = ("tune", "holdout", "unseen", "fresh")
FIRST_DAY, LAST_DAY = date(2018, 1, 8), date(2018, 1, 26)
VARIANTS = ("full", "text")
LOOPBACK = "127.0.0.1"


class RunBroke(Exception):
    """The run itself failed (the app did not start, a poll failed, ...): exit code 2."""


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def stable_hash(text):
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


# ---------------------------------------------------------------- the evaluation set

def is_genuine(r):
    return (r.get("duplicate_of") is None and not r.get("suspect_misdated")
            and not r.get("cross_day_duplicate_of") and bool(r.get("headline")))


class Corpus:
    """The WCEP records: the genuine events, and slug resolution to them."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.records = json.load(f)
        self.genuine = {r["slug"]: r for r in self.records if is_genuine(r)}
        self.by_key = {(r["date"], r["slug"]): r for r in self.records}
        self.by_slug = defaultdict(list)
        for r in self.records:
            self.by_slug[r["slug"]].append(r)

    def representative(self, day, slug):
        """The genuine event a (date, slug) names, following duplicate_of and cross_day_duplicate_of, or None."""
        r = self.by_key.get((day, slug)) or (self.by_slug.get(slug) or [None])[0]
        for _ in range(10):
            if r is None:
                return None
            if is_genuine(r):
                return r["slug"] if r["slug"] in self.genuine else None
            if r.get("duplicate_of"):
                r = self.by_key.get((r["date"], r["duplicate_of"])) or (self.by_slug.get(r["duplicate_of"]) or [None])[0]
            elif r.get("cross_day_duplicate_of"):
                d, _, s = r["cross_day_duplicate_of"].partition("/")
                r = self.by_key.get((d, s))
            else:
                return None
        return None

    def related_targets(self, slug):
        """Other genuine events that the WCEP page of `slug` lists as related."""
        out = []
        for rel in self.genuine[slug].get("related") or []:
            target = self.representative(rel.get("date"), rel.get("slug"))
            if target and target != slug and target not in out:
                out.append(target)
        return out


class Report:
    __slots__ = ("idx", "happening", "split", "outlet", "time", "headline", "summary", "links", "categories", "url",
                 "default")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


def default_report(rec):
    """The one report of an event that no data file writes about, made from its WCEP record."""
    slug = rec["slug"]
    h = stable_hash(slug)
    outlet = OUTLET_KEYS[h % len(OUTLET_KEYS)]
    d = date.fromisoformat(rec["date"])
    t = datetime(d.year, d.month, d.day, 6 + (h >> 8) % 16, (h >> 16) % 60, tzinfo=timezone.utc)
    return Report(happening=slug, split=None, outlet=outlet, time=t, headline=rec["headline"],
                  summary=rec.get("summary") or rec["headline"], links=list(rec.get("contexts") or []),
                  categories=[rec["story"]] if rec.get("story") else [],
                  url="https://%s.example/%04d/%02d/%02d/%s" % (outlet, d.year, d.month, d.day, slug[:60]), default=True)


def parse_time(value):
    t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
    return t.astimezone(timezone.utc)


def load_data(corpus, data_dir, warnings, splits=DEFAULT_SPLITS):
    """Happenings from bench/quality/data/*.json: {slug: (split, file, [report dicts])}, near misses per split.

    Files of a split not in `splits` are left out, so their happenings get default reports."""
    happenings, near_misses, files = {}, [], []
    for path in sorted(glob.glob(os.path.join(data_dir, "*.json"))):
        name = os.path.relpath(path, REPO)
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            raise RunBroke("%s is not readable JSON: %s" % (name, e))
        split = doc.get("split")
        if split not in SPLITS:
            warnings.append("%s: split must be one of %s, not %r; file skipped" % (name, ", ".join(SPLITS), split))
            continue
        if split not in splits:
            log("%s: split %s not selected (--splits); file left out" % (name, split))
            continue
        files.append({"file": name, "split": split})
        for i, hp in enumerate(doc.get("happenings") or []):
            slug = hp.get("wcep_slug")
            where = "%s happening %d (%s)" % (name, i, (slug or "?")[:50])
            if slug not in corpus.genuine:
                warnings.append("%s: wcep_slug is not one of the genuine WCEP events; skipped" % where)
                continue
            if slug in happenings:
                warnings.append("%s: already given in %s; skipped" % (where, happenings[slug][1]))
                continue
            reports, seen_outlets = [], set()
            for j, r in enumerate(hp.get("reports") or []):
                try:
                    outlet = r["outlet"]
                    if outlet not in OUTLETS:
                        raise ValueError("unknown outlet %r" % outlet)
                    if outlet in seen_outlets:
                        warnings.append("%s report %d: second report from %s" % (where, j, outlet))
                    seen_outlets.add(outlet)
                    t = parse_time(r["time"])
                    if not r.get("headline") or not re.match(r"https?://[^/\s]+", r.get("url") or ""):
                        raise ValueError("a headline and an http(s) url are required")
                    if hp.get("date") and t.date().isoformat() != hp["date"]:
                        warnings.append("%s report %d (note): time %s is not on the happening's date %s"
                                        % (where, j, r["time"], hp["date"]))
                    reports.append(dict(outlet=outlet, time=t, headline=r["headline"], summary=r.get("summary") or "",
                                        links=[x for x in r.get("links") or [] if x],
                                        categories=[x for x in r.get("categories") or [] if x], url=r["url"]))
                except (KeyError, ValueError, TypeError, AttributeError) as e:
                    warnings.append("%s report %d refused: %s" % (where, j, e))
            if hp.get("date") and hp["date"] != corpus.genuine[slug]["date"]:
                warnings.append("%s: date %s differs from the WCEP date %s" % (where, hp["date"],
                                                                            corpus.genuine[slug]["date"]))
            if not reports:
                warnings.append("%s: no usable report; the default report stays" % where)
                continue
            happenings[slug] = (split, name, reports)
        for nm in doc.get("near_misses") or []:
            a, b = nm.get("a"), nm.get("b")
            if a not in corpus.genuine or b not in corpus.genuine or a == b:
                warnings.append("%s: near miss %r / %r does not name two genuine events; skipped"
                                % (name, (a or "?")[:40], (b or "?")[:40]))
                continue
            near_misses.append({"a": a, "b": b, "why": nm.get("why", ""), "split": split, "file": name})
    return happenings, near_misses, files


def build_reports(corpus, happenings, warnings):
    reports, split_of = [], {}
    for slug, rec in corpus.genuine.items():
        if slug in happenings:
            split, _, given = happenings[slug]
            split_of[slug] = split
            for r in given:
                reports.append(Report(happening=slug, split=split, default=False, **r))
        else:
            split_of[slug] = None
            reports.append(default_report(rec))
    seen = {}
    for i, r in enumerate(reports):
        r.idx = i
        if r.url in seen:
            warnings.append("url %s is used by two reports (%s, %s); matching them back is ambiguous"
                            % (r.url, seen[r.url].happening[:40], r.happening[:40]))
        seen[r.url] = r
    return reports, split_of


# ---------------------------------------------------------------- the feeds

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text):
    return _XML_BAD.sub(" ", text or "")


def x(text):
    """Escaped for XML text and attribute values."""
    return html.escape(clean(text), quote=True)


def wiki_url(title):
    return "https://en.wikipedia.org/wiki/" + urllib.parse.quote(title.strip().replace(" ", "_"), safe="()',!:;@$*_-.~/")


def body_html(r, full):
    out = "<p>%s</p>" % x(r.summary)
    if full and r.links:
        out += "<p>Background: %s</p>" % ", ".join('<a href="%s">%s</a>' % (x(wiki_url(t)), x(t)) for t in r.links)
    return out


def item_id(r):
    return hashlib.sha1(("%s|%s" % (r.outlet, r.url)).encode("utf-8")).hexdigest()[:16]


def rfc822(t):
    return email.utils.format_datetime(t.astimezone(timezone.utc), usegmt=True)


def iso(t):
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def cdata(text):
    return "<![CDATA[" + clean(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def write_feed(outlet, items, full, self_url):
    title, _, fmt = OUTLETS[outlet]
    site = "https://%s.example/" % outlet
    desc = "%s: the news as it happens" % title
    items = sorted(items, key=lambda r: (r.time, r.url), reverse=True)
    updated = max((r.time for r in items), default=datetime(2018, 1, 8, tzinfo=timezone.utc))
    cats = (lambda r: r.categories) if full else (lambda r: [])
    if fmt == "jsonfeed":
        doc = {"version": "https://jsonfeed.org/version/1.1", "title": title, "home_page_url": site,
               "feed_url": self_url, "description": desc, "language": "en", "authors": [{"name": title}],
               "items": []}
        for r in items:
            it = {"id": "%s-%s" % (outlet, item_id(r)), "url": r.url, "title": clean(r.headline),
                  "content_html": body_html(r, full), "date_published": iso(r.time)}
            if cats(r):
                it["tags"] = [clean(c) for c in cats(r)]
            doc["items"].append(it)
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    out = ['<?xml version="1.0" encoding="utf-8"?>']
    if fmt == "atom":
        out.append('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')
        out.append("<title>%s</title><subtitle>%s</subtitle>" % (x(title), x(desc)))
        out.append('<id>tag:%s.example,2018:feed</id>' % outlet)
        out.append('<link rel="self" type="application/atom+xml" href="%s"/>' % x(self_url))
        out.append('<link rel="alternate" type="text/html" href="%s"/>' % x(site))
        out.append("<updated>%s</updated><author><name>%s</name></author>" % (iso(updated), x(title)))
        for r in items:
            out.append("<entry>")
            out.append("<id>tag:%s.example,2018:%s</id>" % (outlet, item_id(r)))
            out.append("<title>%s</title>" % x(r.headline))
            out.append('<link rel="alternate" type="text/html" href="%s"/>' % x(r.url))
            out.append("<published>%s</published><updated>%s</updated>" % (iso(r.time), iso(r.time)))
            out.extend('<category term="%s"/>' % x(c) for c in cats(r))
            out.append('<content type="html">%s</content>' % x(body_html(r, full)))
            out.append("</entry>")
        out.append("</feed>")
    elif fmt == "rss1":
        out.append('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/">')
        out.append('<channel rdf:about="%s"><title>%s</title><link>%s</link><description>%s</description>'
                   % (x(self_url), x(title), x(site), x(desc)))
        out.append("<dc:date>%s</dc:date><dc:language>en</dc:language>" % iso(updated))
        out.append("<items><rdf:Seq>%s</rdf:Seq></items></channel>"
                   % "".join('<rdf:li rdf:resource="%s"/>' % x(r.url) for r in items))
        for r in items:
            out.append('<item rdf:about="%s">' % x(r.url))
            out.append("<title>%s</title><link>%s</link>" % (x(r.headline), x(r.url)))
            out.append("<description>%s</description>" % x(body_html(r, full)))
            out.append("<dc:date>%s</dc:date><dc:identifier>%s-%s</dc:identifier>" % (iso(r.time), outlet, item_id(r)))
            out.extend("<dc:subject>%s</dc:subject>" % x(c) for c in cats(r))
            out.append("</item>")
        out.append("</rdf:RDF>")
    else:  # rss2, rss2-content
        out.append('<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
                   'xmlns:content="http://purl.org/rss/1.0/modules/content/">')
        out.append("<channel><title>%s</title><link>%s</link><description>%s</description>"
                   % (x(title), x(site), x(desc)))
        out.append('<language>en</language><lastBuildDate>%s</lastBuildDate>' % rfc822(updated))
        out.append('<atom:link href="%s" rel="self" type="application/rss+xml"/>' % x(self_url))
        for r in items:
            out.append("<item><title>%s</title><link>%s</link>" % (x(r.headline), x(r.url)))
            out.append('<guid isPermaLink="false">%s:%s</guid>' % (outlet, item_id(r)))
            out.append("<pubDate>%s</pubDate>" % rfc822(r.time))
            if fmt == "rss2":
                out.append("<description>%s</description>" % x(body_html(r, full)))
            else:
                out.append("<description>%s</description>" % x(r.summary))
                out.append("<content:encoded>%s</content:encoded>" % cdata(body_html(r, full)))
            out.extend("<category>%s</category>" % x(c) for c in cats(r))
            out.append("</item>")
        out.append("</channel></rss>")
    return ("\n".join(out) + "\n").encode("utf-8")


def write_feeds(reports, feed_dir, base_url):
    """Writes feed_dir/{full,text}/<outlet feed>; checks each is well-formed. Returns {variant: {outlet: url}}."""
    import xml.etree.ElementTree as ET
    urls = {}
    by_outlet = defaultdict(list)
    for r in reports:
        by_outlet[r.outlet].append(r)
    for variant in VARIANTS:
        os.makedirs(os.path.join(feed_dir, variant), exist_ok=True)
        urls[variant] = {}
        for outlet, (_, fname, fmt) in OUTLETS.items():
            url = "%s%s/%s" % (base_url, variant, fname)
            data = write_feed(outlet, by_outlet[outlet], variant == "full", url)
            if fmt == "jsonfeed":
                json.loads(data)
            else:
                ET.fromstring(data)  # raises on anything not well-formed
            with open(os.path.join(feed_dir, variant, fname), "wb") as f:
                f.write(data)
            urls[variant][outlet] = url
    return urls


class FeedHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {".rss": "application/rss+xml", ".atom": "application/atom+xml", ".rdf": "application/rdf+xml",
                      ".json": "application/feed+json", "": "application/octet-stream"}

    def log_message(self, format, *args):
        pass


def start_feed_server(feed_dir):
    handler = lambda *a, **kw: FeedHandler(*a, directory=feed_dir, **kw)  # noqa: E731
    server = http.server.ThreadingHTTPServer((LOOPBACK, 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="feeds", daemon=True).start()
    return server, "http://%s:%d/" % (LOOPBACK, server.server_address[1])


# ---------------------------------------------------------------- running the app

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get_json(url, timeout=30):
    if urllib.parse.urlsplit(url).hostname != LOOPBACK:
        raise RunBroke("refusing to fetch %s: only %s is ever contacted" % (url, LOOPBACK))
    with NO_PROXY.open(url, timeout=timeout) as resp:
        return json.loads(resp.read().decode("utf-8"))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def app_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("CURRENTS_")}
    env["CURRENTS_LOG_LEVEL"] = os.environ.get("CURRENTS_LOG_LEVEL", "INFO")
    return env


def tail(path, n=40):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-n:])
    except OSError:
        return ""


def run_app(jar, variant, feed_urls, work, out_dir, java):
    """Polls the five feeds once into a fresh database, serves it, and reads every event back."""
    config, data = os.path.join(work, variant, "config"), os.path.join(work, variant, "data")
    os.makedirs(config)
    os.makedirs(data)
    port = free_port()
    with open(os.path.join(config, "currents.properties"), "w", encoding="utf-8") as f:
        f.write("# written by bench/quality/evaluate.py\n"
                "host=%s\nsite.url=http://%s:%d/\nfetch.allow=%s\nfetch.file-roots=feeds\n"
                "poll.interval=24h\npoll.min-interval=24h\npoll.max-interval=24h\n" % (LOOPBACK, LOOPBACK, port, LOOPBACK))
    with open(os.path.join(config, "sources.opml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><head><title>Currents quality '
                'evaluation (%s)</title></head><body>\n' % variant)
        for outlet, (title, _, _) in OUTLETS.items():
            f.write('<outline type="rss" text="%s" title="%s" xmlUrl="%s" htmlUrl="https://%s.example/"/>\n'
                    % (x(title), x(title), x(feed_urls[outlet]), outlet))
        f.write("</body></opml>\n")
    common = ["--config", config, "--data", data]
    poll_log = os.path.join(out_dir, "%s-poll.log" % variant)
    with open(poll_log, "w") as lf:
        rc = subprocess.run(java + ["-jar", jar, "poll", "--once"] + common, stdout=lf, stderr=subprocess.STDOUT,
                            env=app_env(), cwd=REPO, timeout=900).returncode
    if rc != 0:
        raise RunBroke("poll --once exited with %d (%s):\n%s" % (rc, poll_log, tail(poll_log)))
    serve_log = os.path.join(out_dir, "%s-serve.log" % variant)
    lf = open(serve_log, "w")
    proc = subprocess.Popen(java + ["-jar", jar, "serve"] + common + ["--port", str(port)], stdout=lf,
                            stderr=subprocess.STDOUT, env=app_env(), cwd=REPO)
    base = "http://%s:%d/" % (LOOPBACK, port)
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RunBroke("serve exited with %d before answering (%s):\n%s" % (proc.returncode, serve_log,
                                                                                  tail(serve_log)))
            try:
                with NO_PROXY.open(base + "healthz", timeout=5) as resp:
                    if resp.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise RunBroke("serve did not answer /healthz within 120 s (%s):\n%s" % (serve_log, tail(serve_log)))
            time.sleep(0.3)
        events = []
        d = FIRST_DAY
        while d <= LAST_DAY:
            try:
                listing = get_json("%sapi/events?day=%s" % (base, d.isoformat()))
            except urllib.error.HTTPError as e:
                raise RunBroke("/api/events?day=%s answered %d: %s" % (d, e.code, e.read()[:300]))
            for ev in listing.get("events", []):
                page_url = ev["json"]
                if urllib.parse.urlsplit(page_url).netloc != urllib.parse.urlsplit(base).netloc:
                    parts = urllib.parse.urlsplit(page_url)
                    page_url = base.rstrip("/") + parts.path
                page = get_json(page_url)
                events.append({"id": ev["id"], "url": ev["url"], "day": d.isoformat(), "headline": ev["headline"],
                               "sources": ev.get("sources") or [],
                               "related": [r.get("url") for r in page.get("related") or []],
                               "contexts": [c.get("name") for c in page.get("contexts") or []]})
            d += timedelta(days=1)
        return events
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                log("serve did not stop within 60 s of SIGTERM; killing it (pid %d)" % proc.pid)
                proc.kill()
                proc.wait()
        lf.close()


# ---------------------------------------------------------------- scoring

def ratio(a, b):
    return a / b if b else None


def f1(p, r):
    if p is None or r is None or p + r == 0:
        return None
    return 2 * p * r / (p + r)


_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid)$", re.I)


def canonical_url(url):
    """The form two reports of one article share: lower-case scheme and host, no default port, no fragment,
    no tracking parameters (utm_*, fbclid, gclid)."""
    try:
        p = urllib.parse.urlsplit(url.strip())
        host = (p.hostname or "").lower()
        port = p.port
    except ValueError:
        return url
    scheme = p.scheme.lower()
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else "%s:%d" % (host, port)
    query = "&".join(q for q in p.query.split("&") if q and not _TRACKING.match(q.split("=", 1)[0]))
    return urllib.parse.urlunsplit((scheme, netloc, p.path or "/", query, ""))


def assign(reports, events, warnings):
    """Report index -> event id (reports the app lost get a cluster of their own: 'lost:<idx>').

    A report is the source of an event with its outlet's name and its article URL, as published or in
    canonical form (the app strips tracking parameters); failing that, the one event listing that URL."""
    by_key, by_url = {}, defaultdict(set)
    for ev in events:
        for s in ev["sources"]:
            url = s.get("url")
            if url:
                for u in {url, canonical_url(url)}:
                    by_key.setdefault((s.get("name"), u), ev["id"])
                    by_url[u].add(ev["id"])
    cluster, lost = {}, []
    for r in reports:
        title = OUTLETS[r.outlet][0]
        ev = by_key.get((title, r.url)) or by_key.get((title, canonical_url(r.url)))
        for u in (r.url, canonical_url(r.url)):
            if ev is None and len(by_url.get(u, ())) == 1:
                ev = next(iter(by_url[u]))
        if ev is None:
            lost.append(r.idx)
            ev = "lost:%d" % r.idx
        cluster[r.idx] = ev
    if lost:
        warnings.append("%d report(s) not found in any event (scored as events of their own)" % len(lost))
    return cluster, lost


def score(reports, split_of, near_misses, corpus, events, cluster, lost, split=None):
    """Figures over the items of `split` (None: all)."""
    inside = (lambda r: True) if split is None else (lambda r: r.split == split)
    items = [r for r in reports if inside(r)]
    members = defaultdict(list)  # event -> report indexes (all reports)
    for r in reports:
        members[cluster[r.idx]].append(r.idx)
    gold = defaultdict(list)
    for r in reports:
        gold[r.happening].append(r.idx)
    in_split = {r.idx for r in items}

    gold_pairs = {(a, b) for idxs in gold.values() for a, b in itertools.combinations(sorted(idxs), 2)
                  if a in in_split or b in in_split}
    pred_pairs = {(a, b) for idxs in members.values() for a, b in itertools.combinations(sorted(idxs), 2)
                  if a in in_split or b in in_split}
    correct = gold_pairs & pred_pairs
    p, rc = ratio(len(correct), len(pred_pairs)), ratio(len(correct), len(gold_pairs))

    bp = br = 0.0
    for r in items:
        pred_c, gold_c = set(members[cluster[r.idx]]), set(gold[r.happening])
        both = len(pred_c & gold_c)
        bp += both / len(pred_c)
        br += both / len(gold_c)
    bp, br = ratio(bp, len(items)), ratio(br, len(items))

    nms = [nm for nm in near_misses if split is None or nm["split"] == split]
    merged_nm = []
    for nm in nms:
        ea = {cluster[i] for i in gold[nm["a"]]}
        eb = {cluster[i] for i in gold[nm["b"]]}
        if ea & eb:
            merged_nm.append(nm)

    happenings = {r.happening for r in items}
    made = {cluster[r.idx] for r in items}

    # related recall@10
    url_to_event = {ev["url"]: ev for ev in events}
    happenings_of_event = defaultdict(set)
    for r in reports:
        happenings_of_event[cluster[r.idx]].add(r.happening)
    per_event, found_total, target_total = [], 0, 0
    related_missed = []
    for slug in sorted(happenings):
        targets = corpus.related_targets(slug)
        if not targets:
            continue
        counts = Counter(cluster[i] for i in gold[slug])
        first = {cluster[i]: n for n, i in reversed(list(enumerate(gold[slug])))}
        main = max(counts, key=lambda e: (counts[e], -first[e]))
        ev = next((e for e in events if e["id"] == main), None)
        seen = set()
        for url in (ev["related"] if ev else [])[:10]:
            target_ev = url_to_event.get(url)
            if target_ev:
                seen |= happenings_of_event[target_ev["id"]]
        found = [t for t in targets if t in seen]
        for t in targets:
            if t not in seen:
                t_counts = Counter(cluster[i] for i in gold[t])
                t_ev = next((e for e in events if e["id"] == max(t_counts, key=t_counts.get)), None)
                shared = sorted(set(ev["contexts"] if ev else []) & set(t_ev["contexts"] if t_ev else []))
                related_missed.append({"happening": slug, "target": t, "event": ev["url"] if ev else main,
                                       "same_event": bool(ev and t_ev and ev["id"] == t_ev["id"]),
                                       "shared_contexts": shared})
        per_event.append(len(found) / len(targets))
        found_total += len(found)
        target_total += len(targets)

    return {
        "items": len(items),
        "happenings": len(happenings),
        "events_made": len(made),
        "reports_lost": len([i for i in lost if i in in_split]),
        "pairs_gold": len(gold_pairs),
        "pairs_merged": len(pred_pairs),
        "pairs_correct": len(correct),
        "pair_precision": p,
        "pair_recall": rc,
        "pair_f1": f1(p, rc),
        "bcubed_precision": bp,
        "bcubed_recall": br,
        "bcubed_f1": f1(bp, br),
        "near_misses": len(nms),
        "near_misses_merged": len(merged_nm),
        "near_misses_merged_list": [{"a": nm["a"], "b": nm["b"], "why": nm["why"]} for nm in merged_nm],
        "related_events_scored": len(per_event),
        "related_recall_at_10": ratio(sum(per_event), len(per_event)),
        "related_recall_at_10_micro": ratio(found_total, target_total),
        "_related_missed": related_missed,
        "_missed": sorted(gold_pairs - pred_pairs),
        "_wrong": sorted(pred_pairs - gold_pairs),
    }


def diagnosis(variant, reports, corpus, figures, cluster, lost, events):
    rep = {r.idx: r for r in reports}
    ev_by_id = {e["id"]: e for e in events}
    out = ["=" * 100, "variant: %s" % variant, "=" * 100, ""]

    def line(i):
        r = rep[i]
        e = cluster[i]
        where = "LOST" if e.startswith("lost:") else (ev_by_id[e]["url"] if e in ev_by_id else e)
        return "    [%s %s] %s\n        -> %s" % (r.outlet, iso(r.time), r.headline, where)

    fig = figures["overall"]
    out.append("MISSED PAIRS (same happening, different events): %d" % len(fig["_missed"]))
    by_h = defaultdict(set)
    for a, b in fig["_missed"]:
        by_h[rep[a].happening].update((a, b))
    for h in sorted(by_h, key=lambda s: corpus.genuine[s]["date"]):
        out.append("  %s %s (%s)" % (corpus.genuine[h]["date"], h[:90], rep[min(by_h[h])].split))
        out.extend(line(i) for i in sorted(by_h[h]))
    out.append("")
    out.append("WRONG MERGES (different happenings, one event): %d pairs" % len(fig["_wrong"]))
    wrong_events = defaultdict(set)
    for a, b in fig["_wrong"]:
        wrong_events[cluster[a]].update((a, b))
    for e in sorted(wrong_events):
        ev = ev_by_id.get(e)
        out.append("  event %s  %s" % (ev["url"] if ev else e, (ev or {}).get("headline", "")[:100]))
        for i in sorted(wrong_events[e], key=lambda i: rep[i].happening):
            r = rep[i]
            out.append("    happening %s (%s): [%s] %s" % (r.happening[:60], r.split or "default", r.outlet, r.headline))
    out.append("")
    out.append("NEAR MISSES MERGED: %d of %d" % (fig["near_misses_merged"], fig["near_misses"]))
    for nm in fig["near_misses_merged_list"]:
        out.append("  %s\n  %s\n    why apart: %s" % (nm["a"][:90], nm["b"][:90], nm["why"]))
    out.append("")
    out.append("RELATED EVENTS MISSED (a WCEP Related entry not among the first 10 of the happening's event): %d"
               % len(fig["_related_missed"]))
    for m in fig["_related_missed"]:
        why = ("its reports are in the same event" if m["same_event"] else
               "no context in common" if not m["shared_contexts"] else "in common: " + ", ".join(m["shared_contexts"]))
        out.append("  %s (%s)\n    -> %s: %s" % (m["happening"][:80], corpus.genuine[m["happening"]]["date"],
                                                m["target"][:80], why))
    out.append("")
    out.append("REPORTS NOT FOUND IN ANY EVENT: %d" % len(lost))
    out.extend("    [%s] %s %s" % (rep[i].outlet, rep[i].url, rep[i].headline) for i in lost)
    out.append("")
    return out


# ---------------------------------------------------------------- output

ROWS = [
    ("items (reports)", "items", "d"),
    ("happenings", "happenings", "d"),
    ("events made", "events_made", "d"),
    ("reports lost", "reports_lost", "d"),
    ("pairs: gold / merged / correct", None, "pairs"),
    ("pair precision", "pair_precision", "f"),
    ("pair recall", "pair_recall", "f"),
    ("pair F1", "pair_f1", "f"),
    ("B-cubed precision", "bcubed_precision", "f"),
    ("B-cubed recall", "bcubed_recall", "f"),
    ("B-cubed F1", "bcubed_f1", "f"),
    ("near misses merged", None, "nm"),
    ("related recall@10 (events)", None, "rel"),
]


def cell(fig, key, kind):
    if kind == "pairs":
        return "%d / %d / %d" % (fig["pairs_gold"], fig["pairs_merged"], fig["pairs_correct"])
    if kind == "nm":
        return "%d of %d" % (fig["near_misses_merged"], fig["near_misses"]) if fig["near_misses"] else "n/a"
    if kind == "rel":
        v = fig["related_recall_at_10"]
        return "n/a" if v is None else "%.3f (%d)" % (v, fig["related_events_scored"])
    v = fig[key]
    if v is None:
        return "n/a"
    return "%d" % v if kind == "d" else "%.3f" % v


def table(variant, figures):
    cols = ["overall"] + [s for s in SPLITS if figures.get(s) and figures[s]["items"]]
    lines = ["", "variant: %s%s" % (variant, " (HTML links to Wikipedia, categories)" if variant == "full"
                                     else " (text only: no links, no categories)")]
    w0 = max(len(r[0]) for r in ROWS)
    lines.append("  %-*s  %s" % (w0, "", "  ".join("%-20s" % c for c in cols)))
    for label, key, kind in ROWS:
        lines.append("  %-*s  %s" % (w0, label, "  ".join("%-20s" % cell(figures[c], key, kind) for c in cols)))
    for c in cols:
        for nm in figures[c]["near_misses_merged_list"] if c != "overall" else []:
            lines.append("  near miss merged (%s): %s / %s" % (c, nm["a"][:50], nm["b"][:50]))
    return "\n".join(lines)


def public(fig):
    return {k: v for k, v in fig.items() if not k.startswith("_")}


def main(argv=None):
    ap = argparse.ArgumentParser(description="Event-merging quality of Currents over locally served feeds "
                                             "(see docs/quality.md).")
    ap.add_argument("--jar", default=os.path.join(REPO, "target", "currents.jar"))
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus", "wcep", "events.json"))
    ap.add_argument("--data-dir", default=os.path.join(REPO, "bench", "quality", "data"))
    ap.add_argument("--out", default=os.path.join(REPO, "target", "quality"))
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated: full,text")
    ap.add_argument("--splits", default=",".join(DEFAULT_SPLITS),
                    help="comma-separated data-file splits to load (default %s; fresh2 alone: --splits fresh2)"
                    % ",".join(DEFAULT_SPLITS))
    ap.add_argument("--keep", action="store_true", help="keep the temporary config and data directories")
    ap.add_argument("--java", default="java", help="java command (extra JVM flags after it, space-separated)")
    ap.add_argument("--min-precision", type=float, help="exit 1 if a variant's overall pair precision is lower")
    ap.add_argument("--min-recall", type=float, help="exit 1 if a variant's overall pair recall is lower")
    args = ap.parse_args(argv)
    variants = [v for v in args.variants.split(",") if v]
    if any(v not in VARIANTS for v in variants):
        ap.error("--variants takes full and/or text")
    splits = [s for s in args.splits.split(",") if s]
    if any(s not in SPLITS for s in splits):
        ap.error("--splits takes %s" % ", ".join(SPLITS))
    if not os.path.isfile(args.jar):
        raise RunBroke("%s is missing; build it with mvn -B -q -DskipTests package (bench/quality/run.sh does)"
                       % args.jar)

    warnings = []
    corpus = Corpus(args.corpus)
    happenings, near_misses, files = load_data(corpus, args.data_dir, warnings, splits)
    reports, split_of = build_reports(corpus, happenings, warnings)
    log("evaluation set: %d happenings, %d reports; %d from data files (%s), %d near misses"
        % (len(corpus.genuine), len(reports), sum(1 for r in reports if not r.default),
           ", ".join("%s=%s" % (f["file"], f["split"]) for f in files) or "none", len(near_misses)))

    os.makedirs(args.out, exist_ok=True)
    feed_dir = os.path.join(args.out, "feeds")
    shutil.rmtree(feed_dir, ignore_errors=True)
    os.makedirs(feed_dir)
    server, base = start_feed_server(feed_dir)
    work = tempfile.mkdtemp(prefix="currents-quality-")
    results = {"generated": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
               "corpus": os.path.relpath(os.path.abspath(args.corpus), REPO), "data_files": files,
               "happenings": len(corpus.genuine), "reports": len(reports), "near_misses": len(near_misses),
               "variants": {}}
    diag = []
    failed_threshold = False
    try:
        feed_urls = write_feeds(reports, feed_dir, base)
        for variant in variants:
            log("%s: polling %d feeds from %s%s/ ..." % (variant, len(OUTLETS), base, variant))
            t0 = time.monotonic()
            events = run_app(args.jar, variant, feed_urls[variant], work, args.out, args.java.split())
            with open(os.path.join(args.out, "%s-events.json" % variant), "w", encoding="utf-8") as f:
                json.dump(events, f, indent=1, ensure_ascii=False)
            vwarn = []
            cluster, lost = assign(reports, events, vwarn)
            figures = {"overall": score(reports, split_of, near_misses, corpus, events, cluster, lost)}
            for s in SPLITS:
                figures[s] = score(reports, split_of, near_misses, corpus, events, cluster, lost, split=s)
            figures["overall"]["events_listed"] = len(events)
            diag.extend(diagnosis(variant, reports, corpus, figures, cluster, lost, events))
            results["variants"][variant] = {k: public(v) for k, v in figures.items()}
            results["variants"][variant]["seconds"] = round(time.monotonic() - t0, 1)
            results["variants"][variant]["warnings"] = vwarn
            print(table(variant, figures), flush=True)
            for w in vwarn:
                print("  warning: " + w)
            o = figures["overall"]
            if args.min_precision is not None and (o["pair_precision"] or 0) < args.min_precision and o["pairs_merged"]:
                failed_threshold = True
            if args.min_recall is not None and o["pair_recall"] is not None and o["pair_recall"] < args.min_recall:
                failed_threshold = True
    finally:
        server.shutdown()
        server.server_close()
        if args.keep:
            log("kept config and data directories under %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)

    results["warnings"] = warnings
    with open(os.path.join(args.out, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(args.out, "diagnosis.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(diag) + "\n")
    if warnings:
        print("\ndata warnings (%d):" % len(warnings))
        for w in warnings:
            print("  " + w)
    print("\nfigures: %s\nmissed pairs, wrong merges, near misses merged: %s"
          % (os.path.relpath(os.path.join(args.out, "results.json")), os.path.relpath(os.path.join(args.out,
                                                                                                  "diagnosis.txt"))))
    return 1 if failed_threshold else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RunBroke as e:
        log("evaluation run broke: %s" % e)
        sys.exit(2)
