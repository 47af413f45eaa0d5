"""The store for notebooks: the query layer's rows as pandas DataFrames or Arrow tables.

    import newsevents
    kb = newsevents.Store("newsevents.duckdb")
    kb.timeline(by="quad", interval="week").plot()

Each method takes the filters of `newsevents events` as keywords (actor, recipient, type,
since, until, place, source, modality, limit, offset) and `as_arrow=True` for a
pyarrow Table instead of a DataFrame. The file is opened read-only unless asked.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .store import aggregates, articles, claims, clusters, queries
from .store.queries import EventFilter
from .store.store import Store as _Store


def _frame(rows: list[dict[str, Any]], as_arrow: bool, columns: list[str] | None = None):
    import pandas as pd
    frame = pd.DataFrame.from_records(rows, columns=columns if not rows else None)
    if as_arrow:
        import pyarrow as pa
        return pa.Table.from_pandas(frame, preserve_index=False)
    return frame


class Store:
    """An open store; close it (or use `with`) to release the file."""

    def __init__(self, path: str | Path | None = None, read_only: bool = True) -> None:
        self._store = _Store.open(path, read_only=read_only)
        self.path = self._store.path

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def events(self, as_arrow: bool = False, **filters: Any):
        """One row per event mention, newest first, with its article's fields."""
        return _frame(queries.find_events(self._store, EventFilter(**filters)), as_arrow,
                      ["id", "article_id", "type"])

    def articles(self, as_arrow: bool = False, **filters: Any):
        return _frame(articles.find_articles(self._store, EventFilter(**filters)), as_arrow,
                      ["id", "title", "published", "events"])

    def clusters(self, min_articles: int = 1, min_sources: int = 1, sort: str = "recent",
                 as_arrow: bool = False, **filters: Any):
        """One row per event cluster with its counts of articles, outlets and sources."""
        rows = clusters.find_clusters(self._store, EventFilter(**filters), min_articles,
                                      min_sources, sort)
        return _frame(rows, as_arrow, ["id", "type", "n_articles", "n_sources"])

    def claims(self, cluster_id: str | None = None, as_arrow: bool = False, **filters: Any):
        """One row per claim: who says what about each cluster, disagreements flagged."""
        rows = claims.find_claims(self._store, EventFilter(**filters), cluster_id)
        return _frame(rows, as_arrow, ["cluster_id", "event_id", "source", "disagreement"])

    def timeline(self, interval: str = "month", by: str | None = "type", as_arrow: bool = False,
                 **filters: Any):
        """Event counts with one column per type (or quad category) and one row per period,
        every period from the first to the last present, so `.plot()` draws it right."""
        import pandas as pd
        rows = aggregates.timeline(self._store, EventFilter(**filters), interval, by)
        if not rows:
            wide = pd.DataFrame(index=pd.DatetimeIndex([], name="period"))
        else:
            long = pd.DataFrame.from_records(rows)
            long["period"] = pd.to_datetime(long["period"])
            wide = long.pivot_table(index="period", columns="key", values="events",
                                    aggfunc="sum", fill_value=0)
            freq = {"day": "D", "week": "W-MON", "month": "MS"}[interval]
            wide = wide.reindex(pd.date_range(wide.index.min(), wide.index.max(), freq=freq,
                                              name="period"), fill_value=0)
            wide.columns.name = None
        if as_arrow:
            import pyarrow as pa
            return pa.Table.from_pandas(wide.reset_index(), preserve_index=False)
        return wide

    def network(self, node: str = "country", as_arrow: bool = False, **filters: Any):
        """The actor network's edges: source, target, events, score_sum, score_mean, ..."""
        graph = aggregates.network(self._store, EventFilter(**filters), node)
        return _frame(graph["edges"], as_arrow, ["source", "target", "events", "score_sum"])

    def graph(self, node: str = "country", **filters: Any):
        """The actor network as a networkx DiGraph (edge attributes: events, score_sum, ...)."""
        from .export.graphs import to_networkx
        return to_networkx(aggregates.network(self._store, EventFilter(**filters), node))

    def dyad(self, actor: str, recipient: str, interval: str = "month", both: bool = False,
             as_arrow: bool = False, **filters: Any):
        rows = aggregates.dyad_history(self._store, actor, recipient, EventFilter(**filters),
                                       interval, both)
        return _frame(rows, as_arrow, ["period", "direction", "events"])

    def sources(self, as_arrow: bool = False, **filters: Any):
        return _frame(aggregates.find_sources(self._store, EventFilter(**filters)), as_arrow,
                      ["source", "kind", "events"])

    def actors(self, role: str | None = None, as_arrow: bool = False, **filters: Any):
        return _frame(aggregates.find_actors(self._store, EventFilter(**filters), role),
                      as_arrow, ["actor_id", "name", "events"])
