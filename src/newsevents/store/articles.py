"""Articles: listed with their event counts, or one with its text and every event.

    find_articles(store, flt=None) -> list[dict]   newest first; limit/offset of flt page them
    count_articles(store, flt=None) -> int
    article_by_id(store, article_id) -> dict | None

With event filters set (actor, type, ...), only articles with a matching event are
listed and `events` counts the matching ones; dates filter events, as in find_events.
"""
from __future__ import annotations

from typing import Any

from .queries import EVENT_SELECT, EventFilter, event_row, filter_sql
from .store import Store

_LISTED = "a.* EXCLUDE (text)"


def _matching(flt: EventFilter) -> tuple[str, list[Any]]:
    where, params = filter_sql(flt)
    sql = (f"SELECT {_LISTED}, m.events FROM articles a JOIN (SELECT e.article_id, "
           f"count(*) AS events FROM events e JOIN articles a ON a.id = e.article_id {where} "
           "GROUP BY e.article_id) m ON m.article_id = a.id")
    if not where:
        sql = (f"SELECT {_LISTED}, coalesce(m.events, 0) AS events FROM articles a LEFT JOIN "
               "(SELECT article_id, count(*) AS events FROM events GROUP BY article_id) m "
               "ON m.article_id = a.id")
    return sql, params


def find_articles(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Articles without their text, each with `events`, newest first."""
    flt = flt or EventFilter()
    sql, params = _matching(flt)
    sql += " ORDER BY a.published DESC NULLS LAST, a.id"
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    if flt.offset:
        sql += " OFFSET ?"
        params.append(flt.offset)
    return store.query(sql, params)


def count_articles(store: Store, flt: EventFilter | None = None) -> int:
    sql, params = _matching(flt or EventFilter())
    return store.scalar(f"SELECT count(*) FROM ({sql})", params)


def article_by_id(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article with its text and `events` (as find_events rows, in text order), each
    with the `cluster_id` it belongs to. `article_id` is the stored key or, failing
    that, the input's own id (the first stored with it, if several were)."""
    rows = store.query("SELECT * FROM articles WHERE id = ? OR input_id = ? "
                       "ORDER BY id = ? DESC, ingested_at, id LIMIT 1",
                       [article_id, article_id, article_id])
    if not rows:
        return None
    article = rows[0]
    article_id = article["id"]
    events = store.query(
        f"SELECT * FROM ({EVENT_SELECT} WHERE e.article_id = ?) e "
        "LEFT JOIN (SELECT event_id, cluster_id FROM cluster_members) m ON m.event_id = e.id "
        "ORDER BY e.evidence_start, e.trigger_start, e.id", [article_id])
    for event in events:
        event.pop("event_id", None)
    article["events"] = [event_row(e) for e in events]
    return article
