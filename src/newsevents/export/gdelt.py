"""Event clusters as GDELT 2.0 event rows: tab-separated, the 61 columns in GDELT's order,
with a header row. One row per cluster, as GDELT has one row per event however many
articles mention it; the cluster's earliest mention (its seed) gives actors, codes and place.

Filled: GLOBALEVENTID (the first 15 hex digits of the cluster id, as an integer), SQLDATE,
MonthYear, Year, FractionDate, Actor1/2 Code (country and sector, CAMEO style: "PRKGOV"),
Name, CountryCode, Type1Code (sector); IsRootEvent (1 when the event is in the first
sentence); EventCode, EventBaseCode, EventRootCode (the CAMEO code of the PLOVER type
and mode); QuadClass (PLOVER quad category); GoldsteinScale (the conflict-cooperation
score); NumMentions, NumSources (outlets), NumArticles; ActionGeo Type (1 country, 2/3 US
state/city, 4 world city, 5 world region), FullName, CountryCode, Lat, Long,
FeatureID (GeoNames id); DATEADDED (first publication, YYYYMMDDHHMMSS); SOURCEURL (the
seed's article). Left empty: ethnic, religion and known-group codes, AvgTone, the
actors' own geography and ADM codes. Unlike GDELT, ActionGeo_CountryCode is the ISO 3166
alpha-2 code, not FIPS 10-4.
"""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pycountry

from ..quads import quad_of
from ..store.clusters import find_clusters
from ..store.queries import EVENT_SELECT, EventFilter, event_row
from ..store.store import Store

COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]


def _alpha2(alpha3: str | None) -> str:
    country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return country.alpha_2 if country else ""


def _actor_fields(n: int, actors: list[dict[str, Any]]) -> dict[str, Any]:
    if not actors:
        return {}
    first = actors[0]
    country, sector = first.get("country") or "", first.get("sector") or ""
    return {f"Actor{n}Code": country + sector, f"Actor{n}Name": (first.get("name") or "").upper(),
            f"Actor{n}CountryCode": country, f"Actor{n}Type1Code": sector}


def _geo_type(row: dict[str, Any]) -> int:
    if not row.get("place_admin1"):
        return 1
    region = (row.get("place_name") or "").casefold() == row["place_admin1"].casefold()
    if row.get("place_country") == "USA":
        return 2 if region else 3
    return 5 if region else 4


def gdelt_row(cluster: dict[str, Any], seed: dict[str, Any]) -> dict[str, Any]:
    day = cluster["date_start"] or seed.get("published")
    row: dict[str, Any] = {c: "" for c in COLUMNS}
    row["GLOBALEVENTID"] = int(cluster["id"][:15], 16)
    if day:
        row.update(SQLDATE=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"), Year=day.year,
                   FractionDate=f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}")
    row.update(_actor_fields(1, seed.get("actor") or []))
    row.update(_actor_fields(2, seed.get("recipient") or []))
    cameo = seed.get("cameo") or ""
    row.update(IsRootEvent=1 if (seed.get("evidence_start") or 0) == 0 else 0,
               EventCode=cameo, EventBaseCode=cameo[:3], EventRootCode=cameo[:2],
               QuadClass=quad_of(cluster["type"]) or "",
               GoldsteinScale="" if seed.get("score") is None else seed["score"],
               NumMentions=cluster["n_events"], NumSources=cluster["n_outlets"],
               NumArticles=cluster["n_articles"])
    if seed.get("place_name") or seed.get("place_country"):
        row.update(ActionGeo_Type=_geo_type(seed), ActionGeo_FullName=seed.get("place_name") or "",
                   ActionGeo_CountryCode=_alpha2(seed.get("place_country")),
                   ActionGeo_Lat="" if seed.get("lat") is None else seed["lat"],
                   ActionGeo_Long="" if seed.get("lon") is None else seed["lon"],
                   ActionGeo_FeatureID=seed.get("geonameid") or "")
    if cluster.get("first_published"):
        row["DATEADDED"] = cluster["first_published"].strftime("%Y%m%d000000")
    row["SOURCEURL"] = seed.get("url") or ""
    return row


def write_gdelt(store: Store, flt: EventFilter, out: Path,
                progress: Callable[[int], None] | None = None) -> int:
    clusters = find_clusters(store, flt)
    seeds = {r["id"]: event_row(r) for r in store.query(
        f"{EVENT_SELECT} WHERE e.id IN (SELECT unnest(?))",
        [[c["seed_event_id"] for c in clusters]])}
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t",
                                lineterminator="\n")
        writer.writeheader()
        for cluster in clusters:
            writer.writerow(gdelt_row(cluster, seeds[cluster["seed_event_id"]]))
    if progress:
        progress(len(clusters))
    return len(clusters)
