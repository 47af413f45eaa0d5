"""Time article ingestion into the DuckDB store and a typical filtered query.

    PYTHONPATH=src python benchmarks/bench_store.py --articles 2000 --events 5

Prints articles/s and rows/s written (each article in its own transaction, as
`newsevents ingest` does), the time of a filtered `find_events` query, and
its ratio to a plain `SELECT count(*) FROM events` measured in this process.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsevents.records import (Actor, Article, Attribution, Event, Evidence, Mention, Quantity,
                                When, Where)
from newsevents.store import EventFilter, Store, find_events

COUNTRIES = ["PRK", "KOR", "RUS", "USA", "CHN", "JPN", "UKR", "IRN", "ISR", "FRA"]
TYPES = ["CONSULT", "SIGNAL", "MOBILIZE", "SANCTION", "AID", "ACCUSE", "REJECT", "AGREE"]
MODALITIES = ["asserted", "asserted", "asserted", "future", "negated", "hypothetical"]
PLACES = [("Pyongyang", "PRK", 39.03, 125.75), ("Seoul", "KOR", 37.57, 126.98),
          ("Moscow", "RUS", 55.75, 37.62), ("Washington", "USA", 38.9, -77.04),
          ("Beijing", "CHN", 39.9, 116.4)]
SOURCES = ["KCNA", "Yonhap", "TASS", "Reuters", "the foreign ministry"]


def synthetic_article(n: int, events_per_article: int, rng: random.Random):
    published = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
    sentence = "Officials of one country met officials of another in the capital, media said. "
    text = sentence * events_per_article
    article = Article(text=text, id=f"bench-{n}", title=f"Synthetic article {n}",
                      published=published, outlet=rng.choice(SOURCES), url=f"https://b.test/{n}")
    events, mentions = [], []
    for i in range(events_per_article):
        start = i * len(sentence)
        a, b = rng.sample(COUNTRIES, 2)
        actor = Actor(f"Leader of {a}", a, "GOV", id=f"person:leader-{a.lower()}")
        recipient = Actor(f"Ministry of {b}", b, "GOV")
        name, country, lat, lon = rng.choice(PLACES)
        day = published - timedelta(days=rng.randrange(3))
        events.append(Event(
            type=rng.choice(TYPES), evidence=Evidence(sentence.strip(), start, start + len(sentence) - 1),
            trigger="met", trigger_start=start + 25, trigger_end=start + 28,
            actor=(actor,), recipient=(recipient,),
            date=When(day, day, "on Monday", "day") if rng.random() < 0.8 else None,
            place=Where(name, country, None, lat, lon, name),
            quantities=(Quantity(rng.randrange(1, 500), "troops"),) if rng.random() < 0.3 else (),
            attribution=Attribution(rng.choice(SOURCES), a, "MED", "media said"),
            modality=rng.choice(MODALITIES), confidence=rng.random()).with_id(article.id))
        mentions.append(Mention("Officials", start, start + 9, i, "description", actor))
    return article, events, mentions


def timed(fn, repeats: int) -> float:
    """Median seconds of `repeats` calls, after one warm-up call."""
    fn()
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--events", type=int, default=5, help="events per article")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    batch = [synthetic_article(n, args.events, rng) for n in range(args.articles)]

    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.duckdb") as store:
        began, cpu_began = time.perf_counter(), time.process_time()
        for article, events, mentions in batch:
            store.add_article(article, events, mentions)
        seconds = time.perf_counter() - began
        cpu = time.process_time() - cpu_began
        counts = store.counts()
        rows = sum(counts.values()) - counts["actors"]
        # CPU time too: on a shared machine the wall time mostly measures the other jobs
        print(f"inserted {args.articles} articles, {counts['events']} events, {rows} rows "
              f"in {seconds:.2f} s: {args.articles / seconds:,.1f} articles/s, "
              f"{rows / seconds:,.0f} rows/s; CPU {cpu / args.articles * 1000:.1f} ms "
              f"per article")

        began = time.perf_counter()
        for article, events, mentions in batch[: min(200, len(batch))]:
            store.add_article(article, events, mentions)
        again = time.perf_counter() - began
        print(f"re-ingesting {min(200, len(batch))} stored articles: {again * 1000:.1f} ms "
              f"(unchanged: {store.counts() == counts})")

        flt = EventFilter(actor="prk", type="CONSULT", since=date(2021, 1, 1),
                          until=date(2023, 12, 31), limit=100)
        hits = len(find_events(store, flt))
        query = timed(lambda: find_events(store, flt), args.repeats)
        baseline = timed(lambda: store.scalar("SELECT count(*) FROM events"), args.repeats)
        print(f"find_events(actor=prk, type=CONSULT, 2021..2023, limit=100): {hits} rows, "
              f"{query * 1000:.2f} ms; SELECT count(*) baseline {baseline * 1000:.2f} ms; "
              f"ratio {query / baseline:.1f}x")


if __name__ == "__main__":
    main()
