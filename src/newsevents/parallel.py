"""Extraction across cores: worker processes for large inputs.

Each worker runs the default pipeline over chunks of articles and sends back the
records (articles, events, mentions), never Docs, so little crosses between
processes. Results come back in input order, and at most a few chunks per worker
are in flight, so a stream of any length is read as it is processed. An input of
fewer than `LARGE_INPUT` articles is extracted in this process: starting workers
would cost more than it saves.

Workers are forked from this process where the platform can, else spawned, each
loading the model once. Before forking, this process loads the model and runs it over
a short text, so that the data the steps load on first use (gazetteer, actor index,
lexicons) is read once and shared too. A shared page is copied into a worker when the
worker writes to it, and Python writes to an object whenever it takes a reference to
it: a worker's memory grows as it reads more of the shared data. So after
`TASKS_PER_WORKER` tasks a worker ends and a new one is forked, sharing all again.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from .records import Article, Event, Mention

LARGE_INPUT = 64          # articles read ahead before deciding to start workers
CHUNK = 8                 # articles per task
IN_FLIGHT = 3             # tasks per worker sent ahead of the results read
TASKS_PER_WORKER = 50     # tasks before a worker is replaced by a fresh fork
# A sentence that sends every step through its data once.
WARM_UP = Article(text="KYIV, March 3 (Reuters) - Russian forces shelled Kharkiv on Monday, "
                       "killing three people and injuring 12, Ukraine's interior minister said, "
                       "and protesters in Berlin demanded $5 million in aid.", id="warm-up")

Extracted = tuple[Article, list[Event], list[Mention]]


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:          # not on Linux
        return os.cpu_count() or 1


def extract_here(articles: Iterable[Article]) -> Iterator[Extracted]:
    """The default pipeline in this process."""
    from .extraction import default_pipeline
    for article, doc in default_pipeline().run(articles):
        events = [e.with_id(article.key) for e in (doc._.events or [])]
        yield article, events, list(doc._.mentions or [])


def _extract_chunk(chunk: list[Article]) -> list[Extracted]:
    return list(extract_here(chunk))


def _load_pipeline() -> None:
    for _ in extract_here([WARM_UP]):
        pass


def extract_in_workers(articles: Iterable[Article], workers: int) -> Iterator[Extracted]:
    """Events of every article, in input order, from `workers` processes when the input
    is large and more than one worker is asked for; in this process otherwise."""
    iterator = iter(articles)
    head = list(islice(iterator, LARGE_INPUT))
    if workers <= 1 or len(head) < LARGE_INPUT:
        yield from extract_here(chain(head, iterator))
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        _load_pipeline()        # once, here: the workers share its pages
        gc.freeze()             # the collector would otherwise touch, and so copy, them all
    try:
        with multiprocessing.get_context(method).Pool(
                workers, initializer=_load_pipeline, maxtasksperchild=TASKS_PER_WORKER) as pool:
            pending: deque = deque()
            for chunk in _chunks(chain(head, iterator), CHUNK):
                pending.append(pool.apply_async(_extract_chunk, (chunk,)))
                while len(pending) >= workers * IN_FLIGHT:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        gc.unfreeze()


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
