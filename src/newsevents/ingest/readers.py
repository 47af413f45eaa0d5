"""Read articles from text, Markdown, HTML, JSON Lines files or stdin.

`read_articles` yields an Article for each good record and a RecordError for
each bad one, so a batch keeps its good articles and reports the bad. Only
problems with the input as a whole (no such file, unknown extension) raise.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError, RecordError
from ..records import Article

STDIN = "-"
STDIN_SOURCE = "<stdin>"
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

# Optional string fields of a JSONL article; `text` is required and checked apart.
_STRING_FIELDS = ("id", "title", "outlet", "url")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def parse_date(value: Any, source: str | None = None, line: int | None = None,
               field: str = "published") -> date:
    """An ISO 8601 date or datetime as a date (the date as written, no time-zone shift)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise RecordError(f"expected an ISO 8601 date string, got {_json_type(value)}",
                          source=source, line=line, field=field)
    text = value.strip()
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text)
        if _ISO_DATETIME.match(text):
            # 3.11 fromisoformat takes "Z" and offsets; the calendar date is kept as written
            return datetime.fromisoformat(text).date()
    except ValueError as e:
        raise RecordError(f"not a real date: {value!r} ({e})",
                          source=source, line=line, field=field) from e
    raise RecordError(f"not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM...): {value!r}",
                      source=source, line=line, field=field)


def read_articles(path: str | Path, published: date | None = None,
                  title: str | None = None) -> Iterator[Article | RecordError]:
    """Articles from one file (by extension) or from stdin when `path` is "-".

    `published` is the date for inputs that do not carry one; a date in the
    input (a JSONL field, an HTML meta tag) wins. `title` names a text file's
    article; without it the first non-empty line is the title.
    """
    if str(path) == STDIN:
        yield from read_stream(sys.stdin, STDIN_SOURCE, published=published, title=title)
        return
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(f"unknown file type '{file.suffix or '(none)'}'; expected one of "
                         f"{', '.join(SUPPORTED)} or - for stdin", source=str(path))
    if not file.is_file():
        raise InputError("no such file", source=str(path))
    if suffix in JSONL_SUFFIXES:
        with file.open("rb") as handle:
            yield from read_jsonl_lines(handle, str(path), published=published)
        return
    content = _read_text(file)
    if suffix in HTML_SUFFIXES:
        yield from _guarded(lambda: html_article(content, str(path), published, title))
    else:
        yield from _guarded(lambda: text_article(content, str(path), published, title,
                                                 markdown=suffix != ".txt"))


def read_stream(stream: TextIO, source: str = STDIN_SOURCE, published: date | None = None,
                title: str | None = None) -> Iterator[Article | RecordError]:
    """A JSONL stream when its first non-blank character is `{`, else one plain-text article."""
    content = stream.read()
    if content.lstrip().startswith("{"):
        yield from read_jsonl_lines(content.splitlines(), source, published=published)
    else:
        yield from _guarded(lambda: text_article(content, source, published, title))


def _guarded(make) -> Iterator[Article | RecordError]:
    try:
        yield make()
    except RecordError as e:
        yield e


def _read_text(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 text ({e.reason} at byte {e.start})", source=str(file)) from e
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", source=str(file)) from e


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


# --- HTML ---------------------------------------------------------------------------------

# Page furniture whose paragraphs are not the story.
_DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form")


def html_article(content: str, source: str, published: date | None = None,
                 title: str | None = None) -> Article:
    """Title from <title> or <h1>; text from the <p> paragraphs of <article> (else of the page)."""
    from bs4 import BeautifulSoup  # imported here: bs4 is only needed for HTML input

    soup = BeautifulSoup(content, "html.parser")
    for tag in soup(_DROPPED_TAGS):
        tag.decompose()
    if title is None:
        title = _first_text(soup, ("title", "h1"))
    body = soup.find("article") or soup.body or soup
    paragraphs = [_squash(p.get_text(" ")) for p in body.find_all("p")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        # pages without <p> still carry their text in the container itself
        lines = (_squash(s) for s in body.get_text("\n").split("\n"))
        paragraphs = [line for line in lines if line]
    if not paragraphs:
        raise RecordError("no paragraph text in the page", source=source, field="text")
    return Article(text="\n".join(paragraphs), title=title, outlet=_meta(soup, "og:site_name"),
                   url=_canonical_url(soup), published=_html_published(soup, source) or published)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _first_text(soup, names: Iterable[str]) -> str | None:
    for name in names:
        tag = soup.find(name)
        if tag and _squash(tag.get_text(" ")):
            return _squash(tag.get_text(" "))
    return None


def _meta(soup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    value = tag.get("content") if tag else None
    return value.strip() or None if isinstance(value, str) else None


def _canonical_url(soup) -> str | None:
    link = soup.find("link", rel="canonical")
    href = link.get("href") if link else None
    return href.strip() if isinstance(href, str) and href.strip() else _meta(soup, "og:url")


def _html_published(soup, source: str) -> date | None:
    """The page's own date; a malformed one is ignored rather than losing the article."""
    candidates = [_meta(soup, "article:published_time")]
    time_tag = soup.find("time", attrs={"datetime": True})
    if time_tag:
        candidates.append(time_tag.get("datetime"))
    for value in candidates:
        if value:
            try:
                return parse_date(value, source=source, field="published")
            except RecordError:
                continue
    return None


# --- JSON Lines ---------------------------------------------------------------------------

def read_jsonl_lines(lines: Iterable[bytes | str], source: str,
                     published: date | None = None) -> Iterator[Article | RecordError]:
    """One article per non-blank line; each bad line becomes a RecordError with its number."""
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw if isinstance(raw, str) else raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield RecordError(f"not UTF-8 ({e.reason} at byte {e.start})",
                              source=source, line=number)
            continue
        if not line.strip():
            continue
        try:
            yield jsonl_article(line, source, number, published)
        except RecordError as e:
            yield e


def jsonl_article(line: str, source: str, number: int, published: date | None = None) -> Article:
    """One JSONL record as an Article; its own `published` overrides the default."""
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
    day = record.get("published")
    if day is not None and not (isinstance(day, str) and not day.strip()):
        published = parse_date(day, source=source, line=number, field="published")
    return Article(text=text, id=values["id"] or "", title=values["title"], published=published,
                   outlet=values["outlet"], url=values["url"])


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
