"""Exports of the filtered events, each in the form its consumers read.

    export(store, flt, format, out, progress=None) -> int   rows (or nodes) written

    csv, parquet, jsonl  one row per event mention: the columns of find_events plus its
                         cluster's id and counts; nested values as JSON text in csv/parquet
    gdelt                one row per event cluster, tab-separated GDELT 2.0 event columns
                         with a header row (gdelt.py says which are filled and how)
    plover               JSON Lines with the PLOVER data model's field names (plover.py)
    gexf, graphml        the actor network (networkx writes them)
    geojson              a FeatureCollection, one Point feature per placed event
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import InputError
from ..store.queries import EventFilter
from ..store.store import Store

FORMATS = ("csv", "parquet", "jsonl", "gdelt", "plover", "gexf", "graphml", "geojson")


def export(store: Store, flt: EventFilter | None, format: str, out: str | Path,
           progress: Callable[[int], None] | None = None) -> int:
    if format not in FORMATS:
        raise InputError(f"unknown export format {format!r}; expected one of "
                         f"{', '.join(FORMATS)}", field="format")
    out = Path(out)
    if not out.parent.is_dir():
        raise InputError("the folder to write into does not exist", source=str(out))
    flt = flt or EventFilter()
    if format in ("gexf", "graphml"):
        from ..store.aggregates import network
        from . import graphs
        graph = network(store, flt)
        (graphs.write_gexf if format == "gexf" else graphs.write_graphml)(graph, out)
        return len(graph["nodes"])
    if format == "gdelt":
        from .gdelt import write_gdelt
        return write_gdelt(store, flt, out, progress)
    from .events import write_events
    return write_events(store, flt, format, out, progress)
