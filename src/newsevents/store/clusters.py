"""Event clusters as stored by analysis/clusters.py: listed, counted, and one with its members.

    find_clusters(store, flt=None, min_articles=1, min_sources=1, sort="recent") -> list[dict]
    count_clusters(store, flt=None, min_articles=1, min_sources=1) -> int
    cluster_by_id(store, cluster_id) -> dict | None     the cluster with `members`
    cluster_of_event(store, event_id) -> str | None

A cluster matches the event filter when any of its member events does; limit and offset
of the filter page the clusters. `sort` is "recent" (latest event date first) or
"corroborated" (most sources, then articles, first).

A cluster row: id, type, quad, actor_key and recipient_key (country codes, comma-joined),
date_start, date_end, place_name, place_country, lat, lon, n_events, n_articles,
n_reports (independent articles: wire copies of one story count once), n_outlets, n_sources, confidence, modalities ({modality: count}), first_published,
last_published, seed_event_id, and the seed's evidence and article_id as
seed_evidence and seed_article_id.
"""
from __future__ import annotations

import json
from typing import Any

from ..errors import InputError
from ..quads import quad_of
from .queries import EVENT_SELECT, EventFilter, event_row, facts_where
from .store import Store

SORTS = {
    "recent": "coalesce(c.date_end, c.last_published) DESC NULLS LAST, c.n_sources DESC, c.id",
    "corroborated": "c.n_sources DESC, c.n_articles DESC, coalesce(c.date_end, "
                    "c.last_published) DESC NULLS LAST, c.id",
}
_SELECT = ("SELECT c.*, s.evidence AS seed_evidence, s.article_id AS seed_article_id "
           "FROM event_clusters c JOIN events s ON s.id = c.seed_event_id")


def _where(flt: EventFilter, min_articles: int, min_sources: int) -> tuple[str, list[Any]]:
    for name, value in (("min_articles", min_articles), ("min_sources", min_sources)):
        if value < 0:
            raise InputError(f"{name} must be 0 or more, got {value}", field=name)
    clauses = ["c.n_articles >= ?", "c.n_sources >= ?"]
    params: list[Any] = [min_articles, min_sources]
    event_where, event_params = facts_where(flt)
    if event_where:
        clauses.append("c.id IN (SELECT m.cluster_id FROM cluster_members m JOIN event_facts f "
                       f"ON f.event_id = m.event_id {event_where})")
        params += event_params
    return "WHERE " + " AND ".join(clauses), params


def find_clusters(store: Store, flt: EventFilter | None = None, min_articles: int = 1,
                  min_sources: int = 1, sort: str = "recent") -> list[dict[str, Any]]:
    flt = flt or EventFilter()
    if sort not in SORTS:
        raise InputError(f"unknown sort {sort!r}; expected one of {', '.join(SORTS)}",
                         field="sort")
    where, params = _where(flt, min_articles, min_sources)
    # the page's ids from event_clusters alone, then those rows with their seeds' evidence
    sql = f"SELECT c.id FROM event_clusters c {where} ORDER BY {SORTS[sort]}"
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    if flt.offset:
        sql += " OFFSET ?"
        params.append(flt.offset)
    ids = [r["id"] for r in store.query(sql, params)]
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = {r["id"]: r for r in store.query(f"SELECT * FROM event_clusters WHERE id IN ({marks})",
                                            ids)}
    seeds = sorted({r["seed_event_id"] for r in rows.values()})
    evidence = {r["id"]: r for r in store.query(
        f"SELECT id, evidence, article_id FROM events WHERE id IN ({', '.join('?' * len(seeds))})",
        seeds)}
    found = []
    for cluster_id in ids:
        row = rows[cluster_id]
        seed = evidence.get(row["seed_event_id"], {})
        row["seed_evidence"], row["seed_article_id"] = seed.get("evidence"), seed.get("article_id")
        found.append(_plain(row))
    return found


def count_clusters(store: Store, flt: EventFilter | None = None, min_articles: int = 1,
                   min_sources: int = 1) -> int:
    where, params = _where(flt or EventFilter(), min_articles, min_sources)
    return store.scalar(f"SELECT count(*) FROM event_clusters c {where}", params)


def cluster_by_id(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """The cluster with `members`: its events as find_events rows (article, outlet,
    attribution and evidence included), earliest first."""
    rows = store.query(f"{_SELECT} WHERE c.id = ?", [cluster_id])
    if not rows:
        return None
    cluster = _plain(rows[0])
    members = store.query(
        f"{EVENT_SELECT} WHERE e.id IN (SELECT event_id FROM cluster_members "
        "WHERE cluster_id = ?) ORDER BY coalesce(e.date_start, a.published), a.published, e.id",
        [cluster_id])
    cluster["members"] = [event_row(m) for m in members]
    return cluster


def cluster_of_event(store: Store, event_id: str) -> str | None:
    return store.scalar("SELECT cluster_id FROM cluster_members WHERE event_id = ?", [event_id])


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    row.pop("block", None)
    if isinstance(row.get("modalities"), str):
        row["modalities"] = json.loads(row["modalities"])
    row["quad"] = quad_of(row.get("type"))
    return row
