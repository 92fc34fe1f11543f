#!/usr/bin/env python3
"""Writes the demo's sample source feeds from real Current Events Portal events.

Six fictional outlets publish the events of ../shared/corpus/wcep/events.json (2018-01-10 to
2018-01-23) in RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1. Every event appears in one
outlet's feed; some also appear in a second outlet's feed, reworded, as when two outlets report
the same thing. A few items carry hostile HTML (scripts, handlers, javascript: links) on purpose.

Run from the project directory: python3 feeds/generate.py [path/to/events.json]
The output is deterministic: the same input gives byte-identical files.
"""
import hashlib
import json
import os
import sys
from datetime import datetime, timedelta, timezone
from urllib.parse import quote
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
STORY_SCHEME = "https://currents.example/story"

OUTLETS = [
    # file, format, title, site
    ("world-wire.rss", "rss", "World Wire", "https://worldwire.example/"),
    ("metro-ledger.rss", "rss-content", "The Metro Ledger", "https://metroledger.example/"),
    ("civic-observer.atom", "atom", "Civic Observer", "https://civicobserver.example/"),
    ("planet-report.atom", "atom-base", "Planet Report", "https://planetreport.example/"),
    ("open-bulletin.rdf", "rdf", "Open Bulletin", "https://openbulletin.example/"),
    ("news-digest.json", "json", "News Digest", "https://newsdigest.example/"),
]

HOSTILE = [
    '<script>alert("owned")</script>',
    '<img src="https://tracker.example/p.gif" width="1" height="1" onerror="alert(1)">',
    '<a href="javascript:alert(document.cookie)" onclick="steal()">Read more</a>',
    '<style>body{display:none}</style><iframe src="https://evil.example/"></iframe>',
]


def h(text):
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], 16)


def wiki(title):
    return "https://en.wikipedia.org/wiki/" + quote(title.replace(" ", "_"), safe="_()',-.")


def load(path):
    with open(path, encoding="utf-8") as f:
        records = json.load(f)
    events = [r for r in records if r.get("duplicate_of") is None and not r.get("suspect_misdated")
              and not r.get("cross_day_duplicate_of") and r.get("headline")]
    return sorted(events, key=lambda r: (r["date"], r["slug"]))


def reword(headline):
    """Another outlet's wording: the first clause kept, reordered punctuation, different casing."""
    text = headline.rstrip(".")
    for sep in (", ", "; ", " – ", " - "):
        head, _, tail = text.partition(sep)
        if tail and len(head.split()) >= 0.6 * len(text.split()):
            text = head
            break
    return text[0].upper() + text[1:] if text else headline


def items_for(events):
    """(outlet index, event, variant) triples: a primary report each, plus second reports of some."""
    out = []
    for e in events:
        primary = h(e["slug"]) % len(OUTLETS)
        out.append((primary, e, 0))
        if h("dup:" + e["slug"]) % 4 == 0 and e.get("summary"):
            out.append(((primary + 1 + h("o:" + e["slug"]) % (len(OUTLETS) - 1)) % len(OUTLETS), e, 1))
    return out


def when(e, variant):
    day = datetime.strptime(e["date"], "%Y-%m-%d").replace(tzinfo=timezone.utc)
    minutes = 6 * 60 + h(e["slug"]) % (14 * 60) + variant * (45 + h("v" + e["slug"]) % 120)
    return day + timedelta(minutes=min(minutes, 23 * 60 + 50))


def article(e, outlet, variant):
    sources = [s for s in e.get("sources") or [] if s.get("url")]
    if variant == 1 and len(sources) > 1:
        return sources[1]["url"]
    if sources and (variant == 0 or h("link" + e["slug"]) % 2 == 0):
        return sources[0]["url"]
    return OUTLETS[outlet][3] + "news/" + e["date"].replace("-", "/") + "/" + e["slug"][:60]


def body_html(e, variant, hostile):
    parts = []
    summary = e.get("summary") or ""
    if variant == 1 and summary.endswith("…"):
        summary = summary.rsplit(" ", 1)[0] + "…"
    parts.append("<p>" + escape(summary or e["headline"]) + "</p>")
    names = ([e["story"]] if e.get("story") else []) + [c for c in e.get("contexts") or [] if c != e.get("story")]
    if names:
        parts.append("<p>Background: " + ", ".join(
            '<a href="%s">%s</a>' % (escape(wiki(n), {'"': "&quot;"}), escape(n)) for n in names) + "</p>")
    sources = [s for s in e.get("sources") or [] if s.get("url") and s.get("name")]
    if sources:
        parts.append("<p>Sources: " + ", ".join(
            '<a href="%s">%s</a>' % (escape(s["url"], {'"': "&quot;"}), escape(s["name"])) for s in sources) + "</p>")
    if hostile is not None:
        parts.append(HOSTILE[hostile])
    return "".join(parts)


def categories(e, outlet_site):
    """(term, scheme) pairs: the story marked as such, then up to three other contexts."""
    cats = []
    if e.get("story"):
        cats.append((e["story"], STORY_SCHEME))
    others = [c for c in e.get("contexts") or [] if c != e.get("story")]
    for c in others[:3]:
        cats.append((c, None if h(c) % 2 else outlet_site + "topics"))
    return cats


def rfc822(d, offset_hours):
    tz = timezone(timedelta(hours=offset_hours))
    return d.astimezone(tz).strftime("%a, %d %b %Y %H:%M:%S ") + ("%+03d00" % offset_hours)


def iso(d):
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def x(text):
    return escape(text, {'"': "&quot;"})


def write_rss(outlet, entries, content_encoded):
    file, _, title, site = OUTLETS[outlet]
    last = max(when(e, v) for e, v, _ in entries)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"'
           ' xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
           "<channel>", "<title>%s</title>" % x(title), "<link>%s</link>" % site,
           "<description>%s: world news as it happens</description>" % x(title), "<language>en-us</language>",
           "<lastBuildDate>%s</lastBuildDate>" % rfc822(last, 0), "<generator>Currents sample generator</generator>",
           '<atom:link href="%sfeed.rss" rel="self" type="application/rss+xml"/>' % site, "<ttl>30</ttl>"]
    for e, variant, hostile in sorted(entries, key=lambda t: when(t[0], t[1]), reverse=True):
        d = when(e, variant)
        link = article(e, outlet, variant)
        headline = e["headline"] if variant == 0 else reword(e["headline"])
        html = body_html(e, variant, hostile)
        out.append("<item>")
        out.append("<title>%s</title>" % x(headline))
        out.append("<link>%s</link>" % x(link))
        if content_encoded:
            out.append('<guid isPermaLink="true">%s</guid>' % x(link))
            out.append("<description>%s</description>" % x(e.get("summary") or headline))
            out.append("<content:encoded><![CDATA[%s]]></content:encoded>" % html.replace("]]>", "]]&gt;"))
            out.append("<dc:creator>%s staff</dc:creator>" % x(title))
        else:
            out.append('<guid isPermaLink="false">%s-%d</guid>' % (file.split(".")[0], h(e["slug"]) % 10**9))
            out.append("<description>%s</description>" % x(html))
        out.append("<pubDate>%s</pubDate>" % rfc822(d, [0, -5, 1][h(e["slug"]) % 3]))
        for term, scheme in categories(e, site):
            out.append(('<category domain="%s">%s</category>' % (x(scheme), x(term))) if scheme
                       else "<category>%s</category>" % x(term))
        if e.get("cover_image"):
            if content_encoded:
                out.append('<enclosure url="%s" length="%d" type="image/jpeg"/>'
                           % (x(e["cover_image"]), 20000 + h(e["cover_image"]) % 200000))
            else:
                out.append('<media:content url="%s" medium="image"/>' % x(e["cover_image"]))
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def write_atom(outlet, entries, relative):
    file, _, title, site = OUTLETS[outlet]
    last = max(when(e, v) for e, v, _ in entries)
    base = ' xml:base="%s"' % site if relative else ""
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"%s>' % base,
           "<title>%s</title>" % x(title), "<subtitle>Reporting from everywhere</subtitle>",
           "<id>tag:%s,2018:feed</id>" % site.split("/")[2], "<updated>%s</updated>" % iso(last),
           '<link rel="alternate" type="text/html" href="%s"/>' % site,
           '<link rel="self" type="application/atom+xml" href="%sfeed.atom"/>' % site,
           "<author><name>%s newsroom</name></author>" % x(title), "<generator>Currents sample generator</generator>"]
    for e, variant, hostile in sorted(entries, key=lambda t: when(t[0], t[1]), reverse=True):
        d = when(e, variant)
        link = article(e, outlet, variant)
        if relative and link.startswith(site) :
            link = link[len(site):]
        headline = e["headline"] if variant == 0 else reword(e["headline"])
        html = body_html(e, variant, hostile)
        if relative and e.get("cover_image") and h("img" + e["slug"]) % 2:
            html = '<p><img src="%s" alt=""></p>' % x(e["cover_image"]) + html
        out.append("<entry>")
        out.append("<id>tag:%s,%s:%s</id>" % (site.split("/")[2], e["date"], h(e["slug"]) % 10**9))
        out.append('<title type="text">%s</title>' % x(headline))
        out.append('<link rel="alternate" type="text/html" href="%s"/>' % x(link))
        out.append("<published>%s</published>" % iso(d))
        out.append("<updated>%s</updated>" % iso(d))
        out.append('<summary type="text">%s</summary>' % x(e.get("summary") or headline))
        out.append('<content type="html">%s</content>' % x(html))
        for term, scheme in categories(e, site):
            out.append('<category term="%s"%s/>' % (x(term), ' scheme="%s"' % x(scheme) if scheme else ""))
        if e.get("cover_image") and relative:
            out.append('<media:thumbnail url="%s"/>' % x(e["cover_image"]))
        out.append("</entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


def write_rdf(outlet, entries):
    file, _, title, site = OUTLETS[outlet]
    ordered = sorted(entries, key=lambda t: when(t[0], t[1]), reverse=True)
    links = [article(e, outlet, v) for e, v, _ in ordered]
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"'
           ' xmlns:dc="http://purl.org/dc/elements/1.1/">',
           '<channel rdf:about="%sfeed.rdf">' % site, "<title>%s</title>" % x(title), "<link>%s</link>" % site,
           "<description>%s: public-interest news</description>" % x(title), "<dc:language>en</dc:language>",
           "<items><rdf:Seq>"] + ['<rdf:li rdf:resource="%s"/>' % x(l) for l in links] + ["</rdf:Seq></items>", "</channel>"]
    for (e, variant, hostile), link in zip(ordered, links):
        headline = e["headline"] if variant == 0 else reword(e["headline"])
        out.append('<item rdf:about="%s">' % x(link))
        out.append("<title>%s</title>" % x(headline))
        out.append("<link>%s</link>" % x(link))
        out.append("<description>%s</description>" % x(body_html(e, variant, hostile)))
        out.append("<dc:date>%s</dc:date>" % iso(when(e, variant)))
        for term, _ in categories(e, site):
            out.append("<dc:subject>%s</dc:subject>" % x(term))
        out.append("</item>")
    out += ["</rdf:RDF>", ""]
    return "\n".join(out)


def write_json(outlet, entries):
    file, _, title, site = OUTLETS[outlet]
    items = []
    for e, variant, hostile in sorted(entries, key=lambda t: when(t[0], t[1]), reverse=True):
        item = {"id": "%s%d" % (site, h(e["slug"]) % 10**9), "url": article(e, outlet, variant),
                "title": e["headline"] if variant == 0 else reword(e["headline"]),
                "content_html": body_html(e, variant, hostile), "summary": e.get("summary") or e["headline"],
                "date_published": iso(when(e, variant)), "authors": [{"name": title + " desk"}],
                "tags": [t for t, _ in categories(e, site)]}
        if e.get("cover_image"):
            item["image"] = e["cover_image"]
        items.append(item)
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": title, "home_page_url": site,
            "feed_url": site + "feed.json", "description": title + ": the day's news in brief", "language": "en",
            "authors": [{"name": title}], "items": items}
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "corpus", "wcep", "events.json")
    events = load(source)
    per_outlet = {i: [] for i in range(len(OUTLETS))}
    hostile_left = list(range(len(HOSTILE)))
    for n, (outlet, e, variant) in enumerate(items_for(events)):
        hostile = hostile_left.pop(0) if hostile_left and n % 37 == 5 else None
        per_outlet[outlet].append((e, variant, hostile))
    for i, (file, fmt, _, _) in enumerate(OUTLETS):
        entries = per_outlet[i]
        if fmt == "rss":
            text = write_rss(i, entries, False)
        elif fmt == "rss-content":
            text = write_rss(i, entries, True)
        elif fmt == "atom":
            text = write_atom(i, entries, False)
        elif fmt == "atom-base":
            text = write_atom(i, entries, True)
        elif fmt == "rdf":
            text = write_rdf(i, entries)
        else:
            text = write_json(i, entries)
        with open(os.path.join(HERE, file), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print("%-22s %3d items (%d second reports)" % (file, len(entries), sum(1 for _, v, _ in entries if v)))


if __name__ == "__main__":
    main()
