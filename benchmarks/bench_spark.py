"""Spark local[2] throughput against the single-process path, on the same input.

    PYTHONPATH=src python benchmarks/bench_spark.py --articles 400

Writes the articles (bench_actors.sample_articles, ~840 characters each) to one JSONL
file, then times in this process:
  single process  `jobs.extract_articles(jobs.read_inputs([file]))` plus the Parquet
                  rows of its events, with the pipeline loaded and warmed beforehand;
  Spark local[2]  `spark_extract(file, out)` on a session started beforehand: reading,
                  the pipeline per partition and writing the four Parquet datasets; once
                  cold (each worker loads the models) and once warm (the same workers,
                  models loaded: the steady state of a long job).
and prints articles/s of each and their ratio. On a cluster the ratio grows with the
executors; here the two workers share the machine's two cores.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench_actors import sample_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()

    from newsevents import jobs
    from newsevents.exchange import event_rows
    from newsevents.extraction import default_pipeline
    from newsevents.records import Article
    from newsevents.spark import local_session, spark_extract

    folder = Path(tempfile.mkdtemp(prefix="bench-spark-"))
    source = folder / "articles.jsonl"
    texts = sample_articles(args.articles)
    with source.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            handle.write(json.dumps({"id": f"bench-{i}", "published": "2025-07-13",
                                     "text": text}) + "\n")
    n = len(texts)

    list(default_pipeline().events([Article(text=t) for t in texts[:4]]))   # load and warm up
    errors = []
    start = time.perf_counter()
    single_events = 0
    for article, events, _ in jobs.extract_articles(jobs.read_inputs([str(source)]),
                                                   errors.append):
        single_events += len(event_rows(article, events))
    single_s = time.perf_counter() - start

    start = time.perf_counter()
    spark = local_session(args.master, "newsevents-bench")
    session_s = time.perf_counter() - start
    try:
        start = time.perf_counter()
        report = spark_extract(str(source), str(folder / "cold"), spark)
        cold_s = time.perf_counter() - start
        start = time.perf_counter()      # the workers keep their models: steady state
        spark_extract(str(source), str(folder / "warm"), spark)
        warm_s = time.perf_counter() - start
    finally:
        spark.stop()

    spark_events = report.counts.get("events", 0)
    print(f"{n} articles, {single_events} events (Spark: {report.counts.get('articles', 0)} "
          f"articles, {spark_events} events)")
    print(f"single process      : {n / single_s:6.1f} articles/s ({single_s:.1f} s)")
    print(f"Spark {args.master} cold: {n / cold_s:6.1f} articles/s ({cold_s:.1f} s: workers load "
          f"the models; after a {session_s:.1f} s session start)")
    print(f"Spark {args.master} warm: {n / warm_s:6.1f} articles/s ({warm_s:.1f} s: the same "
          f"workers again)")
    print(f"ratio Spark / single process: cold {single_s / cold_s:.2f}, warm {single_s / warm_s:.2f}")


if __name__ == "__main__":
    main()
