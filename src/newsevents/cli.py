"""The `newsevents` command line: argument parsing over the plain functions in jobs.py."""
from __future__ import annotations

import csv
import io
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text
from rich.table import Table

from . import jobs
from .errors import InputError, NewsEventsError, RecordError, RecordWarning, check_unicode

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news articles into source-attributed PLOVER event data.")
# soft_wrap: a report stays on one line at any width, so `2>&1 | grep` finds file and line.
err = Console(stderr=True, soft_wrap=True)


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class Half(str, Enum):
    tune = "tune"
    check = "check"


class EventsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _date_option(value: Optional[str], name: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise typer.BadParameter(f"not a valid YYYY-MM-DD date: {value!r} ({e})",
                                 param_hint=name) from e


def _text_option(value: Optional[str], name: str) -> Optional[str]:
    if value is not None:
        try:
            check_unicode(value, name)
        except InputError as e:
            raise typer.BadParameter(e.reason, param_hint=name) from e
    return value


def _db_path(db: Optional[Path]) -> Path:
    from .store import default_db_path
    return db if db is not None else Path(default_db_path())


def _fail(error: NewsEventsError) -> None:
    err.print(f"[red]error:[/red] {escape(str(error))}")
    raise typer.Exit(code=2)


def _report_bad(error: RecordError) -> None:
    err.print(f"[yellow]skipped:[/yellow] {escape(str(error))}")


def _report_warning(warning: RecordWarning) -> None:
    err.print(f"[yellow]warning:[/yellow] {escape(str(warning))}")


def _report_skipped(skipped: RecordWarning) -> None:
    err.print(f"[yellow]skipped:[/yellow] {escape(str(skipped))}")


INPUTS_HELP = ("Files (.txt, .md, .html, .jsonl, .csv, .tsv, .parquet, .rss, .atom, .xml, "
               ".gz, .zip), folders, feed or page URLs, or - for stdin.")
COLUMNS_OPTION = typer.Option(None, "--columns", help="CSV/Parquet column mapping, e.g. "
                              "text=body,published=date,title=headline,outlet=source,id=guid,url=link.")
MONTH_FIRST_OPTION = typer.Option(False, "--month-first",
                                  help="Read all-numeric dates such as 04/03/2016 month first "
                                       "(default: day first).")
FETCH_PAGES_OPTION = typer.Option(False, "--fetch-pages",
                                  help="Fetch each feed item's linked page for its full text.")
WORKERS_OPTION = typer.Option(0, "--workers", min=0,
                              help="Processes for large inputs (0: one per core; 1: this one).")


def _workers(workers: int) -> int:
    from .parallel import available_cores
    return workers or available_cores()


def _read_options(columns: Optional[str], month_first: bool, fetch_pages: bool):
    from .ingest import DateOrder, ReadOptions, parse_columns
    try:
        return ReadOptions(columns=parse_columns(_text_option(columns, "--columns")),
                           fetch_pages=fetch_pages,
                           date_order=DateOrder.MONTH_FIRST if month_first else DateOrder.DAY_FIRST)
    except InputError as e:
        raise typer.BadParameter(e.reason, param_hint="--columns") from e


def _table_console() -> Console:
    # Piped output gets a wide table rather than rich's 80 columns.
    console = Console()
    return console if console.is_terminal else Console(width=200)


class _RateColumn(ProgressColumn):
    """Articles per second, once there is a rate to show."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "", style="progress.data.speed")


def _progress() -> Progress:
    """Articles done (of how many, when known), rate, time left: on a terminal only."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    _RateColumn(), TimeElapsedColumn(), TextColumn("left"),
                    TimeRemainingColumn(), console=err, transient=True,
                    disable=not err.is_terminal)


def _total(progress: Progress, paths: list[str]) -> int | None:
    """How many records the inputs hold, counted only when a bar is shown."""
    return None if progress.disable else jobs.count_records(paths)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help=INPUTS_HELP),
    published: Optional[str] = typer.Option(None, help="Publication date, YYYY-MM-DD."),
    title: Optional[str] = typer.Option(None, help="Title for a text file (else its first line)."),
    format: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", help="Output format."),
    columns: Optional[str] = COLUMNS_OPTION,
    month_first: bool = MONTH_FIRST_OPTION,
    fetch_pages: bool = FETCH_PAGES_OPTION,
    workers: int = WORKERS_OPTION,
) -> None:
    """Extract events from articles and print one JSON article per line with its events."""
    day = _date_option(published, "--published")
    title = _text_option(title, "--title")
    options = _read_options(columns, month_first, fetch_pages)
    bad: list[RecordError] = []

    def on_error(error: RecordError) -> None:
        bad.append(error)
        _report_bad(error)

    try:
        items = jobs.read_inputs(paths, published=day, title=title, options=options,
                                 on_warning=_report_warning, on_skip=_report_skipped)
        results = []
        for article, events, _ in jobs.extract_articles(items, on_error, _workers(workers)):
            record = jobs.article_with_events(article, events)
            if format is ExtractFormat.jsonl:
                typer.echo(jobs.dump_json(record))
            else:
                results.append(record)
    except NewsEventsError as e:
        _fail(e)
    if format is ExtractFormat.json:
        typer.echo(jobs.dump_json(results))
    elif format is ExtractFormat.table:
        table = Table("article", "type", "mode", "actor", "recipient", "date", "place", "source",
                      "modality", "evidence")
        for record in results:
            for e in record["events"]:
                table.add_row(record["id"][:16], e["type"], e["mode"] or "",
                              _names(e["actor"]), _names(e["recipient"]),
                              (e["date"] or {}).get("start", "") or "",
                              (e["place"] or {}).get("name", "") or "",
                              (e["attribution"] or {}).get("name", "") or "",
                              e["modality"], e["evidence"][:80])
        _table_console().print(table)
    if bad:
        raise typer.Exit(code=1)


def _names(actors: list[dict]) -> str:
    return "; ".join(f"{a['name']} ({a.get('country') or '-'}/{a.get('sector') or '-'})"
                     for a in actors)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help=INPUTS_HELP),
    db: Optional[Path] = typer.Option(None, help="DuckDB file (default $NEWSEVENTS_DB or ./newsevents.duckdb)."),
    published: Optional[str] = typer.Option(None, help="Publication date for files without one."),
    columns: Optional[str] = COLUMNS_OPTION,
    month_first: bool = MONTH_FIRST_OPTION,
    fetch_pages: bool = FETCH_PAGES_OPTION,
    server: Optional[str] = typer.Option(None, help="Post to a running `newsevents serve` at this URL instead."),
    token: Optional[str] = typer.Option(None, envvar="NEWSEVENTS_TOKEN", show_envvar=True,
                                        help="The server's write token (with --server)."),
    workers: int = WORKERS_OPTION,
) -> None:
    """Extract events and store them; ingesting the same articles twice changes nothing."""
    day = _date_option(published, "--published")
    options = _read_options(columns, month_first, fetch_pages)
    try:
        with _progress() as progress:
            task = progress.add_task("ingesting", total=_total(progress, paths))
            if server:
                report = jobs.ingest_to_server(paths, server, token, published=day,
                                               progress=lambda: progress.advance(task),
                                               options=options)
            else:
                report = jobs.ingest(paths, _db_path(db), published=day,
                                     progress=lambda: progress.advance(task), options=options,
                                     workers=_workers(workers))
    except NewsEventsError as e:
        _fail(e)
    for warning in report.warnings:
        _report_warning(warning)
    for skipped in report.not_english:
        _report_skipped(skipped)
    for error in report.errors:
        _report_bad(error)
    for conflict in report.id_conflicts:
        _report_warning(conflict)
    updated = f"{report.updated} updated; " if report.updated else ""
    err.print(f"stored {report.stored} article(s) with {report.events} event(s); {updated}"
              f"{report.already_stored} already stored; {len(report.errors)} bad record(s); "
              f"{len(report.not_english)} not in English; {report.near_duplicates} joined a "
              f"group of near-duplicates")
    if report.errors:
        raise typer.Exit(code=1)


@app.command("watch-feeds")
def watch_feeds(
    feeds: Path = typer.Argument(..., help="A text file of feed URLs (or feed files), one a line."),
    every: str = typer.Option("15m", help="Time between rounds: 90s, 15m, 1h."),
    db: Optional[Path] = typer.Option(None, help="DuckDB file."),
    rounds: Optional[int] = typer.Option(None, help="Stop after this many rounds (default: run until stopped)."),
    once: bool = typer.Option(False, "--once", help="One round, then exit (for cron)."),
    fetch_pages: bool = FETCH_PAGES_OPTION,
) -> None:
    """Poll feeds, honouring ETag and Last-Modified, and store new items; a failing feed is
    reported and the others go on."""
    from .ingest.watch import parse_interval, watch
    try:
        seconds = parse_interval(every)
    except InputError as e:
        raise typer.BadParameter(e.reason, param_hint="--every") from e
    failed_any = False

    def on_round(report) -> None:
        nonlocal failed_any
        for feed in report.feeds:
            for warning in feed.warnings:
                _report_warning(warning)
            for error in feed.errors:
                _report_bad(error)
            if feed.status == "failed":
                failed_any = True
                err.print(f"[red]feed failed:[/red] {escape(feed.error or feed.feed)}")
            else:
                err.print(f"{escape(feed.feed)}: {feed.status}; stored {feed.stored} article(s) "
                          f"with {feed.events} event(s)")
        err.print(f"round at {report.started:%Y-%m-%d %H:%M:%S} UTC: {len(report.feeds)} feed(s), "
                  f"{len(report.failed)} failed")

    options = _read_options(None, False, fetch_pages)
    try:
        watch(feeds, _db_path(db), seconds, on_round, rounds=1 if once else rounds,
              options=options)
    except KeyboardInterrupt:
        err.print("stopped")
    except NewsEventsError as e:
        _fail(e)
    if failed_any:
        raise typer.Exit(code=1)


@app.command("spark-extract")
def spark_extract(
    input: str = typer.Argument(..., help="JSONL (.jsonl, .ndjson, .gz) or Parquet file, or a folder of them."),
    output: str = typer.Option(..., "--output", help="Folder for the Parquet datasets."),
    master: str = typer.Option("local[*]", help="Spark master (spark-submit for a cluster: see README)."),
    partitions: Optional[int] = typer.Option(None, help="Repartition the input into this many tasks."),
    published: Optional[str] = typer.Option(None, help="Publication date for records without one."),
    columns: Optional[str] = COLUMNS_OPTION,
    month_first: bool = MONTH_FIRST_OPTION,
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing output."),
) -> None:
    """Extract events on Apache Spark, the same pipeline per partition; write Parquet."""
    from . import spark as spark_job
    day = _date_option(published, "--published")
    options = _read_options(columns, month_first, False)
    session = None
    try:
        session = spark_job.local_session(master)
        report = spark_job.spark_extract(input, output, session, options, day, partitions,
                                         overwrite)
    except NewsEventsError as e:
        _fail(e)
    finally:
        if session is not None:
            session.stop()
    for problem in report.problems:
        err.print(f"[yellow]{problem['kind']}:[/yellow] {escape(spark_job._describe(problem))}")
    err.print(escape(spark_job.summary(report)))
    if report.errors:
        raise typer.Exit(code=1)


@app.command()
def load(
    directory: Path = typer.Argument(..., help="The --output folder of spark-extract."),
    db: Optional[Path] = typer.Option(None, help="DuckDB file."),
) -> None:
    """Store the articles, events and mentions written by spark-extract."""
    from .exchange import load_directory
    try:
        with _progress() as progress:
            task = progress.add_task("loading", total=None)
            report = load_directory(directory, _db_path(db), lambda: progress.advance(task))
    except NewsEventsError as e:
        _fail(e)
    err.print(f"stored {report.stored} article(s) with {report.events} event(s); "
              f"{report.already_stored} already stored")


@app.command()
def events(
    actor: Optional[str] = typer.Option(None, help="Actor country code or name."),
    recipient: Optional[str] = typer.Option(None, help="Recipient country code or name."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type."),
    since: Optional[str] = typer.Option(None, help="Events on or after this date."),
    until: Optional[str] = typer.Option(None, help="Events on or before this date."),
    place: Optional[str] = typer.Option(None, help="Place name or country code."),
    source: Optional[str] = typer.Option(None, help="Attributed source or outlet."),
    modality: Optional[str] = typer.Option(None, help="asserted, future, hypothetical or negated."),
    limit: int = typer.Option(1000, help="At most this many events."),
    db: Optional[Path] = typer.Option(None, help="DuckDB file."),
    format: EventsFormat = typer.Option(EventsFormat.table, "--format", help="Output format."),
) -> None:
    """Query stored events."""
    from .store.queries import EventFilter, find_events
    try:
        flt = EventFilter(actor=actor, recipient=recipient, type=type,
                          since=_date_option(since, "--since"), until=_date_option(until, "--until"),
                          place=place, source=source, modality=modality, limit=limit)
    except NewsEventsError as e:
        _fail(e)
    path = _db_path(db)
    if not path.exists():
        _fail(InputError("no database here; run `newsevents ingest` first or pass --db", source=str(path)))
    try:
        with jobs.open_store(path, read_only=True) as store:
            rows = find_events(store, flt)
    except NewsEventsError as e:
        _fail(e)
    if format is EventsFormat.json:
        typer.echo(jobs.dump_json(rows))
    elif format is EventsFormat.csv:
        out = io.StringIO()
        columns = list(rows[0].keys()) if rows else ["id"]
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: jobs.dump_json(v) if isinstance(v, (list, dict)) else v
                             for k, v in row.items()})
        typer.echo(out.getvalue().rstrip("\n"))
    else:
        table = Table("date", "type", "actor", "recipient", "place", "source", "modality", "evidence")
        for row in rows:
            table.add_row(str(row.get("date_start") or ""), row.get("type") or "",
                          _names(row.get("actor") or []), _names(row.get("recipient") or []),
                          row.get("place_name") or "", row.get("attribution_name") or "",
                          row.get("modality") or "", (row.get("evidence") or "")[:80])
        _table_console().print(table)


@app.command("eval")
def eval_command(
    gold: Path = typer.Argument(..., help="Gold JSONL (events, timexes or toponyms)."),
    by_type: bool = typer.Option(False, "--by-type", help="Add per-type precision and recall."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    half: Optional[Half] = typer.Option(None, "--half",
                                        help="Score only the tuning or the check half (eval/splits.py)."),
    errors: bool = typer.Option(False, "--errors",
                                help="List misses and false events grouped by cause (event gold)."),
) -> None:
    """Run extraction on a gold file and score it as shared/gold/SCORING.md says."""
    bad: list[RecordError] = []

    def on_error(error: RecordError) -> None:
        bad.append(error)
        _report_bad(error)

    try:
        jobs.require_file(str(gold))
        with _progress() as progress:
            task = progress.add_task("scoring", total=None)
            result = jobs.evaluate(gold, by_type=by_type, progress=lambda: progress.advance(task),
                                   half=half.value if half else None, errors=errors,
                                   on_error=on_error)
    except NewsEventsError as e:
        _fail(e)
    if as_json:
        typer.echo(jobs.dump_json(result))
    elif result["kind"] == "events":
        from .eval.events import format_report
        typer.echo(format_report(result))
        if errors:
            from .eval.errors import format_errors
            typer.echo(format_errors(result["errors"]))
    else:
        typer.echo(jobs.dump_json(result))
    if bad:
        raise typer.Exit(code=1)


def _per_article(paths: list[str], published: Optional[str], key: str, report) -> None:
    """A JSON list for one text; one `{"id", key}` line per article for JSONL input."""
    day = _date_option(published, "--published")
    bad: list[RecordError] = []
    articles = []
    from .extraction import default_pipeline
    try:
        for item in jobs.read_inputs(paths, published=day, on_warning=_report_warning,
                                     on_skip=_report_skipped):
            if isinstance(item, RecordError):
                bad.append(item)
                _report_bad(item)
            else:
                articles.append(item)
        as_lines = any(p.endswith(".jsonl") for p in paths) or len(articles) != 1
        for article, doc in default_pipeline().run(articles, every_sentence=True):
            if as_lines:
                typer.echo(jobs.dump_json({"id": article.id, key: report(doc)}))
            else:
                typer.echo(jobs.dump_json(report(doc)))
    except NewsEventsError as e:
        _fail(e)
    if bad:
        raise typer.Exit(code=1)


@app.command()
def when(
    paths: list[str] = typer.Argument(..., help="Files or - for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date, YYYY-MM-DD."),
    timeml: bool = typer.Option(False, "--timeml", help="TimeML values (\"since 1997\" is 1997)."),
) -> None:
    """Print the time expressions of each article, resolved against its publication date."""
    from .nlp.time import timex_report
    _per_article(paths, published, "timexes", lambda doc: timex_report(doc, timeml=timeml))


@app.command()
def where(
    paths: list[str] = typer.Argument(..., help="Files or - for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date, YYYY-MM-DD."),
) -> None:
    """Print the place names of each article with coordinates."""
    from .nlp.place import place_report
    _per_article(paths, published, "places", place_report)


@app.command()
def serve(
    db: Optional[Path] = typer.Option(None, help="DuckDB file (default $NEWSEVENTS_DB or ./newsevents.duckdb)."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on; other hosts can reach a non-loopback one."),
    port: int = typer.Option(8000, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, envvar="NEWSEVENTS_TOKEN", show_envvar=True,
                                        help="Token that POST /api/articles must send; without one the server is read-only."),
    query_timeout: float = typer.Option(10.0, help="Seconds a query may run before it is stopped."),
) -> None:
    """Serve the REST API (docs at /api/docs) and the web UI; the server holds the database."""
    from .api.server import is_loopback, serve as run_server
    if not is_loopback(host):
        err.print(f"[yellow]warning:[/yellow] listening on {escape(host)}: other machines can "
                  "read the database")
    if token is not None and not token.strip():
        _fail(InputError("the token is empty", field="--token"))
    err.print(f"serving {escape(str(_db_path(db)))} at http://{escape(host)}:{port}/ "
              f"({'accepting articles with the token' if token else 'read-only: no token'})")
    try:
        run_server(_db_path(db), host=host, port=port, token=token, query_timeout=query_timeout)
    except NewsEventsError as e:
        _fail(e)


# clusters, claims, timeline, network, export and watch register themselves on `app`.
from . import cli_kb  # noqa: E402,F401


def main() -> None:
    app()


if __name__ == "__main__":
    main()
