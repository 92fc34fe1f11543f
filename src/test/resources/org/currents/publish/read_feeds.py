"""Reads feed URLs (one per line on stdin) with Python's feedparser and prints one JSON line each."""
import json
import sys

import feedparser

for line in sys.stdin:
    url = line.strip()
    if not url:
        continue
    d = feedparser.parse(url)
    print(json.dumps({
        "url": url,
        "bozo": bool(d.bozo),
        "error": str(d.get("bozo_exception", "")),
        "version": d.version,
        "title": d.feed.get("title", ""),
        "entries": len(d.entries),
        "related": sum(1 for e in d.entries for l in e.get("links", []) if l.get("rel") == "related"),
        "titled": sum(1 for e in d.entries if e.get("title")),
        "linked": sum(1 for e in d.entries if e.get("link", "").startswith("http")),
        "prev_archive": next((l.get("href") for l in d.feed.get("links", []) if l.get("rel") == "prev-archive"), None),
        "ids": [e.get("id", "") for e in d.entries],
    }), flush=True)
