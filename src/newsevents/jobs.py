"""The plain functions behind each CLI command, usable from notebooks and tests."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, RecordError, RecordWarning, StoreError
from .records import Article, Event, article_with_events

if TYPE_CHECKING:
    from .ingest.options import ReadOptions


def read_inputs(paths: Iterable[str], published: date | None = None,
                title: str | None = None, options: ReadOptions | None = None,
                on_warning: Callable[[RecordWarning], None] | None = None,
                on_skip: Callable[[RecordWarning], None] | None = None,
                ) -> Iterator[Article | RecordError]:
    """English articles of every path; records kept with a problem (a date it cannot
    read) are told to `on_warning`, articles in other languages to `on_skip` (else to
    `on_warning`)."""
    from .ingest.archives import isolated
    from .ingest.options import DEFAULT_OPTIONS
    from .ingest.readers import STDIN, STDIN_SOURCE, check_path, read_articles
    paths = list(paths)
    for path in paths:      # a mistyped name stops the run before any work
        check_path(path)
    for path in paths:
        source = STDIN_SOURCE if str(path) == STDIN else str(path)     # as the readers say
        # A file that cannot be read or decoded is one bad record; the next file goes on.
        items = isolated(lambda path=path: read_articles(
            path, published=published, title=title, options=options or DEFAULT_OPTIONS,
            on_warning=on_warning, on_skip=on_skip), source)
        yield from within_limits(items, source)


def count_records(paths: Iterable[str]) -> int | None:
    """Records in the inputs, for a progress bar's total: the non-blank lines of JSON Lines
    files and one per text or HTML file; None when any input cannot be counted cheaply."""
    from .ingest.readers import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES
    total = 0
    for path in paths:
        file = Path(path)
        suffix = file.suffix.lower()
        if not file.is_file() or suffix not in JSONL_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES:
            return None
        if suffix not in JSONL_SUFFIXES:
            total += 1
            continue
        with file.open("rb") as handle:
            total += sum(1 for line in handle if line.strip())
    return total


def within_limits(items: Iterable[Article | RecordError],
                  source: str | None = None) -> Iterator[Article | RecordError]:
    """Articles over the hard length limit become bad records (sections.py says why)."""
    from .sections import MAX_ARTICLE_CHARS
    for item in items:
        if isinstance(item, Article) and len(item.text) > MAX_ARTICLE_CHARS:
            yield RecordError(f"article {item.id} has {len(item.text):,} characters, over the "
                              f"limit of {MAX_ARTICLE_CHARS:,}; split it into smaller articles",
                              source=source, field="text")
        else:
            yield item


def extract_articles(items: Iterable[Article | RecordError],
                     on_error: Callable[[RecordError], None],
                     workers: int = 1) -> Iterator[tuple[Article, list[Event], list]]:
    """Extract events of every good article; bad records go to `on_error`. With more than
    one worker, a large input is extracted in that many processes (parallel.py)."""
    from .parallel import extract_in_workers

    def good() -> Iterator[Article]:
        for item in items:
            if isinstance(item, RecordError):
                on_error(item)
            else:
                yield item

    yield from extract_in_workers(good(), workers)


@dataclass
class IngestReport:
    stored: int = 0
    already_stored: int = 0
    updated: int = 0                # stored articles given a new title or date (store/identity.py)
    events: int = 0
    errors: list[RecordError] = field(default_factory=list)
    warnings: list[RecordWarning] = field(default_factory=list)
    not_english: list[RecordWarning] = field(default_factory=list)
    id_conflicts: list[RecordWarning] = field(default_factory=list)
    near_duplicates: int = 0        # stored articles that joined a group of wire copies


INGEST_DB_MEMORY = "256MB"


def ingest(paths: Iterable[str], db_path: str | Path, published: date | None = None,
           progress: Callable[[], None] | None = None,
           options: ReadOptions | None = None, workers: int = 1) -> IngestReport:
    """Extract and store articles; each article in one transaction; bad records reported.

    Articles stored unchanged are not extracted again, so a run cut short (killed)
    completes on the next run with the articles it had not reached."""
    from .store.store import ALREADY_STORED, UPDATED
    report = IngestReport()
    with open_store(db_path) as store:
        # DuckDB would otherwise cache the growing file up to most of the machine's memory,
        # beside the model and its workers; larger work spills to disk.
        store.execute(f"SET memory_limit = '{INGEST_DB_MEMORY}'")
        items = read_inputs(paths, published=published, options=options,
                            on_warning=report.warnings.append,
                            on_skip=report.not_english.append)

        def new_or_changed() -> Iterator[Article | RecordError]:
            for item in items:
                if isinstance(item, Article) and store.is_stored_unchanged(item):
                    report.already_stored += 1
                    if progress:
                        progress()
                else:
                    yield item

        for article, events, mentions in extract_articles(new_or_changed(), report.errors.append,
                                                          workers):
            saved = store.save_article(article, events, mentions)
            if saved.status == ALREADY_STORED:      # a repeat within this run
                report.already_stored += 1
            else:
                report.events += len(events)
                if saved.status == UPDATED:
                    report.updated += 1
                else:
                    report.stored += 1
                    group = store.article_group(saved.id)
                    if group and len(group["articles"]) > 1:
                        report.near_duplicates += 1
                for other in saved.conflicts:
                    report.id_conflicts.append(RecordWarning(
                        f"id {article.id!r} also names stored article {other} of other "
                        f"content; stored as a new article {saved.id}", field="id"))
            if progress:
                progress()
        # events stored by older versions or other writers get their clusters too
        from .analysis.clusters import sync_clusters
        from .store.facts import sync_facts
        with store.transaction():
            sync_facts(store)
            sync_clusters(store)
    return report


def open_store(db_path: str | Path, read_only: bool = False):
    """Store.open, saying so when a running `newsevents serve` holds the file."""
    from .api.marker import read_marker
    from .store import Store
    try:
        return Store.open(db_path, read_only=read_only)
    except StoreError as e:
        server = read_marker(db_path)
        if server is None:
            raise
        raise StoreError(f"{db_path}: the database is in use by {server.describe()}; "
                         f"read it there, add articles with `newsevents ingest --server "
                         f"{server.url}`, or stop the server") from e


def ingest_to_server(paths: Iterable[str], server: str, token: str | None,
                     published: date | None = None,
                     progress: Callable[[], None] | None = None,
                     options: ReadOptions | None = None) -> IngestReport:
    """Read articles here and post them to a running server, which extracts and stores."""
    from .api.client import batches, post_articles
    report = IngestReport()

    def good() -> Iterator[Article]:
        for item in read_inputs(paths, published=published, options=options,
                                on_warning=report.warnings.append,
                                on_skip=report.not_english.append):
            if isinstance(item, RecordError):
                report.errors.append(item)
            else:
                yield item

    for batch in batches(good()):
        answer = post_articles(server, batch, token)
        report.stored += answer.get("stored", 0)
        report.already_stored += answer.get("already_stored", 0)
        report.events += answer.get("events", 0)
        for bad in answer.get("errors", []):
            index = bad.get("index")
            record = batch[index] if isinstance(index, int) and 0 <= index < len(batch) else {}
            report.errors.append(RecordError(bad.get("error", "refused by the server"),
                                             source=f"article {record.get('id') or index}",
                                             field=bad.get("field")))
        for note in answer.get("warnings", []):
            index = note.get("index")
            record = batch[index] if isinstance(index, int) and 0 <= index < len(batch) else {}
            report.warnings.append(RecordWarning(note.get("warning", ""),
                                                 source=f"article {record.get('id') or index}",
                                                 field=note.get("field")))
        if progress:
            for _ in batch:
                progress()
    return report


def read_jsonl(path: str | Path,
               on_error: Callable[[RecordError], None] | None = None) -> list[dict]:
    from .eval.gold import read_articles as read_gold
    return read_gold(path, on_error=on_error)


def gold_kind(records: list[dict]) -> str:
    """Which scorer a gold file needs: events, timexes or toponyms."""
    keys = set().union(*(r.keys() for r in records)) if records else set()
    if "timexes" in keys:
        return "timexes"
    if "toponyms" in keys:
        return "toponyms"
    return "events"


def _article_of(record: dict) -> Article:
    # Some public gold sets carry free-text dates ("4:58 PM ET"); those score without one.
    try:
        published = date.fromisoformat(str(record.get("published"))[:10])
    except ValueError:
        published = None
    return Article(id=record.get("id") or "", text=record["text"], title=record.get("title"),
                   published=published)


def evaluate(gold_path: str | Path, by_type: bool = False,
             progress: Callable[[], None] | None = None, half: str | None = None,
             errors: bool = False,
             on_error: Callable[[RecordError], None] | None = None) -> dict:
    """Run extraction over a gold file and score it as shared/gold/SCORING.md says;
    `half` scores only the tuning or check half (eval/splits.py); `errors` adds the
    event errors grouped by cause (eval/errors.py). A gold line a scorer cannot read
    raises RecordError, or with `on_error` goes there and is left out of the scores."""
    from .eval.splits import in_half
    from .extraction import default_pipeline
    gold = in_half(read_jsonl(gold_path, on_error=on_error), half)
    kind = gold_kind(gold)
    pipeline = default_pipeline()
    # Keyed by the record itself, not its id: gold may repeat an id (plover-gsr does).
    docs = {}
    # `when` and `where` parse every sentence; the event gold is scored as `extract` runs.
    every_sentence = kind in ("timexes", "toponyms")
    for record, (_, doc) in zip(gold, pipeline.run((_article_of(r) for r in gold),
                                                   every_sentence=every_sentence)):
        docs[id(record)] = doc
        if progress:
            progress()
    if kind == "timexes":
        from .eval.timex import score_timexes
        from .nlp.time import timex_report
        result = score_timexes(gold, lambda record: timex_report(docs[id(record)], timeml=True))
    elif kind == "toponyms":
        from .eval.toponyms import score_toponyms
        from .nlp.place import place_report
        result = score_toponyms(gold, lambda record: place_report(docs[id(record)]))
    else:
        from .eval.events import score_events
        predicted = []
        for record in gold:
            doc = docs[id(record)]
            article = doc._.article
            predicted.append(article_with_events(
                article, [e.with_id(article.key) for e in doc._.events or []]))
        result = score_events(gold, predicted, by_type=by_type)
        if errors:
            from .eval.errors import find_errors
            result["errors"] = find_errors(gold, predicted)
    result["kind"] = kind
    result["half"] = half
    # "gold" is taken: the timex and toponym scorers count gold items under it.
    result["gold_file"] = str(gold_path)
    return result


# Characters that str.splitlines() and some JSON Lines readers take for line ends.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"})


def dump_json(value) -> str:
    """One line of JSON, non-ASCII kept, with every line-breaking character escaped."""
    return json.dumps(value, ensure_ascii=False, default=str).translate(_LINE_BREAKS)


def require_file(path: str) -> Path:
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", source=path)
    return p
