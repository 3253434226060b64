"""What a feed reader sees: each feed file named on the command line, read by feedparser, as JSON.

Prints {"<file>": {"version", "bozo", "title", "links", "entries": [...]}}, each entry with its
title, link, id, summary and its published and updated dates in UTC (RFC 3339), or null where
feedparser found none. The test asserts on it; this script only reports.
"""
import json
import sys
import time

import feedparser


def when(parsed):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def read(path):
    d = feedparser.parse(path)
    return {
        "version": d.get("version", ""),
        "bozo": bool(d.get("bozo")),
        "bozo_exception": str(d.get("bozo_exception", "")),
        "title": d.feed.get("title"),
        "links": [
            {"rel": l.get("rel"), "type": l.get("type"), "href": l.get("href")}
            for l in d.feed.get("links", [])
        ],
        "entries": [
            {
                "title": e.get("title"),
                "link": e.get("link"),
                "id": e.get("id"),
                "summary": e.get("summary"),
                "published": when(e.get("published_parsed")),
                "updated": when(e.get("updated_parsed")),
            }
            for e in d.entries
        ],
    }


print(json.dumps({p: read(p) for p in sys.argv[1:]}, indent=1, sort_keys=True))
