"""Query latency and clustering throughput on a store of synthetic events.

    PYTHONPATH=src python benchmarks/bench_queries.py --events 1000000

Builds a DuckDB store of N events (5 per article, 40 countries, 16 PLOVER types, six
years, places and sources) with bulk SQL, fills event_facts and clusters every event from scratch
(rebuild_clusters), then times the query layer as the CLI and API call it: filtered
event pages (limit 100), cluster pages, timelines and networks, each repeated, and
prints p50/p95 with their ratio to one scan of one events column timed in the same process. Last, it stores new articles one by one (each writing its facts and re-clustering its neighbourhood)
and prints that rate. Targets: event queries p95 <= 50 ms; timeline and network p95 <= 200 ms.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsevents.analysis.clusters import rebuild_clusters
from newsevents.quads import QUAD_OF_TYPE
from newsevents.records import Actor, Article, Attribution, Event, Evidence, When, Where
from newsevents.store import (EventFilter, Store, find_clusters, find_events, network,
                              timeline)
from newsevents.store.facts import sync_facts

TYPES = sorted(t for t in QUAD_OF_TYPE if t not in ("DEMAND", "DISAPPROVE", "INVESTIGATE",
                                                    "FIGHT"))
COUNTRIES = ["PRK", "KOR", "RUS", "UKR", "USA", "CHN", "JPN", "IRN", "ISR", "FRA", "DEU", "GBR",
             "IND", "PAK", "TUR", "SYR", "IRQ", "SAU", "EGY", "ETH", "SDN", "NGA", "BRA", "MEX",
             "COL", "VEN", "CUB", "POL", "BLR", "GEO", "ARM", "AZE", "KAZ", "AFG", "MMR", "THA",
             "VNM", "PHL", "IDN", "AUS"]
PLACES = [("Pyongyang", "PRK", "Pyongyang", 39.03, 125.75), ("Seoul", "KOR", "Seoul", 37.57, 126.98),
          ("Moscow", "RUS", "Moscow", 55.75, 37.62), ("Kharkiv", "UKR", "Kharkivska", 49.99, 36.23),
          ("Kyiv", "UKR", "Kyiv City", 50.45, 30.52), ("Beijing", "CHN", "Beijing", 39.9, 116.4),
          ("Washington", "USA", "District of Columbia", 38.9, -77.04)]
SOURCES = ["KCNA", "Yonhap", "TASS", "Reuters", "the foreign ministry", "officials", "AP"]
OUTLETS = ["Yonhap", "Reuters", "AP", "AFP", "TASS", "Kyiv Independent", "NK News", "BBC"]
START = date(2019, 1, 1)
DAYS = 6 * 365


def _list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def _pick(values: list[str], salt: str) -> str:
    """A deterministic pseudo-random element for row i (DuckDB's hash of i and a salt)."""
    return f"list_extract({_list(values)}, (hash(i, '{salt}') % {len(values)})::INTEGER + 1)"


def build(store: Store, n_events: int) -> None:
    """Articles, events and their actors as bulk INSERT ... SELECT over range()."""
    n_articles = max(1, n_events // 5)
    con = store._con         # bulk load: the benchmark's setup, not the code under test
    con.execute(f"""
        INSERT INTO articles (id, title, published, outlet, url, text, content_hash, ingested_at)
        SELECT 'a' || i, 'Synthetic article ' || i,
               DATE '{START}' + (hash(i, 'day') % {DAYS})::INTEGER,
               {_pick(OUTLETS, 'outlet')}, 'https://bench.test/' || i,
               'Synthetic text ' || i, 'h' || i, now()
        FROM range({n_articles}) t(i)""")
    places = ", ".join(f"('{n}', '{c}', '{a}', {la}, {lo})" for n, c, a, la, lo in PLACES)
    con.execute(f"""
        CREATE TEMP TABLE draws AS
        SELECT i, 'a' || (i // 5) AS article_id, {_pick(TYPES, 'type')} AS type,
               {_pick(COUNTRIES[:12], 'actor')} AS actor, {_pick(COUNTRIES, 'recipient')} AS recipient,
               (hash(i, 'lag') % 4)::INTEGER AS lag, hash(i, 'place') % {len(PLACES) * 3} AS place,
               hash(i, 'dated') % 10 AS dated, {_pick(SOURCES, 'source')} AS source,
               {_pick(['asserted'] * 6 + ['future', 'negated', 'hypothetical'], 'mod')} AS modality
        FROM range({n_events}) t(i)""")
    con.execute(f"""
        INSERT INTO events (id, article_id, type, cameo, score, actor, recipient, date_start,
                            date_end, date_text, date_granularity, place_name, place_country,
                            place_admin1, lat, lon, quantities, attribution_name,
                            attribution_country, modality, evidence, evidence_start,
                            evidence_end, trigger, trigger_start, trigger_end, confidence)
        SELECT 'e' || d.i, d.article_id, d.type, '04', (hash(d.i, 's') % 200)::DOUBLE / 10 - 10,
               '[{{"name": "Gov"}}]', '[{{"name": "Gov"}}]',
               CASE WHEN d.dated < 8 THEN a.published - d.lag END,
               CASE WHEN d.dated < 8 THEN a.published - d.lag END,
               'on Monday', 'day', p.name, p.country, p.admin1, p.lat, p.lon, '[]',
               d.source, d.actor, d.modality, 'Synthetic evidence.', (d.i % 5) * 80,
               (d.i % 5) * 80 + 60, 'met', (d.i % 5) * 80 + 10, (d.i % 5) * 80 + 13,
               (hash(d.i, 'c') % 100)::DOUBLE / 100
        FROM draws d JOIN articles a ON a.id = d.article_id
        LEFT JOIN (SELECT row_number() OVER () - 1 AS k, * FROM (VALUES {places})
                   v(name, country, admin1, lat, lon)) p ON p.k = d.place""")
    con.execute("""
        INSERT INTO event_actors (event_id, role, position, actor_id, name, country)
        SELECT 'e' || i, 'actor', 0, 'country:' || actor, 'Government of ' || actor, actor
        FROM draws UNION ALL
        SELECT 'e' || i, 'recipient', 0, 'country:' || recipient, 'Government of ' || recipient,
               recipient FROM draws WHERE recipient <> actor""")
    con.execute("DROP TABLE draws")
    con.execute("CHECKPOINT")


def percentiles(fn, repeats: int) -> tuple[float, float]:
    """p50 and p95 in milliseconds of `repeats` calls after one warm-up."""
    fn()
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1,
                                                   round(0.95 * (len(samples) - 1)))]


def new_article(n: int) -> tuple[Article, list[Event]]:
    published = START + timedelta(days=n % DAYS)
    text = "Officials of one country met officials of another in the capital, media said."
    article = Article(text=text, id=f"new-{n}", published=published, outlet="Reuters")
    event = Event(type=TYPES[n % len(TYPES)], evidence=Evidence(text, 0, len(text)),
                  trigger="met", trigger_start=23, trigger_end=26,
                  actor=(Actor("Government of PRK", "PRK", "GOV", id="country:PRK"),),
                  recipient=(Actor("Government of RUS", "RUS", "GOV", id="country:RUS"),),
                  date=When(published, published, "Monday", "day"),
                  place=Where("Moscow", "RUS", "Moscow", 55.75, 37.62, "Moscow"),
                  attribution=Attribution("TASS", "RUS", "MED", "media said"))
    return article, [event.with_id(article.id)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--new-articles", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "q.duckdb") as store:
        began = time.perf_counter()
        build(store, args.events)
        print(f"built {store.counts()['events']:,} events in "
              f"{store.counts()['articles']:,} articles: {time.perf_counter() - began:.1f} s")

        began = time.perf_counter()
        with store.transaction():
            sync_facts(store)
        print(f"event_facts (the narrow table filters read) for every event: "
              f"{time.perf_counter() - began:.1f} s")

        began = time.perf_counter()
        with store.transaction():
            clustered = rebuild_clusters(store)
        seconds = time.perf_counter() - began
        n_clusters = store.scalar("SELECT count(*) FROM event_clusters")
        print(f"clustering from scratch: {clustered:,} events into {n_clusters:,} clusters in "
              f"{seconds:.1f} s = {clustered / seconds:,.0f} events/s")

        baseline = "SELECT count(*) FROM events WHERE score > 0"     # one scan of one column
        base50, base95 = percentiles(lambda: store.scalar(baseline), args.repeats)
        print(f"baseline `{baseline}`: p50 {base50:.2f} ms, p95 {base95:.2f} ms")
        cases = [
            ("events", "no filter, first page", lambda: find_events(store, EventFilter(limit=100))),
            ("events", "actor=PRK", lambda: find_events(store, EventFilter(actor="PRK", limit=100))),
            ("events", "actor=PRK recipient=RUS type=AID",
             lambda: find_events(store, EventFilter(actor="PRK", recipient="RUS", type="AID",
                                                    limit=100))),
            ("events", "type=ASSAULT 2023, page 5",
             lambda: find_events(store, EventFilter(type="ASSAULT", since="2023-01-01",
                                                    until="2023-12-31", limit=100, offset=400))),
            ("events", "place=kharkiv source=tass modality=negated",
             lambda: find_events(store, EventFilter(place="kharkiv", source="tass",
                                                    modality="negated", limit=100))),
            ("clusters", "min_sources=2, first page",
             lambda: find_clusters(store, EventFilter(limit=100), min_sources=2)),
            ("clusters", "actor=PRK type=AID",
             lambda: find_clusters(store, EventFilter(actor="PRK", type="AID", limit=100))),
            ("timeline", "month by type, everything", lambda: timeline(store)),
            ("timeline", "week by quad, actor=RUS",
             lambda: timeline(store, EventFilter(actor="RUS"), "week", "quad")),
            ("timeline", "day, 2024", lambda: timeline(store, EventFilter(since="2024-01-01",
                                                                          until="2024-12-31"),
                                                       "day", None)),
            ("network", "countries, everything", lambda: network(store)),
            ("network", "countries, type=ASSAULT 2024",
             lambda: network(store, EventFilter(type="ASSAULT", since="2024-01-01",
                                                until="2024-12-31"))),
        ]
        print(f"\n| query | case | p50 ms | p95 ms | p95 / baseline |\n|---|---|---|---|---|")
        for kind, label, fn in cases:
            p50, p95 = percentiles(fn, args.repeats)
            print(f"| {kind} | {label} | {p50:.1f} | {p95:.1f} | {p95 / base95:.0f}x |")

        articles = [new_article(n) for n in range(args.new_articles)]
        began = time.perf_counter()
        for article, events in articles:
            store.add_article(article, events)
        seconds = time.perf_counter() - began
        print(f"\nstoring {len(articles)} new articles, each writing its facts and re-clustering its neighbourhood: "
              f"{len(articles) / seconds:,.1f} articles/s ({seconds / len(articles) * 1000:.1f} "
              "ms each)")


if __name__ == "__main__":
    main()
