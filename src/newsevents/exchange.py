"""Records as flat rows for Parquet, and back: what `spark-extract` writes and `load` reads.

Event rows have exactly the columns of the store's `events` table (store/store.py), so
a Parquet file of events reads like the table; rows turn back into the records the
store writes, so `load` stores what `ingest` would have stored. Nested values (actors,
quantities, mention candidates) are JSON text, as in the store.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from .errors import InputError
from .records import (Actor, Article, Attribution, Candidate, Event, Evidence, Mention,
                      Quantity, When, Where)
from .store.store import EVENT_COLUMNS, _event_row  # the store's own row: one definition

ARTICLE_COLUMNS = ("id", "title", "published", "outlet", "url", "text")
MENTION_COLUMNS = ("article_id", "start", "end", "text", "kind", "sentence", "actor",
                   "candidates")
PROBLEM_COLUMNS = ("kind", "source", "line", "field", "reason")


def article_row(article: Article) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "published": article.published,
            "outlet": article.outlet, "url": article.url, "text": article.text}


def event_rows(article: Article, events: list[Event]) -> list[dict[str, Any]]:
    """The article's events as store rows; an event found twice is written once, as stored."""
    rows: dict[str, dict[str, Any]] = {}
    for event in events:
        event = event if event.id else event.with_id(article.key)   # as extract_articles ids them
        row = _event_row(event, article.id)
        rows.setdefault(event.id, {c: row[c] for c in EVENT_COLUMNS})
    return list(rows.values())


def mention_row(article_id: str, mention: Mention) -> dict[str, Any]:
    return {"article_id": article_id, "start": mention.start, "end": mention.end,
            "text": mention.text, "kind": mention.kind, "sentence": mention.sentence,
            "actor": _json(mention.actor.to_dict()) if mention.actor else None,
            "candidates": _json([c.to_dict() for c in mention.candidates])}


def problem_row(kind: str, problem) -> dict[str, Any]:
    """An error, warning or skip (an InputError) as a row: kind, source, line, field, reason."""
    return {"kind": kind, "source": problem.source, "line": problem.line,
            "field": problem.field, "reason": problem.reason}


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(text=row["text"], id=row["id"], title=row.get("title"),
                   published=_day(row.get("published")), outlet=row.get("outlet"),
                   url=row.get("url"))


def event_from_row(row: dict[str, Any]) -> Event:
    """An event as the store keeps it: what the store's columns do not hold is left empty."""
    when = None
    if row.get("date_start") is not None:
        when = When(start=_day(row["date_start"]), end=_day(row["date_end"]),
                    text=row.get("date_text") or "", granularity=row.get("date_granularity") or "")
    where = None
    if row.get("place_name") is not None:
        where = Where(name=row["place_name"], country=row.get("place_country"),
                      admin1=row.get("place_admin1"), lat=row.get("lat"), lon=row.get("lon"),
                      text=row["place_name"], geonameid=row.get("geonameid"))
    said = None
    if row.get("attribution_name") is not None:
        said = Attribution(name=row["attribution_name"], country=row.get("attribution_country"),
                           sector=row.get("attribution_sector"),
                           text=row.get("attribution_text") or "")
    return Event(
        type=row["type"], evidence=Evidence(row["evidence"], row["evidence_start"],
                                            row["evidence_end"]),
        trigger=row["trigger"], trigger_start=row["trigger_start"],
        trigger_end=row["trigger_end"], mode=row.get("mode"),
        actor=tuple(_actor(a) for a in _loads(row.get("actor"))),
        recipient=tuple(_actor(a) for a in _loads(row.get("recipient"))),
        date=when, place=where, quantities=tuple(_quantity(q) for q in _loads(row.get("quantities"))),
        attribution=said, modality=row["modality"], confidence=row["confidence"],
        cameo=row.get("cameo"), score=row.get("score"), article_id=row["article_id"],
        id=row["id"])


def mention_from_row(row: dict[str, Any]) -> Mention:
    actor = json.loads(row["actor"]) if row.get("actor") else None
    return Mention(text=row["text"], start=row["start"], end=row["end"], sentence=row["sentence"],
                   kind=row["kind"], actor=_actor(actor) if actor else None,
                   candidates=tuple(Candidate(c["key"], c["label"], c["score"])
                                    for c in _loads(row.get("candidates"))))


def _actor(data: dict[str, Any]) -> Actor:
    return Actor(name=data["name"], country=data.get("country"), sector=data.get("sector"),
                 id=data.get("id"), wikidata=data.get("wikidata"), role=data.get("role"))


def _quantity(data: dict[str, Any]) -> Quantity:
    return Quantity(value=data["value"], text=data["text"], unit=data.get("unit"),
                    qualifier=data.get("qualifier"), currency=data.get("currency"),
                    value_max=data.get("value_max"), char_start=data.get("text_start", -1),
                    char_end=data.get("text_end", -1))


def _loads(value: str | None) -> list:
    return json.loads(value) if value else []


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# --- `newsevents load DIR` -------------------------------------------------------------------

@dataclass
class LoadReport:
    stored: int = 0
    already_stored: int = 0
    events: int = 0


def load_directory(directory: str | Path, db_path: str | Path,
                   progress: Callable[[], None] | None = None) -> LoadReport:
    """Store the articles, events and mentions that `spark-extract` wrote to `directory`.

    The three datasets are read in article-id order and walked together, so memory holds
    one article's rows at a time; each article is stored in its own transaction, and
    articles already stored are left as they are.
    """
    from .store import Store

    folder = Path(directory)
    if not (folder / "articles").is_dir():
        raise InputError("not a spark-extract output: no articles/ folder", source=str(folder))
    reader = duckdb.connect()
    report = LoadReport()
    try:
        articles = _sorted_rows(reader, folder / "articles", "id", "id")
        events = _grouped(_sorted_rows(reader, folder / "events", "article_id",
                                       "article_id, evidence_start, trigger_start, id"))
        mentions = _grouped(_sorted_rows(reader, folder / "mentions", "article_id",
                                         "article_id, start, \"end\", kind"))
        with Store.open(db_path) as store:
            for row in articles:
                article = article_from_row(row)
                its_events = [event_from_row(r) for r in events.take(article.id)]
                its_mentions = [mention_from_row(r) for r in mentions.take(article.id)]
                if store.add_article(article, its_events, its_mentions):
                    report.stored += 1
                    report.events += len(its_events)
                else:
                    report.already_stored += 1
                if progress:
                    progress()
            # as `ingest` ends: facts and clusters for every stored event
            from .analysis.clusters import sync_clusters
            from .store.facts import sync_facts
            with store.transaction():
                sync_facts(store)
                sync_clusters(store)
    finally:
        reader.close()
    return report


def _sorted_rows(reader, folder: Path, key: str, order: str) -> Iterator[dict[str, Any]]:
    files = sorted(str(p) for p in folder.glob("*.parquet"))
    if not files:
        return
    try:
        cursor = reader.cursor()
        result = cursor.execute(f"SELECT * FROM read_parquet(?) ORDER BY {order}", [files])
    except duckdb.Error as e:
        raise InputError(f"cannot read Parquet: {e}", source=str(folder)) from e
    columns = [d[0] for d in result.description]
    while True:
        batch = result.fetchmany(1000)
        if not batch:
            return
        for values in batch:
            yield dict(zip(columns, values))


class _grouped:
    """Rows sorted by article_id, handed out one article at a time in the same order."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def take(self, article_id: str) -> list[dict[str, Any]]:
        while self._next is not None and self._next["article_id"] < article_id:
            self._next = next(self._rows, None)       # rows of an article not in articles/
        taken = []
        while self._next is not None and self._next["article_id"] == article_id:
            taken.append(self._next)
            self._next = next(self._rows, None)
        return taken
