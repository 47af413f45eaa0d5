"""Time and peak memory of extracting one article, against its length (10k to 1M characters).

Each length runs in a fresh child process (so peak memory is that article's alone), with
the pipeline loaded before the clock starts. The ratio column is time per character
against the 10,000-character run of the same benchmark: flat means linear growth.

    python benchmarks/bench_long_articles.py [--lengths 10000,30000,...]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date

LENGTHS = (10_000, 30_000, 100_000, 300_000, 1_000_000)
ACTORS = ["Russia", "Ukraine", "China", "Japan", "France", "Germany", "Iran", "Israel", "Turkey",
          "North Korea", "South Korea", "the United States", "India", "Pakistan", "Egypt",
          "Brazil", "the European Union", "NATO", "the United Nations", "Poland"]
ACTS = ["condemned", "met with", "signed an agreement with", "accused", "sent aid to",
        "imposed sanctions on", "threatened", "held talks with", "attacked", "praised"]
PLACES = ["Paris", "Geneva", "Kyiv", "Moscow", "Beijing", "Tokyo", "Cairo", "Warsaw", "Ankara"]
DAYS = ["on Monday", "on Tuesday", "last week", "on Friday", "in March", "yesterday"]
FILLER = ["Markets were calm and trading was light in the afternoon.",
          "The weather in the region stayed cold, with snow expected later in the week.",
          "Analysts said the figures were in line with expectations.",
          "Officials did not give further details about the schedule.",
          "Local newspapers carried the story on their front pages."]


def article_text(chars: int, seed: int = 0) -> str:
    """Invented wire copy: paragraphs of event sentences and filler, `chars` long."""
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.4:
                sentences.append(rng.choice(FILLER))
            else:
                a, b = rng.sample(ACTORS, 2)
                sentence = (f"{a} {rng.choice(ACTS)} {b} in {rng.choice(PLACES)} "
                            f"{rng.choice(DAYS)}, officials said.")
                sentences.append(sentence[0].upper() + sentence[1:])
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs)[:chars]


def run_one(chars: int) -> dict:
    """In the child: load, warm up, then time one article of `chars` characters."""
    from newsevents.extraction import default_pipeline
    from newsevents.records import Article
    pipeline = default_pipeline()
    list(pipeline.run([Article(text=article_text(3000, seed=1), published=date(2025, 3, 1))]))
    loaded_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    article = Article(text=article_text(chars), published=date(2025, 3, 1))
    wall, cpu = time.perf_counter(), time.process_time()
    [(_, doc)] = list(pipeline.run([article]))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"chars": chars, "seconds": wall, "cpu_seconds": cpu, "events": len(doc._.events),
            "loaded_mb": loaded_mb,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default=",".join(map(str, LENGTHS)))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    rows = []
    for chars in (int(n) for n in args.lengths.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(chars)], check=True,
                             capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    base = rows[0]["cpu_seconds"] / rows[0]["chars"]
    print(f"{'characters':>12} {'seconds':>8} {'cpu s':>7} {'ms/1k chars':>11} "
          f"{'x per char vs first':>19} {'events':>7} {'peak MB':>8} {'above loaded':>12}")
    for row in rows:
        per_char = row["cpu_seconds"] / row["chars"]
        print(f"{row['chars']:>12,} {row['seconds']:>8.1f} {row['cpu_seconds']:>7.1f} "
              f"{per_char * 1e6:>11.1f} {per_char / base:>19.2f} {row['events']:>7} "
              f"{row['peak_mb']:>8.0f} {row['peak_mb'] - row['loaded_mb']:>12.0f}")


if __name__ == "__main__":
    main()
