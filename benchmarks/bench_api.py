"""Load the events endpoint of a real `newsevents serve` on loopback with concurrent clients.

    python benchmarks/bench_api.py [--clients 50] [--seconds 20] [--articles 1000] [--events 5]

Builds a store of synthetic articles (bench_store.py's), starts the server in a
subprocess on a free 127.0.0.1 port, and runs `--clients` threads, each with its own
keep-alive connection, asking /api/events with a rotating set of filters for
`--seconds`. Prints requests/s, p50/p95/p99 latency and errors (any answer but 200),
and the ratio of p50 to the same page built in this process without HTTP (the
baseline, measured one call at a time before the load starts). Traffic goes to the
loopback address only, and every loop is bounded in time.
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from bench_store import synthetic_article

from newsevents.api.pages import events_page
from newsevents.store import Store

QUERIES = [
    {},
    {"actor": "PRK"},
    {"actor": "RUS", "recipient": "UKR"},
    {"type": "SANCTION"},
    {"since": "2022-01-01", "until": "2022-12-31"},
    {"place": "Seoul", "modality": "future"},
    {"source": "KCNA", "page": "3"},
    {"type": "AID", "actor": "CHN", "per_page": "100"},
]


def build_store(path: Path, articles: int, events: int) -> None:
    """Articles and events written directly, one transaction each, without the
    near-duplicate and cluster updates of Store.add_article (the events endpoint reads
    neither, and they would make building the store take minutes)."""
    rng = random.Random(7)
    with Store.open(path) as store:
        for n in range(articles):
            article, found, _ = synthetic_article(n, events, rng)
            with store.transaction():
                store._insert_article(article)
                store._insert_events(article.id, found)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "newsevents.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=log.open("wb"), stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONWARNINGS": "ignore"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/health")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not start:\n{log.read_text()}")


def client(port: int, until: float, seed: int, latencies: list[float], errors: list[str]) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < until:
        path = "/api/events?" + urllib.parse.urlencode(rng.choice(QUERIES))
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{response.status} {path}")
        except (OSError, http.client.HTTPException) as e:
            errors.append(f"{type(e).__name__} {path}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - started)
    connection.close()


def baseline(db: Path, repeats: int = 5) -> float:
    """Median seconds of building the events page in this process, over every query."""
    times = []
    with Store.open(db, read_only=True) as store:
        for _ in range(repeats):
            for query in QUERIES:
                params = {k: int(v) if k in ("page", "per_page") else v for k, v in query.items()}
                started = time.perf_counter()
                events_page(store, **params)
                times.append(time.perf_counter() - started)
    return statistics.median(times)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--events", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        build_store(db, args.articles, args.events)
        print(f"store: {args.articles} articles, {args.articles * args.events} events "
              f"({time.perf_counter() - started:.1f} s to build)")
        direct = baseline(db)
        port = free_port()
        server = start_server(db, port, Path(tmp) / "server.log")
        try:
            latencies: list[float] = []
            errors: list[str] = []
            until = time.monotonic() + args.seconds
            threads = [threading.Thread(target=client, args=(port, until, n, latencies, errors))
                       for n in range(args.clients)]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=args.seconds + 60)
            elapsed = time.perf_counter() - began
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()

    done = len(latencies)
    p50, p95, p99 = (percentile(latencies, q) * 1000 for q in (0.5, 0.95, 0.99))
    print(f"{args.clients} clients for {args.seconds:.0f} s on 127.0.0.1: {done} requests, "
          f"{done / elapsed:.0f} requests/s, {len(errors)} errors")
    print(f"latency p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms")
    print(f"baseline (the events page built in this process, no HTTP, one at a time): "
          f"{direct * 1000:.1f} ms; p50 under load = {p50 / (direct * 1000):.1f} x baseline")
    if errors:
        print("first errors:", *errors[:5], sep="\n  ")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
