"""Read articles from files, folders, archives, feeds, URLs or stdin.

`read_articles` yields an Article for each good record and a RecordError for
each bad one, so a batch keeps its good articles and reports the bad. Records kept
with a problem (a date that cannot be read) are reported through `on_warning`.
Only problems with the input as a whole (no such file, unknown extension) raise.

Formats by extension: .txt/.md (the first line is the title), .html (ingest/html.py),
.jsonl, .csv/.tsv/.parquet (ingest/tables.py, with a column mapping), .rss/.atom/.xml
feeds (ingest/feeds.py), .gz and .zip of any of these and folders (ingest/archives.py),
http(s) URLs of feeds or pages, and - for stdin.
"""
from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..errors import InputError, RecordError, RecordWarning
from ..records import Article
from .dates import DateOrder, parse_date, published_date  # noqa: F401  (parse_date: re-exported)
from .language import NotEnglish, screen
from .options import DEFAULT_OPTIONS, ReadOptions

STDIN = "-"
STDIN_SOURCE = "<stdin>"
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
TABLE_SUFFIXES = (".csv", ".tsv", ".parquet")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
ARCHIVE_SUFFIXES = (".gz", ".zip")
SUPPORTED = (TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + TABLE_SUFFIXES + FEED_SUFFIXES
             + ARCHIVE_SUFFIXES)

Item = Article | RecordError | RecordWarning
log = logging.getLogger("newsevents.ingest")

# Optional string fields of a JSONL article; `text` is required and checked apart.
_STRING_FIELDS = ("id", "title", "outlet", "url")


def read_articles(path: str | Path, published: date | None = None, title: str | None = None,
                  options: ReadOptions = DEFAULT_OPTIONS,
                  on_warning: Callable[[RecordWarning], None] | None = None,
                  on_skip: Callable[[RecordWarning], None] | None = None,
                  ) -> Iterator[Article | RecordError]:
    """Articles from one file (by extension), folder or URL, or from stdin when `path` is "-".

    `published` is the date for inputs that do not carry one; a date in the
    input (a JSONL field, an HTML meta tag) wins. `title` names a text file's
    article; without it the first non-empty line is the title. Warnings go to
    `on_warning`, else to the `newsevents.ingest` logger; articles skipped for their
    language (ingest/language.py) to `on_skip`, else with the warnings.
    """
    for item in read_items(path, published, title, options):
        if isinstance(item, NotEnglish) and on_skip is not None:
            on_skip(item)
        elif isinstance(item, RecordWarning):
            (on_warning or _log_warning)(item)
        else:
            yield item


def _log_warning(warning: RecordWarning) -> None:
    log.warning("%s", warning)


def supported(name: str) -> bool:
    return name.lower().endswith(SUPPORTED)


def read_items(path: str | Path, published: date | None = None, title: str | None = None,
               options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """`read_articles` with its warnings in the stream, each before its article."""
    from .feeds import is_url, read_url

    if str(path) == STDIN:
        yield from read_stream(sys.stdin, STDIN_SOURCE, published=published, title=title)
        return
    if is_url(str(path)):
        yield from read_url(str(path), options, published, title)
        return
    file = Path(path)
    if file.is_dir():
        from .archives import read_directory
        yield from read_directory(file, lambda f: read_items(f, published, title, options),
                                  supported)
        return
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(f"unknown file type '{file.suffix or '(none)'}'; expected one of "
                         f"{', '.join(SUPPORTED)}, a folder, a URL or - for stdin",
                         source=str(path))
    if not file.is_file():
        raise InputError("no such file", source=str(path))
    if suffix in JSONL_SUFFIXES:
        with file.open("rb") as handle:
            yield from read_jsonl_lines(handle, str(path), published=published,
                                        order=options.date_order)
        return
    if suffix in TEXT_SUFFIXES:
        content = _read_text(file)
        yield from _dated(_guarded(lambda: text_article(content, str(path), published, title,
                                                        markdown=suffix != ".txt")), str(path))
        return
    yield from read_named(file.name, lambda: file.open("rb"), str(path), published, title,
                          options)


def read_named(name: str, opener: Callable[[], BinaryIO], source: str,
               published: date | None = None, title: str | None = None,
               options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Item]:
    """Articles of one file's bytes, read as its name's extension says (archive members too)."""
    suffix = Path(name).suffix.lower()

    def again(inner: str, inner_opener, inner_source: str) -> Iterator[Item]:
        return read_named(inner, inner_opener, inner_source, published, title, options)

    if suffix == ".gz":
        from .archives import read_gzip
        yield from read_gzip(name, opener, source, again)
    elif suffix == ".zip":
        from .archives import read_zip
        yield from read_zip(opener, source, again, supported)
    elif suffix in (".csv", ".tsv"):
        from .tables import read_csv
        with opener() as stream:
            yield from read_csv(stream, source, options, published,
                                delimiter="\t" if suffix == ".tsv" else ",")
    elif suffix == ".parquet":
        from .tables import read_parquet
        with opener() as stream:
            handle = stream if stream.seekable() else _in_memory(stream)
            yield from read_parquet(handle, source, options, published)
    elif suffix in JSONL_SUFFIXES:
        with opener() as stream:
            yield from read_jsonl_lines(stream, source, published=published,
                                        order=options.date_order)
    elif suffix in FEED_SUFFIXES:
        from .feeds import feed_articles
        yield from feed_articles(_read_bytes(opener, source), source, options, published)
    elif suffix in HTML_SUFFIXES:
        from .html import html_articles
        yield from html_articles(_read_bytes(opener, source), source, published, title,
                                 options.date_order)
    elif suffix in TEXT_SUFFIXES:
        content = _decode(_read_bytes(opener, source), source)
        yield from _dated(_guarded(lambda: text_article(content, source, published, title,
                                                        markdown=suffix != ".txt")), source)
    else:
        raise InputError(f"unknown file type '{suffix or '(none)'}'", source=source)


def _read_bytes(opener: Callable[[], BinaryIO], source: str) -> bytes:
    try:
        with opener() as stream:
            return stream.read()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", source=source) from e


def _in_memory(stream: BinaryIO):
    import io
    return io.BytesIO(stream.read())


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(not_utf8(data, e), source=source) from e


def not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    """Where the first undecodable byte is, and how to convert the file."""
    line = data.count(b"\n", 0, error.start) + 1
    return (f"not UTF-8 text: byte 0x{data[error.start]:02x} at line {line} "
            f"(byte {error.start}) is {error.reason}; convert the file to UTF-8, "
            "e.g. iconv -f latin1 -t utf-8")


def check_path(path: str | Path) -> None:
    """Raise InputError for a path that names nothing readable: checked before a run starts."""
    from .feeds import is_url

    if str(path) == STDIN or is_url(str(path)):
        return
    file = Path(path)
    if file.is_dir():
        return
    if file.suffix.lower() not in SUPPORTED:
        raise InputError(f"unknown file type '{file.suffix or '(none)'}'; expected one of "
                         f"{', '.join(SUPPORTED)}, a folder, a URL or - for stdin",
                         source=str(path))
    if not file.is_file():
        raise InputError("no such file", source=str(path))


def read_stream(stream: BinaryIO | TextIO, source: str = STDIN_SOURCE,
                published: date | None = None,
                title: str | None = None) -> Iterator[Article | RecordError]:
    """JSON Lines when the first non-blank line (or, past a broken first line, one of the
    next few) opens a JSON object; else one plain-text article.

    The stream is read as bytes and JSONL is split on "\n" alone, as files are, so a
    text holding U+2028 or U+0085 stays one record and line numbers match the file's.
    """
    raw = getattr(stream, "buffer", stream)
    head: list[bytes] = []
    jsonl = False
    seen = 0
    for line in iter(raw.readline, type(raw.read(0))()):
        line = line if isinstance(line, bytes) else line.encode("utf-8")
        head.append(line)
        start = line.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()
        if not start:
            continue
        seen += 1
        if start.startswith(b"{") if seen == 1 else start.startswith(b'{"'):
            jsonl = True
            break
        if seen >= _JSONL_PROBE_LINES:
            break
    if jsonl:
        yield from read_jsonl_lines(_chain_lines(head, raw), source, published=published)
        return
    rest = raw.read()
    data = b"".join(head) + (rest if isinstance(rest, bytes) else rest.encode("utf-8"))
    try:
        content = _decode(data, source)
    except InputError as e:
        yield RecordError(e.reason, source=source)
        return
    yield from _dated(_guarded(lambda: text_article(content, source, published, title)), source)


# Lines of stdin looked at for a JSON object before it is taken for plain text.
_JSONL_PROBE_LINES = 10


def _chain_lines(head: list[bytes], raw) -> Iterator[bytes]:
    yield from head
    for line in raw:
        yield line if isinstance(line, bytes) else line.encode("utf-8")


def _dated(items: Iterable[Article | RecordError], source: str | None = None) -> Iterator[Item]:
    """Text files carry no date: one given for the run is theirs, else they get a warning."""
    for item in items:
        if isinstance(item, Article) and item.published is None:
            yield RecordWarning("no publication date (give one with --published); its "
                                "relative dates are left unresolved", source=source,
                                field="published")
        yield screen(item, source) if isinstance(item, Article) else item


def _guarded(make) -> Iterator[Article | RecordError]:
    try:
        yield make()
    except RecordError as e:
        yield e


def _read_text(file: Path) -> str:
    try:
        data = file.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", source=str(file)) from e
    return _decode(data, str(file))


# --- plain text and Markdown ---------------------------------------------------------------

def text_article(content: str, source: str, published: date | None = None,
                 title: str | None = None, markdown: bool = False) -> Article:
    """First non-empty line is the title (unless given); the rest, trimmed, is the text.
    A text of one line has no title: that line is the text."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    if title is None and "\n" not in content.strip():
        title, body = None, content
    elif title is None:
        lines = content.lstrip("\n").split("\n", 1)
        first = lines[0].strip()
        title = re.sub(r"^#+\s*", "", first) if markdown else first
        body = lines[1] if len(lines) > 1 else ""
    else:
        body = content
    title = title or None
    body = body.strip()
    if not body:
        raise RecordError("no article text after the title line", source=source, field="text")
    return Article(text=body, title=title or None, published=published)


# --- JSON Lines ---------------------------------------------------------------------------

def read_jsonl_lines(lines: Iterable[bytes | str], source: str, published: date | None = None,
                     order: DateOrder = DateOrder.DAY_FIRST) -> Iterator[Item]:
    """One article per non-blank line; each bad line becomes a RecordError with its number,
    and a line whose date is missing or unreadable a RecordWarning before its article."""
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw if isinstance(raw, str) else raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield RecordError(f"not UTF-8 ({e.reason} at byte {e.start})",
                              source=source, line=number)
            continue
        if not line.strip():
            continue
        warnings: list[RecordWarning] = []
        try:
            article = jsonl_article(line, source, number, published, order, warnings.append)
        except RecordError as e:
            yield e
        else:
            yield from warnings
            yield screen(article, source, number)


def jsonl_article(line: str, source: str, number: int, published: date | None = None,
                  order: DateOrder = DateOrder.DAY_FIRST,
                  on_warning: Callable[[RecordWarning], None] | None = None) -> Article:
    """One JSONL record as an Article; its own `published` overrides the default, and one
    it cannot read leaves the article without a date, told to `on_warning`."""
    try:
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as e:
        raise RecordError(f"invalid JSON: {e.msg} at column {e.colno}",
                          source=source, line=number) from e
    if not isinstance(record, dict):
        raise RecordError(f"expected a JSON object, got {_json_type(record)}",
                          source=source, line=number)
    text = record.get("text")
    if text is None:
        raise RecordError("missing article text", source=source, line=number, field="text")
    if not isinstance(text, str):
        raise RecordError(f"expected a string, got {_json_type(text)}",
                          source=source, line=number, field="text")
    if not text.strip():
        raise RecordError("empty article text", source=source, line=number, field="text")
    values: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise RecordError(f"expected a string or null, got {_json_type(value)}",
                              source=source, line=number, field=name)
        values[name] = value.strip() or None if isinstance(value, str) else None
    published, warning = published_date(record.get("published"), published, source, number,
                                         order)
    if warning is not None and on_warning is not None:
        on_warning(warning)
    return Article(text=text, id=values["id"] or "", title=values["title"], published=published,
                   outlet=values["outlet"], url=values["url"])


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
