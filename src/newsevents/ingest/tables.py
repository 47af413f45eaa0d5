"""CSV and Parquet exports: one article per row, columns named by a mapping.

Each row is checked on its own: a row without text is a RecordError naming the file,
the line (for Parquet, the row number) and the column; a row whose date cannot be read
is kept with a RecordWarning. A file that lacks the text column is an InputError that
lists the columns it has.
"""
from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, BinaryIO

from ..errors import InputError, RecordError, RecordWarning
from ..records import Article
from .dates import published_date
from .language import screen
from .options import ARTICLE_FIELDS, ReadOptions

Item = Article | RecordError | RecordWarning
_OPTIONAL_STRINGS = ("id", "title", "outlet", "url")


def read_csv(stream: BinaryIO, source: str, options: ReadOptions, published: date | None = None,
             delimiter: str = ",") -> Iterator[Item]:
    """Rows of a CSV (or, with a tab delimiter, TSV) file with a header line."""
    # News texts are longer than the csv module's default field limit of 128 KiB.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(text, delimiter=delimiter)
    try:
        header = reader.fieldnames or []
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 text ({e.reason} at byte {e.start})", source=source) from e
    except csv.Error as e:
        raise InputError(f"not a readable CSV header: {e}", source=source, line=1) from e
    _check_columns(header, source, options)
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as e:
            raise InputError(f"not UTF-8 text after line {reader.line_num} "
                             f"({e.reason})", source=source) from e
        except csv.Error as e:
            yield RecordError(f"not a readable CSV row: {e}", source=source, line=start)
            start = reader.line_num + 1
            continue
        if any(value for value in row.values() if value):   # blank lines are not records
            yield from mapped_article(row, source, start, options, published)
        start = reader.line_num + 1


def read_parquet(file: str | BinaryIO, source: str, options: ReadOptions,
                 published: date | None = None, batch_size: int = 1024) -> Iterator[Item]:
    """Rows of a Parquet file, read in batches; `line` in reports is the 1-based row."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(file)
    except Exception as e:          # pyarrow raises several types for a file that is not Parquet
        raise InputError(f"not a Parquet file: {e}", source=source) from e
    header = parquet.schema_arrow.names
    _check_columns(header, source, options)
    wanted = [options.column(f) for f in ARTICLE_FIELDS if options.column(f) in header]
    number = 0
    for batch in parquet.iter_batches(batch_size=batch_size, columns=wanted):
        for row in batch.to_pylist():
            number += 1
            yield from mapped_article(row, source, number, options, published)


def mapped_article(row: dict[str, Any], source: str, line: int, options: ReadOptions,
                   published: date | None = None) -> Iterable[Item]:
    """One row as an Article (after a warning if its date is unreadable) or a RecordError."""
    column = options.column
    text = row.get(column("text"))
    if not isinstance(text, str) or not text.strip():
        what = "empty" if text is None or isinstance(text, str) else f"not text ({type(text).__name__})"
        return [RecordError(f"{what} article text", source=source, line=line, field=column("text"))]
    values: dict[str, str | None] = {}
    for name in _OPTIONAL_STRINGS:
        value = row.get(column(name))
        if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "id":
            value = str(value)     # numeric ids from exports are ids all the same
        if value is not None and not isinstance(value, str):
            return [RecordError(f"expected text or nothing, got {type(value).__name__}",
                                source=source, line=line, field=column(name))]
        values[name] = value.strip() or None if isinstance(value, str) else None
    day, warning = published_date(row.get(column("published")), published, source, line,
                                  options.date_order, field=column("published"))
    article = Article(text=text.strip(), id=values["id"] or "", title=values["title"],
                      published=day, outlet=values["outlet"], url=values["url"])
    return [warning, screen(article, source, line)] if warning else [screen(article, source, line)]


def _check_columns(header: list[str], source: str, options: ReadOptions) -> None:
    missing = [options.column(f) for f in options.columns if options.column(f) not in header]
    if options.column("text") not in header and options.column("text") not in missing:
        missing.insert(0, options.column("text"))
    if missing:
        raise InputError(f"no column {', '.join(repr(m) for m in missing)} (columns: "
                         f"{', '.join(header) or 'none'}); map fields with --columns "
                         "text=COLUMN,published=COLUMN,...", source=source)
