"""Knowledge-base commands of the `newsevents` CLI: clusters, claims, timeline, network,
export and watch. Each parses arguments and calls the query layer (newsevents.store)."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from . import jobs
from .cli import _date_option, _db_path, _fail, _progress, _table_console, app
from .errors import InputError, NewsEventsError


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


# The filters of `newsevents events`, shared by every command here.
ACTOR = typer.Option(None, help="Actor country code or name.")
RECIPIENT = typer.Option(None, help="Recipient country code or name.")
TYPE = typer.Option(None, "--type", help="PLOVER event type.")
SINCE = typer.Option(None, help="Events on or after this date.")
UNTIL = typer.Option(None, help="Events on or before this date.")
PLACE = typer.Option(None, help="Place name or country code.")
SOURCE = typer.Option(None, help="Attributed source or outlet.")
MODALITY = typer.Option(None, help="asserted, future, hypothetical or negated.")
DB = typer.Option(None, help="DuckDB file.")
FORMAT = typer.Option(Format.table, "--format", help="Output format.")


def _filter(actor, recipient, type, since, until, place, source, modality, limit=None):
    from .store.queries import EventFilter
    try:
        return EventFilter(actor=actor, recipient=recipient, type=type,
                           since=_date_option(since, "--since"),
                           until=_date_option(until, "--until"), place=place, source=source,
                           modality=modality, limit=limit)
    except NewsEventsError as e:
        _fail(e)


@contextmanager
def _reading(db: Optional[Path]) -> Iterator[Any]:
    path = _db_path(db)
    if not path.exists():
        _fail(InputError("no database here; run `newsevents ingest` first or pass --db",
                         source=str(path)))
    try:
        with jobs.open_store(path, read_only=True) as store:
            yield store
    except NewsEventsError as e:
        _fail(e)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, dict)):
        return jobs.dump_json(value)
    return str(value)


def _emit(rows: list[dict[str, Any]], format: Format, columns: list[str],
          title: str | None = None) -> None:
    """Rows as JSON (every field), CSV (every field) or a table (the `columns`)."""
    if format is Format.json:
        typer.echo(jobs.dump_json(rows))
    elif format is Format.csv:
        out = io.StringIO()
        names = list(rows[0].keys()) if rows else columns
        writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: jobs.dump_json(v) if isinstance(v, (list, dict)) else v
                             for k, v in row.items()})
        typer.echo(out.getvalue().rstrip("\n"))
    else:
        table = Table(*columns, title=title)
        for row in rows:
            table.add_row(*(_cell(row.get(c))[:90] if c.endswith("evidence")
                            else _cell(row.get(c)) for c in columns))
        _table_console().print(table)


def _run(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except NewsEventsError as e:
        _fail(e)


@app.command()
def clusters(
    actor: Optional[str] = ACTOR, recipient: Optional[str] = RECIPIENT,
    type: Optional[str] = TYPE, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    place: Optional[str] = PLACE, source: Optional[str] = SOURCE,
    modality: Optional[str] = MODALITY,
    min_articles: int = typer.Option(1, help="Only clusters reported by this many articles."),
    min_sources: int = typer.Option(1, help="Only clusters claimed by this many sources."),
    sort: str = typer.Option("recent", help="recent or corroborated."),
    cluster: Optional[str] = typer.Option(None, help="Show this cluster with its members."),
    limit: int = typer.Option(100, help="At most this many clusters."),
    db: Optional[Path] = DB, format: Format = FORMAT,
) -> None:
    """Event clusters: one real event reported by many articles, with its counts."""
    from .store import cluster_by_id, find_clusters
    flt = _filter(actor, recipient, type, since, until, place, source, modality, limit)
    with _reading(db) as store:
        if cluster:
            found = _run(lambda: cluster_by_id(store, cluster))
            if found is None:
                _fail(InputError(f"no cluster {cluster!r}", field="cluster"))
            if format is Format.json:
                typer.echo(jobs.dump_json(found))
                return
            rows = found["members"]
            _emit(rows, format, ["date_start", "type", "outlet", "attribution_name", "modality",
                                 "evidence"], title=f"cluster {cluster}")
            return
        rows = _run(lambda: find_clusters(store, flt, min_articles, min_sources, sort))
    _emit(rows, format, ["id", "date_start", "type", "actor_key", "recipient_key", "place_name",
                         "n_articles", "n_reports", "n_outlets", "n_sources", "confidence",
                         "seed_evidence"])


@app.command()
def claims(
    actor: Optional[str] = ACTOR, recipient: Optional[str] = RECIPIENT,
    type: Optional[str] = TYPE, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    place: Optional[str] = PLACE, source: Optional[str] = SOURCE,
    modality: Optional[str] = MODALITY,
    cluster: Optional[str] = typer.Option(None, help="Claims about this cluster only."),
    limit: int = typer.Option(1000, help="At most this many claims."),
    db: Optional[Path] = DB, format: Format = FORMAT,
) -> None:
    """What each source claims about an event (a cluster, or a dyad and type), with
    disagreements flagged and single-source claims marked."""
    from .store import find_claims
    flt = _filter(actor, recipient, type, since, until, place, source, modality, limit)
    with _reading(db) as store:
        rows = _run(lambda: find_claims(store, flt, cluster))
    for row in rows:
        row["quantity"] = "; ".join(q.get("text") or str(q.get("value"))
                                    for q in row["quantities"])
        flags = dict.fromkeys(f"{c['field']}: {c['claim']} vs {c['other']}"
                              for c in row["conflicts"])
        row["flags"] = "; ".join([*flags, *(["single source"] if row["single_source"] else [])])
    if format is not Format.table:
        for row in rows:
            row.pop("quantity")
            row.pop("flags")
    _emit(rows, format, ["cluster_id", "source", "date_start", "type", "modality", "quantity",
                         "place_name", "flags", "evidence"])


@app.command()
def timeline(
    actor: Optional[str] = ACTOR, recipient: Optional[str] = RECIPIENT,
    type: Optional[str] = TYPE, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    place: Optional[str] = PLACE, source: Optional[str] = SOURCE,
    modality: Optional[str] = MODALITY,
    interval: str = typer.Option("month", help="day, week or month."),
    by: str = typer.Option("type", help="type, quad (PLOVER quad category) or all."),
    db: Optional[Path] = DB, format: Format = FORMAT,
) -> None:
    """Event counts per day, week or month, by PLOVER type or quad category."""
    from .store import timeline as timeline_rows
    flt = _filter(actor, recipient, type, since, until, place, source, modality)
    with _reading(db) as store:
        rows = _run(lambda: timeline_rows(store, flt, interval, None if by == "all" else by))
    _emit(rows, format, ["period", "key", "events", "score_mean"])


@app.command()
def network(
    actor: Optional[str] = ACTOR, recipient: Optional[str] = RECIPIENT,
    type: Optional[str] = TYPE, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    place: Optional[str] = PLACE, source: Optional[str] = SOURCE,
    modality: Optional[str] = MODALITY,
    node: str = typer.Option("country", help="country or actor."),
    db: Optional[Path] = DB, format: Format = FORMAT,
) -> None:
    """The actor network: edges weighted by event count and conflict-cooperation score."""
    from .store import network as network_graph
    flt = _filter(actor, recipient, type, since, until, place, source, modality)
    with _reading(db) as store:
        graph = _run(lambda: network_graph(store, flt, node))
    if format is Format.json:
        typer.echo(jobs.dump_json(graph))
        return
    _emit(graph["edges"], format, ["source", "target", "events", "score_sum", "score_mean",
                                   "cooperation", "conflict"])


@app.command()
def export(
    out: Path = typer.Argument(..., help="File to write."),
    format: str = typer.Option(..., "--format",
                               help="csv, parquet, jsonl, gdelt, plover, gexf, graphml or geojson."),
    actor: Optional[str] = ACTOR, recipient: Optional[str] = RECIPIENT,
    type: Optional[str] = TYPE, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    place: Optional[str] = PLACE, source: Optional[str] = SOURCE,
    modality: Optional[str] = MODALITY,
    db: Optional[Path] = DB,
) -> None:
    """Write the filtered events (or their clusters or network) in a format for other tools."""
    from .export import export as export_events
    flt = _filter(actor, recipient, type, since, until, place, source, modality)
    with _reading(db) as store, _progress() as progress:
        task = progress.add_task(f"exporting {format}", total=None)
        written = _run(lambda: export_events(store, flt, format, out,
                                             lambda n: progress.advance(task, n)))
    what = {"gdelt": "cluster(s)", "gexf": "node(s)", "graphml": "node(s)"}.get(format, "event(s)")
    from .cli import err
    err.print(f"wrote {written} {what} to {out}")


@app.command()
def watch(
    rules: Path = typer.Argument(..., help="YAML file with a list `rules:`."),
    state: Optional[Path] = typer.Option(None, help="State file (default RULES.state.json)."),
    db: Optional[Path] = DB,
) -> None:
    """Print events and clusters that match a rule and are new since the last run, as JSON
    Lines; exit 1 when there are some, 0 when none (for cron)."""
    from .watch import default_state_path, load_rules, run_watch
    loaded = _run(lambda: load_rules(rules))
    with _reading(db) as store:
        new = _run(lambda: run_watch(store, loaded, state or default_state_path(rules)))
    for match in new:
        typer.echo(jobs.dump_json(match))
    if new:
        raise typer.Exit(code=1)
