"""Counts over the filtered events: timeline, actor network, dyad history, sources, actors.

    timeline(store, flt=None, interval="month", by="type") -> list[dict]
        {period, key, events, score_mean}; by "type", "quad" (PLOVER quad category name)
        or None (key "all"); interval "day", "week" (Mondays) or "month"; an event counts
        in the period of its start date (its article's date when it has none).
    network(store, flt=None, node="country") -> {"nodes": [...], "edges": [...]}
        edges {source, target, events, score_sum, score_mean, cooperation, conflict},
        one per directed pair of actor and recipient; nodes {id, label, events,
        as_actor, as_recipient}. node "country" keys actors by country code (by name when
        they have none); node "actor" by the actor's id.
    dyad_history(store, actor, recipient, flt=None, interval="month", both=False) -> list[dict]
        {period, direction ("PRK->RUS"), events, score_sum, score_mean, and one count per
        quad category: verbal_cooperation, material_cooperation, verbal_conflict,
        material_conflict}; `both` adds the other direction.
    find_sources(store, flt=None) -> list[dict]
        {source, kind ("attributed" or "outlet"), country, events, articles, clusters,
        first, last}, most events first.
    find_actors(store, flt=None, role=None) -> list[dict]
        {actor_id, name, country, sector, events, as_actor, as_recipient}, most events first.

Every function takes the EventFilter of find_events; limit and offset page the rows of
sources and actors and are ignored by the others. Without a modality in the filter every
modality counts (planned, hypothetical and denied events too): give modality="asserted" to
count only what is reported as having happened.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..errors import InputError
from ..quads import QUAD_NAMES
from .queries import EventFilter, facts_where, filter_sql
from .store import Store

INTERVALS = ("day", "week", "month")
TIMELINE_KEYS = ("type", "quad", None)
NODE_KINDS = ("country", "actor")
_DAY = "coalesce(e.date_start, a.published)"
_FROM = "FROM events e JOIN articles a ON a.id = e.article_id"


def _check(value: Any, allowed: tuple, name: str) -> None:
    if value not in allowed:
        shown = ", ".join(str(a) for a in allowed if a is not None)
        raise InputError(f"unknown {name} {value!r}; expected one of {shown}", field=name)


def _quad_label_sql(column: str) -> str:
    whens = " ".join(f"WHEN {q} THEN '{name}'" for q, name in QUAD_NAMES.items())
    return f"(CASE {column} {whens} ELSE 'other' END)"


def timeline(store: Store, flt: EventFilter | None = None, interval: str = "month",
             by: str | None = "type") -> list[dict[str, Any]]:
    _check(interval, INTERVALS, "interval")
    _check(by, TIMELINE_KEYS, "by")
    where, params = facts_where(flt)
    key = {"type": "f.type", "quad": _quad_label_sql("f.quad"), None: "'all'"}[by]
    extra = "AND" if where else "WHERE"
    sql = (f"SELECT CAST(date_trunc('{interval}', f.day) AS DATE) AS period, {key} AS key, "
           f"count(*) AS events, avg(f.score) AS score_mean FROM event_facts f {where} "
           f"{extra} f.day IS NOT NULL GROUP BY ALL ORDER BY period, key")
    return store.query(sql, params)


_EDGE_COUNTS = ("count(*) AS events, sum(score) AS score_sum, avg(score) AS score_mean, "
                "count(*) FILTER (WHERE quad IN (1, 2)) AS cooperation, "
                "count(*) FILTER (WHERE quad IN (3, 4)) AS conflict")


def _edges_sql(where: str, node: str) -> str:
    """One row per directed (actor node, recipient node) pair with its counts."""
    if node == "country":
        # event_facts keeps each event's distinct country (else name) nodes per role
        pairs = ("SELECT score, quad, source, unnest(recipient_nodes) AS target FROM "
                 "(SELECT f.score, f.quad, unnest(f.actor_nodes) AS source, f.recipient_nodes "
                 f"FROM event_facts f {where})")
    else:
        pairs = ("SELECT DISTINCT f.event_id, f.score, f.quad, x.actor_id AS source, "
                 "y.actor_id AS target FROM event_facts f "
                 "JOIN event_actors x ON x.event_id = f.event_id AND x.role = 'actor' "
                 f"JOIN event_actors y ON y.event_id = f.event_id AND y.role = 'recipient' {where}")
    return (f"SELECT source, target, {_EDGE_COUNTS} FROM ({pairs}) GROUP BY source, target "
            "ORDER BY events DESC, source, target")


def network(store: Store, flt: EventFilter | None = None,
            node: str = "country") -> dict[str, list[dict[str, Any]]]:
    _check(node, NODE_KINDS, "node")
    where, params = facts_where(flt)
    edges = store.query(_edges_sql(where, node), params)
    labels = _node_labels(store, node, {e["source"] for e in edges} | {e["target"] for e in edges})
    nodes: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for end, role in (("source", "as_actor"), ("target", "as_recipient")):
            key = edge[end]
            entry = nodes.setdefault(key, {"id": key, "label": labels.get(key, key), "events": 0,
                                           "as_actor": 0, "as_recipient": 0})
            entry[role] += edge["events"]
            entry["events"] += edge["events"]
    return {"nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])),
            "edges": edges}


def _node_labels(store: Store, node: str, keys: set[str]) -> dict[str, str]:
    if node != "actor" or not keys:
        return {}
    rows = store.query("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?))", [sorted(keys)])
    return {r["id"]: r["name"] for r in rows}


def dyad_history(store: Store, actor: str, recipient: str, flt: EventFilter | None = None,
                 interval: str = "month", both: bool = False) -> list[dict[str, Any]]:
    _check(interval, INTERVALS, "interval")
    base = flt or EventFilter()
    directions = [(actor, recipient)] + ([(recipient, actor)] if both else [])
    quads = ", ".join(f"count(*) FILTER (WHERE f.quad = {q}) AS {name.replace(' ', '_')}"
                      for q, name in QUAD_NAMES.items())
    rows: list[dict[str, Any]] = []
    for source, target in directions:
        where, params = facts_where(replace(base, actor=source, recipient=target))
        rows += store.query(
            f"SELECT CAST(date_trunc('{interval}', f.day) AS DATE) AS period, "
            f"? AS direction, count(*) AS events, sum(f.score) AS score_sum, "
            f"avg(f.score) AS score_mean, {quads} FROM event_facts f {where} "
            "AND f.day IS NOT NULL GROUP BY ALL ORDER BY period", [f"{source}->{target}", *params])
    return sorted(rows, key=lambda r: (r["period"], r["direction"]))


def _paged(sql: str, params: list[Any], flt: EventFilter | None) -> tuple[str, list[Any]]:
    if flt is not None and flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    if flt is not None and flt.offset:
        sql += " OFFSET ?"
        params.append(flt.offset)
    return sql, params


def find_sources(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    where, params = filter_sql(flt)
    cluster_join = "LEFT JOIN cluster_members m ON m.event_id = e.id"
    parts = []
    for kind, name, country, present in (
            ("attributed", "e.attribution_name", "any_value(e.attribution_country)",
             "e.attribution_name IS NOT NULL"),
            ("outlet", "a.outlet", "NULL", "a.outlet IS NOT NULL")):
        extra = "AND" if where else "WHERE"
        parts.append(
            f"SELECT {name} AS source, '{kind}' AS kind, {country} AS country, "
            "count(DISTINCT e.id) AS events, count(DISTINCT e.article_id) AS articles, "
            f"count(DISTINCT m.cluster_id) AS clusters, min({_DAY}) AS first, "
            f"max({_DAY}) AS last {_FROM} {cluster_join} {where} {extra} {present} GROUP BY {name}")
    sql = f"{parts[0]} UNION ALL {parts[1]} ORDER BY events DESC, kind, source"
    return store.query(*_paged(sql, params * 2, flt))


def find_actors(store: Store, flt: EventFilter | None = None,
                role: str | None = None) -> list[dict[str, Any]]:
    _check(role, ("actor", "recipient", None), "role")
    where, params = filter_sql(flt)
    role_clause = ""
    if role:
        role_clause = "AND x.role = ?"
        params = [*params, role]
    extra = "AND" if where else "WHERE"
    sql = (f"SELECT x.actor_id, any_value(x.name) AS name, any_value(x.country) AS country, "
           f"any_value(r.sector) AS sector, count(DISTINCT e.id) AS events, "
           f"count(DISTINCT e.id) FILTER (WHERE x.role = 'actor') AS as_actor, "
           f"count(DISTINCT e.id) FILTER (WHERE x.role = 'recipient') AS as_recipient "
           f"{_FROM} JOIN event_actors x ON x.event_id = e.id "
           f"LEFT JOIN actors r ON r.id = x.actor_id {where} {extra} true {role_clause} "
           "GROUP BY x.actor_id ORDER BY events DESC, name, x.actor_id")
    return store.query(*_paged(sql, params, flt))
