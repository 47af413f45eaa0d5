"""Event mentions as CSV, Parquet, JSON Lines, PLOVER JSON Lines and GeoJSON."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..store.queries import EVENT_ORDER, EVENT_SELECT, EventFilter, event_row, filter_sql
from ..store.store import Store
from .plover import plover_record

_CLUSTER_COLUMNS = ("cluster_id", "cluster_events", "cluster_articles", "cluster_outlets",
                    "cluster_sources")
_NESTED = ("actor", "recipient", "quantities", "actor_countries", "recipient_countries")
_BATCH = 5000


def event_rows(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """find_events rows with their cluster's id and counts, in find_events order."""
    where, params = filter_sql(flt)
    sql = (f"SELECT * FROM ({EVENT_SELECT} {where}) e LEFT JOIN (SELECT m.event_id, "
           "m.cluster_id, c.n_events AS cluster_events, c.n_articles AS cluster_articles, "
           "c.n_reports AS cluster_reports, c.n_outlets AS cluster_outlets, "
           "c.n_sources AS cluster_sources "
           "FROM cluster_members m JOIN event_clusters c ON c.id = m.cluster_id) k "
           f"ON k.event_id = e.id {EVENT_ORDER.replace('a.published', 'e.published')}")
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    if flt.offset:
        sql += " OFFSET ?"
        params.append(flt.offset)
    rows = store.query(sql, params)
    for row in rows:
        row.pop("event_id", None)
        event_row(row)
    return rows


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _dumps(v) if k in _NESTED else v for k, v in row.items()}


def _ticking(rows: list[dict[str, Any]], progress: Callable[[int], None] | None
             ) -> Iterator[dict[str, Any]]:
    for n, row in enumerate(rows, 1):
        yield row
        if progress and n % _BATCH == 0:
            progress(_BATCH)
    if progress and len(rows) % _BATCH:
        progress(len(rows) % _BATCH)


def write_events(store: Store, flt: EventFilter, format: str, out: Path,
                 progress: Callable[[int], None] | None = None) -> int:
    rows = event_rows(store, flt)
    if format == "csv":
        columns = list(rows[0]) if rows else ["id", "article_id", "type", *_CLUSTER_COLUMNS]
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            for row in _ticking(rows, progress):
                writer.writerow(_flat(row))
    elif format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        flat = [_flat(row) for row in _ticking(rows, progress)]
        table = pa.Table.from_pylist(flat) if flat else pa.table({"id": pa.array([], pa.string())})
        pq.write_table(table, out)
    elif format in ("jsonl", "plover"):
        shape = plover_record if format == "plover" else (lambda row: row)
        with out.open("w", encoding="utf-8") as handle:
            for row in _ticking(rows, progress):
                handle.write(_dumps(shape(row)) + "\n")
    elif format == "geojson":
        placed = [r for r in rows if r["lat"] is not None and r["lon"] is not None]
        collection = {"type": "FeatureCollection",
                      "features": [_feature(r) for r in _ticking(placed, progress)]}
        out.write_text(_dumps(collection), encoding="utf-8")
        return len(placed)
    return len(rows)


def _feature(row: dict[str, Any]) -> dict[str, Any]:
    props = {k: row.get(k) for k in (
        "id", "type", "mode", "date_start", "date_end", "place_name", "place_country",
        "actor_countries", "recipient_countries", "attribution_name", "modality", "evidence",
        "article_id", "title", "outlet", "url", "published", "cluster_id", "cluster_sources")}
    # GeoJSON positions are longitude first (RFC 7946)
    return {"type": "Feature", "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": props}
