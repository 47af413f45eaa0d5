"""Data functions of the knowledge-base pages: clusters, claims, timeline, network, actors
and sources, exports. Like pages.py, each returns the dict that is both the JSON answer
and the HTML page, and reads only through the query layer (store/aggregates.py,
store/clusters.py, store/claims.py, export/).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError, NotFound
from ..store import Store
from ..store import aggregates, claims, clusters, queries
from .pages import EVENT_FILTERS, check_paging, facets, given_filters, paging, event_filter

MAX_NETWORK_NODES = 300
CLUSTER_SORTS = tuple(clusters.SORTS)

# What each export is, and the file it downloads as.
EXPORTS = {
    "csv": ("events.csv", "text/csv", "One row per event mention, with its cluster's counts."),
    "parquet": ("events.parquet", "application/vnd.apache.parquet",
                "The same rows as CSV, typed, for pandas, DuckDB or Spark."),
    "jsonl": ("events.jsonl", "application/x-ndjson", "One JSON event per line."),
    "gdelt": ("events-gdelt.tsv", "text/tab-separated-values",
              "One row per event cluster in GDELT 2.0 event columns, with a header row."),
    "plover": ("events-plover.jsonl", "application/x-ndjson",
               "JSON Lines with the PLOVER data model's field names."),
    "gexf": ("network.gexf", "application/xml", "The actor network, for Gephi."),
    "graphml": ("network.graphml", "application/xml", "The actor network, for networkx, yEd, igraph."),
    "geojson": ("events.geojson", "application/geo+json", "One point per placed event, for GIS."),
}


def timeline_page(store: Store, interval: str = "month", by: str = "type",
                  **filters: Any) -> dict[str, Any]:
    """Events per day, week or month, split by PLOVER type or quad category."""
    if by not in ("type", "quad"):
        raise InputError(f"unknown by {by!r}; expected type or quad", field="by")
    rows = aggregates.timeline(store, event_filter(**filters), interval=interval, by=by)
    return {"filters": given_filters(filters, EVENT_FILTERS), "interval": interval, "by": by,
            "total": sum(r["events"] for r in rows), "series": sorted({r["key"] for r in rows}),
            "rows": rows, "facets": facets(store)}


def network_page(store: Store, node: str = "country", max_nodes: int = 60,
                 **filters: Any) -> dict[str, Any]:
    """The actor network, cut to the `max_nodes` busiest nodes and the edges among them."""
    if not 1 <= max_nodes <= MAX_NETWORK_NODES:
        raise InputError(f"max_nodes must be between 1 and {MAX_NETWORK_NODES}, got {max_nodes}",
                         field="max_nodes")
    graph = aggregates.network(store, event_filter(**filters), node=node)
    kept = graph["nodes"][:max_nodes]
    ids = {n["id"] for n in kept}
    edges = [e for e in graph["edges"] if e["source"] in ids and e["target"] in ids]
    return {"filters": given_filters(filters, EVENT_FILTERS), "node": node, "max_nodes": max_nodes,
            "total_nodes": len(graph["nodes"]), "total_edges": len(graph["edges"]),
            "nodes": kept, "edges": edges, "facets": facets(store)}


def clusters_page(store: Store, page: int = 1, per_page: int = 25, sort: str = "recent",
                  min_sources: int = 1, min_articles: int = 1, **filters: Any) -> dict[str, Any]:
    """Merged events (one real event reported by several articles), with their counts."""
    check_paging(page, per_page)
    flt = event_filter(limit=per_page, offset=(page - 1) * per_page, **filters)
    total = clusters.count_clusters(store, flt, min_articles=min_articles,
                                    min_sources=min_sources)
    rows = clusters.find_clusters(store, flt, min_articles=min_articles,
                                  min_sources=min_sources, sort=sort)
    return {"filters": given_filters(filters, EVENT_FILTERS), "sort": sort, "min_sources": min_sources,
            "min_articles": min_articles, **paging(total, page, per_page), "clusters": rows,
            "facets": facets(store)}


def cluster_page(store: Store, cluster_id: str) -> dict[str, Any]:
    """One cluster with its member events and what each source claims about it."""
    cluster = clusters.cluster_by_id(store, cluster_id)
    if cluster is None:
        raise NotFound(f"no cluster with id {cluster_id!r}", field="cluster_id")
    return {"cluster": cluster, "claims": claims.find_claims(store, cluster_id=cluster_id)}


def claims_page(store: Store, cluster: str | None = None, page: int = 1, per_page: int = 10,
                **filters: Any) -> dict[str, Any]:
    """Sources compared, event by event: for one cluster, or for the clusters matching the
    filters (a dyad and type, say), most corroborated first, each with every source's
    claim and the disagreements flagged. With an actor and a recipient, also their
    history month by month in both directions."""
    check_paging(page, per_page)
    if cluster:
        chosen = [clusters.cluster_by_id(store, cluster)]
        if chosen[0] is None:
            raise NotFound(f"no cluster with id {cluster!r}", field="cluster")
        total = 1
    else:
        flt = event_filter(limit=per_page, offset=(page - 1) * per_page, **filters)
        total = clusters.count_clusters(store, flt)
        chosen = clusters.find_clusters(store, flt, sort="corroborated")
    groups = []
    for row in chosen:
        row.pop("members", None)
        found = claims.find_claims(store, cluster_id=row["id"])
        groups.append({"cluster": row, "claims": found,
                       "disagreements": sum(1 for c in found if c["disagreement"])})
    actor, recipient = filters.get("actor"), filters.get("recipient")
    history = []
    if actor and recipient and not cluster:
        dyad_filter = {k: v for k, v in filters.items() if k not in ("actor", "recipient")}
        history = aggregates.dyad_history(store, actor, recipient, event_filter(**dyad_filter),
                                          both=True)
    return {"filters": given_filters(filters, EVENT_FILTERS), "cluster": cluster,
            **paging(total, page, per_page), "groups": groups, "dyad_history": history,
            "facets": facets(store)}


def actors_page(store: Store, role: str | None = None, page: int = 1, per_page: int = 50,
                **filters: Any) -> dict[str, Any]:
    """Actors of the matching events, busiest first, and the sources that report them."""
    check_paging(page, per_page)
    # One row past the page says whether there is a next page, without a count query.
    flt = event_filter(limit=per_page + 1, offset=(page - 1) * per_page, **filters)
    rows = aggregates.find_actors(store, flt, role=role or None)
    sources = aggregates.find_sources(store, event_filter(limit=per_page, **filters))
    return {"filters": given_filters(filters, EVENT_FILTERS), "role": role, "page": page,
            "per_page": per_page, "has_next": len(rows) > per_page, "actors": rows[:per_page],
            "sources": sources, "facets": facets(store)}


def exports_page(store: Store, **filters: Any) -> dict[str, Any]:
    """The export formats, each a download of the matching events."""
    flt = event_filter(**filters)
    return {"filters": given_filters(filters, EVENT_FILTERS), "events": queries.count_events(store, flt),
            "formats": [{"format": name, "filename": spec[0], "media_type": spec[1],
                         "description": spec[2]} for name, spec in EXPORTS.items()],
            "facets": facets(store)}


def write_export(store: Store, format: str, folder: Path, **filters: Any) -> tuple[Path, str, str]:
    """Write the export into `folder`; (path, download file name, media type)."""
    from ..export import export
    if format not in EXPORTS:
        raise NotFound(f"no export format {format!r}; expected one of {', '.join(EXPORTS)}",
                       field="format")
    filename, media_type, _ = EXPORTS[format]
    out = folder / filename
    export(store, event_filter(**filters), format, out)
    return out, filename, media_type
