"""End-to-end throughput and peak memory of the default pipeline against spaCy alone.

    PYTHONPATH=src python benchmarks/bench_pipeline.py --articles 100

Times `default_pipeline().events(...)` (parse plus every newsevents component)
and the bare `nlp.pipe(...)` of the same articles in this process, after one
warm-up batch that also builds the lazy caches, and prints articles/s,
ms/article and their ratio. Memory: the process's peak RSS, and the peak of
Python allocations (tracemalloc) during a second, smaller pipeline run.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc

from bench_actors import sample_articles


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--traced", type=int, default=20,
                        help="articles in the tracemalloc run (tracing slows Python down)")
    args = parser.parse_args()

    from datetime import date

    from newsevents.extraction import default_pipeline
    from newsevents.records import Article

    published = date(2025, 7, 13)
    articles = [Article(text=t, id=f"bench-{i}", published=published)
                for i, t in enumerate(sample_articles(args.articles))]
    n = len(articles)

    rss_before_load = _peak_rss_mb()
    start = time.perf_counter()
    pipeline = default_pipeline()
    list(pipeline.events(articles[:4]))  # warm-up: data files, automata, gazetteers
    setup_s = time.perf_counter() - start
    rss_after_setup = _peak_rss_mb()

    texts = [a.text for a in articles]
    start = time.perf_counter()
    docs = list(pipeline.nlp.pipe(texts, batch_size=pipeline.batch_size))
    parse_s = time.perf_counter() - start

    start = time.perf_counter()
    events = sum(len(found) for _, found in pipeline.events(articles))
    full_s = time.perf_counter() - start
    del docs

    tracemalloc.start()
    list(pipeline.events(articles[:args.traced]))
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"{n} articles, {sum(len(t) for t in texts) / n:.0f} characters each on average; "
          f"{events / n:.1f} events/article")
    print(f"setup (spaCy load, data, first batch) {setup_s:.2f} s")
    print(f"{'run':<26}{'articles/s':>12}{'ms/article':>12}{'ratio':>8}")
    print(f"{'spaCy parse only':<26}{n / parse_s:>12.1f}{1000 * parse_s / n:>12.2f}{1.0:>8.2f}")
    print(f"{'default pipeline':<26}{n / full_s:>12.1f}{1000 * full_s / n:>12.2f}"
          f"{full_s / parse_s:>8.2f}")
    print(f"components' share of pipeline time {(full_s - parse_s) / full_s:.0%}")
    rss = _peak_rss_mb()
    print(f"peak RSS {rss:.0f} MB (before loading {rss_before_load:.0f} MB, after setup "
          f"{rss_after_setup:.0f} MB; ratio to pre-load {rss / rss_before_load:.2f})")
    print(f"tracemalloc peak during {min(args.traced, n)} articles: "
          f"{traced_peak / (1024 * 1024):.1f} MB")


if __name__ == "__main__":
    main()
