#!/usr/bin/env python3
# Compares the places of extracted events with a gold file's locations, on a stack that already
# holds the corpus (score.py loads it; for the seeds, ./newsgraph up loads them).
#
#   python3 benchmarks/places/locations.py --ingest http://localhost:8081 \
#       --entity http://localhost:8082 --gold ../shared/eval/dev/gold.json \
#       --corpus ../shared/eval/dev            # or --seeds seeds/ for the seed articles
#
# For every gold event whose location names a place or a country, the extracted events of the
# event's own articles with a compatible CAMEO root are looked at; per such event mention it counts
# whether it has a point, whether its country is the gold's and, when the gold names a place, whether
# the point is finer than a country and the names agree (one contains the other, accents and case
# aside). Nothing of the corpus is written anywhere.

import argparse
import json
import os
import sys
import unicodedata
import urllib.error
import urllib.request


def get(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.loads(r.read())


def plain(name):
    name = unicodedata.normalize("NFD", name or "").lower()
    return "".join(ch for ch in name if ch.isalnum() or ch == " ").strip()


def article_ids(args):
    """Gold article key -> stored article id, matched by URL (dev) or by text prefix (seeds)."""
    stored = []
    cursor = None
    while True:
        page = get(f"{args.ingest}/articles?limit=500" + (f"&cursor={cursor}" if cursor else ""))
        stored.extend(page["items"])
        cursor = page.get("nextCursor")
        if not cursor:
            break
    ids = {}
    if args.corpus:
        by_url = {a.get("url"): a["id"] for a in stored}
        for f in sorted(os.listdir(os.path.join(args.corpus, "articles"))):
            a = json.load(open(os.path.join(args.corpus, "articles", f), encoding="utf-8"))
            if a.get("url") in by_url:
                ids[a["id"]] = by_url[a["url"]]
    else:
        texts = {}
        for a in stored:
            full = get(f"{args.ingest}/articles/{a['id']}")
            texts[plain(full["text"])[:200]] = a["id"]
        for f in sorted(os.listdir(args.seeds)):
            text = open(os.path.join(args.seeds, f), encoding="utf-8").read()
            body = text.split("\n", 1)[1] if text.lstrip().startswith("date ") else text
            for prefix, id_ in texts.items():
                if prefix[:120] and prefix[:120] in plain(body):
                    ids[f.rsplit(".", 1)[0]] = id_
    return ids


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ingest", required=True)
    p.add_argument("--entity", required=True)
    p.add_argument("--gold", required=True)
    p.add_argument("--corpus")
    p.add_argument("--seeds")
    args = p.parse_args()
    gold = json.load(open(args.gold, encoding="utf-8"))
    ids = article_ids(args)
    totals = {
        "mentions": 0,
        "point": 0,
        "country": 0,
        "named": 0,
        "named_fine": 0,
        "named_same": 0,
        "with_place": 0,
        "with_place_point": 0,
        "with_place_country": 0,
    }
    for event in gold["events"]:
        location = event.get("location") or {}
        if not location.get("place") and not location.get("country"):
            continue
        roots = {event.get("cameo_root")} | set(event.get("cameo_alt") or [])
        for key in event.get("articles") or []:
            if key not in ids:
                continue
            try:
                annotations = get(f"{args.entity}/articles/{ids[key]}/annotations")
            except urllib.error.HTTPError as e:
                if e.code != 404:  # 404: skipped (another language) or not extracted
                    raise
                continue
            for e in annotations["events"]:
                if e["type"] not in roots:
                    continue
                at = e.get("location") or {}
                totals["mentions"] += 1
                has_point = at.get("lat") is not None
                totals["point"] += has_point
                totals["country"] += at.get("country") == location.get("country")
                if at.get("place"):
                    totals["with_place"] += 1
                    totals["with_place_point"] += has_point
                    totals["with_place_country"] += at.get("country") == location.get("country")
                line = f"{key} {event['key']}: gold {location} -> {at.get('place')} {at.get('country')} {at.get('precision')} {at.get('geonamesId')}"
                if location.get("place"):
                    totals["named"] += 1
                    fine = at.get("precision") in ("SITE", "CITY", "REGION")
                    totals["named_fine"] += fine
                    g, x = plain(location["place"]), plain(at.get("place"))
                    totals["named_same"] += bool(x) and (g in x or x in g)
                print(line)
    print(json.dumps(totals))
    m = max(totals["mentions"], 1)
    n = max(totals["named"], 1)
    print(
        f"event mentions {totals['mentions']}: with a point {totals['point'] / m:.2f},"
        f" right country {totals['country'] / m:.2f}; of the {totals['named']} whose gold names a"
        f" place: finer than a country {totals['named_fine'] / n:.2f}, same place name"
        f" {totals['named_same'] / n:.2f}"
    )
    w = max(totals["with_place"], 1)
    print(
        f"of the {totals['with_place']} that name a place: with a point"
        f" {totals['with_place_point'] / w:.2f}, right country {totals['with_place_country'] / w:.2f}"
    )


if __name__ == "__main__":
    sys.exit(main())
