"""Throughput of full extraction against a bare spaCy parse of the same texts, and the
peak memory of a streaming ingest.

    PYTHONPATH=src python benchmarks/throughput.py CORPUS.jsonl [--repeat 3] [--workers 2]
                                                   [--ingest 10000]

CORPUS.jsonl holds one article per line with a `text` (and optionally `id`,
`published`, `title`). In this one process, after a warm-up, each round times:

  bare parse          nlp.pipe of the texts with the project's spaCy pipeline
  extraction          every step of `newsevents extract`, in this process: the
                      first pass, the parse of the sentences it selects, all components
  every sentence      the same with every sentence parsed (no first pass)
  extraction, N procs the same as `extract --workers N` runs it (with --workers N > 1)

and prints articles/s and words/s of each (the median of the rounds), their wall
time and process CPU time as ratios to the bare parse, the share of tokens the first
pass sends to the parser, and the peak RSS of this process. Ratios in CPU time are
steadier than wall time on a machine shared with other jobs; workers are measured
in wall time only (their point is to use more cores).

`--ingest N` then writes N distinct articles (each the first half of one corpus
text and the second half of another), runs `newsevents ingest` on them into a new
database in a child process and samples the memory of it and its workers: the
peak of their summed RSS and of their summed PSS (shared pages counted once), and
the peak PSS in each tenth of the run, to tell memory that stays flat from memory
that grows with the articles read.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def read_corpus(path: str):
    from newsevents.records import Article
    articles = []
    with open(path, encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            try:
                published = date.fromisoformat(str(record.get("published"))[:10])
            except ValueError:
                published = None
            articles.append(Article(text=record["text"], id=str(record.get("id") or n),
                                    title=record.get("title"), published=published))
    return articles


def timed(run) -> tuple[float, float]:
    """Wall and CPU seconds of run(), CPU of this process and of waited-for children."""
    before = os.times()
    wall = time.perf_counter()
    run()
    wall = time.perf_counter() - wall
    after = os.times()
    cpu = (after.user - before.user + after.system - before.system
           + after.children_user - before.children_user
           + after.children_system - before.children_system)
    return wall, cpu


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(corpus: str, repeat: int, workers: int) -> None:
    from newsevents.extraction import default_pipeline
    from newsevents.parallel import extract_here, extract_in_workers

    articles = read_corpus(corpus)
    texts = [a.text for a in articles]
    n, words = len(articles), sum(len(t.split()) for t in texts)
    pipeline = default_pipeline()
    nlp = pipeline.nlp

    def bare() -> None:
        for _ in nlp.pipe(texts, batch_size=pipeline.batch_size):
            pass

    def extraction() -> None:
        for _ in extract_here(articles):
            pass

    def every_sentence() -> None:
        for _ in pipeline.run(articles, every_sentence=True):
            pass

    def in_workers() -> None:
        for _ in extract_in_workers(iter(articles), workers):
            pass

    # Warm-up: data files, automata, gazetteers, the first pass's tables.
    list(extract_here(articles[:4]))
    list(pipeline.run(articles[:4], every_sentence=True))
    runs = {"bare parse": bare, "extraction": extraction, "every sentence": every_sentence}
    if workers > 1:
        runs[f"extraction, {workers} procs"] = in_workers
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            times[name].append(timed(run))

    first_pass = pipeline._selective_parse.first_pass
    tokens = parsed = 0
    for text in texts:
        doc = nlp.make_doc(text)
        tokens += len(doc)
        parsed += first_pass.plan(doc).parsed_tokens

    print(f"{n} articles, {words:,} words ({words / n:.0f} per article) from {corpus}; "
          f"median of {repeat} rounds")
    print(f"first pass: {parsed / tokens:.0%} of tokens go to the tagger, parser and NER")
    bare_wall = statistics.median(w for w, _ in times["bare parse"])
    bare_cpu = statistics.median(c for _, c in times["bare parse"])
    print(f"{'run':<24}{'articles/s':>11}{'words/s':>10}{'wall s':>8}{'ratio':>7}"
          f"{'cpu s':>8}{'ratio':>7}")
    for name, measured in times.items():
        wall = statistics.median(w for w, _ in measured)
        cpu = statistics.median(c for _, c in measured)
        cpu_cells = ("" if name.endswith("procs") else f"{cpu:>8.1f}{cpu / bare_cpu:>7.2f}")
        print(f"{name:<24}{n / wall:>11.1f}{words / wall:>10.0f}{wall:>8.1f}"
              f"{wall / bare_wall:>7.2f}{cpu_cells}")
    print(f"peak RSS of this process: {peak_rss_mb():.0f} MB")


# --- streaming ingest --------------------------------------------------------------------

def write_ingest_corpus(corpus: str, count: int, path: Path) -> None:
    """`count` distinct articles: the first half of one text and the second half of another."""
    articles = read_corpus(corpus)
    halves = []
    for article in articles:
        text = article.text
        cut = text.find(". ", len(text) // 2)
        cut = cut + 2 if cut > 0 else len(text) // 2
        halves.append((text[:cut], text[cut:], article.published))
    k = len(halves)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            first = halves[i % k]
            second = halves[(i // k + 1 + i) % k]
            record = {"id": f"bench-{i}", "text": first[0] + second[1],
                      "published": first[2].isoformat() if first[2] else None}
            out.write(json.dumps(record) + "\n")


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo.extend(int(c) for c in children.read().split())
        except OSError:
            continue
    return found


def _memory_mb(pid: int) -> tuple[float, float]:
    """RSS and PSS of one process, in MB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            values = dict(line.split(":", 1) for line in rollup if ":" in line)
        kb = {key: float(values[key].split()[0]) for key in ("Rss", "Pss") if key in values}
        return kb.get("Rss", 0) / 1024, kb.get("Pss", 0) / 1024
    except (OSError, ValueError):
        return 0.0, 0.0


def streaming_ingest(corpus: str, count: int, workers: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        write_ingest_corpus(corpus, count, source)
        command = [sys.executable, "-m", "newsevents.cli", "ingest", str(source),
                   "--db", str(Path(tmp) / "bench.duckdb"), "--workers", str(workers)]
        started = time.perf_counter()
        # To files, not pipes: a pipe nobody reads fills up and stops the ingest.
        stdout = open(Path(tmp) / "stdout", "w+", encoding="utf-8")
        stderr_file = open(Path(tmp) / "stderr", "w+", encoding="utf-8")
        child = subprocess.Popen(command, stdout=stdout, stderr=stderr_file, text=True)
        peak_rss = peak_pss = peak_main = 0.0
        pss_samples: list[float] = []
        while child.poll() is None:
            sizes = [_memory_mb(pid) for pid in _tree(child.pid)]
            peak_rss = max(peak_rss, sum(r for r, _ in sizes))
            peak_pss = max(peak_pss, sum(p for _, p in sizes))
            peak_main = max(peak_main, sizes[0][0] if sizes else 0.0)
            pss_samples.append((sum(p for _, p in sizes), sizes[0][1] if sizes else 0.0))
            time.sleep(0.25)
        wall = time.perf_counter() - started
        stderr_file.seek(0)
        stderr = stderr_file.read()
        stdout.close()
        stderr_file.close()
    summary = [line for line in stderr.splitlines() if line.startswith("stored")]
    print(f"streaming ingest of {count:,} articles ({workers} worker(s)): {wall:.0f} s, "
          f"{count / wall:.1f} articles/s; exit code {child.returncode}")
    print(f"  {summary[-1] if summary else stderr.strip()[-300:]}")
    print(f"  peak memory: {peak_pss:.0f} MB PSS, {peak_rss:.0f} MB RSS summed over the "
          f"process and its workers; the ingest process alone {peak_main:.0f} MB RSS")
    # Flat or growing: the peak PSS in each tenth of the run (the articles go at an even pace).
    tenths = [pss_samples[len(pss_samples) * k // 10:len(pss_samples) * (k + 1) // 10]
              for k in range(10)]
    print("  peak PSS by tenth of the run, all processes (MB): "
          + ", ".join(f"{max(p for p, _ in part):.0f}" for part in tenths if part))
    print("  the ingest process alone (MB PSS): "
          + ", ".join(f"{max(m for _, m in part):.0f}" for part in tenths if part))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="JSONL with one article per line (a `text` each)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of each run")
    parser.add_argument("--workers", type=int, default=2,
                        help="processes for the worker run and the ingest (1: none)")
    parser.add_argument("--ingest", type=int, default=10_000,
                        help="articles in the streaming ingest (0: skip it)")
    parser.add_argument("--no-throughput", action="store_true", help="only the ingest")
    args = parser.parse_args()
    if not args.no_throughput:
        throughput(args.corpus, args.repeat, args.workers)
    if args.ingest:
        streaming_ingest(args.corpus, args.ingest, args.workers)


if __name__ == "__main__":
    main()
