"""Read gold and predicted article files (JSON Lines, shape of shared/gold/GUIDELINES.md)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError, RecordError


def read_articles(path: str | Path,
                  on_error: Callable[[RecordError], None] | None = None) -> list[dict[str, Any]]:
    """Every article of a JSON Lines file, in file order; blank lines are skipped.

    Raises InputError when the file cannot be read and RecordError (with the
    line number) for a line that is not a JSON object with a string `id` and the
    fields the scorers read (`check_record`); with `on_error`, bad lines go there
    and the rest are returned.
    A repeated id is kept (shared/gold/plover-gsr.jsonl has one); the scorer
    pairs the n-th article of an id in gold with the n-th in the prediction.
    """
    source = str(path)
    try:
        lines = Path(path).read_bytes().split(b"\n")
    except OSError as e:
        raise InputError(f"cannot read file ({e.strerror or e})", source=source) from e
    return parse_articles(lines, source=source, on_error=on_error)


def parse_articles(lines: Iterable[str | bytes], source: str = "<lines>",
                   on_error: Callable[[RecordError], None] | None = None) -> list[dict[str, Any]]:
    """Articles from JSON Lines text, checked for the fields the scorer relies on."""
    articles: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        try:
            article = _parse_line(line, source, number)
        except RecordError as e:
            if on_error is None:
                raise
            on_error(e)
            continue
        if article is not None:
            articles.append(article)
    return articles


def _parse_line(line: str | bytes, source: str, number: int) -> dict[str, Any] | None:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as e:
            raise RecordError(f"not UTF-8 ({e.reason} at byte {e.start})",
                              source=source, line=number) from e
    if not line.strip():
        return None
    try:
        article = json.loads(line)
    except json.JSONDecodeError as e:
        raise RecordError(f"not valid JSON ({e.msg})", source=source, line=number) from e
    if not isinstance(article, dict):
        raise RecordError("not a JSON object", source=source, line=number)
    problem = check_record(article)
    if problem is not None:
        field, reason = problem
        raise RecordError(reason, source=source, line=number, field=field)
    return article


# --- the fields each scorer reads ---------------------------------------------------------

_TEXT = (str,)
_OPTIONAL_TEXT = (str, type(None))
_NUMBER = (int, float)
_OPTIONAL_NUMBER = (int, float, type(None))
_OPTIONAL_OBJECT = (dict, type(None))
_EVENT_FIELDS = {"type": _TEXT, "mode": _OPTIONAL_TEXT, "modality": _OPTIONAL_TEXT,
                 "evidence": _OPTIONAL_TEXT, "evidence_start": _OPTIONAL_NUMBER,
                 "evidence_end": _OPTIONAL_NUMBER, "actor": (list,), "recipient": (list,),
                 "date": (dict, str, type(None)), "place": _OPTIONAL_OBJECT,
                 "attribution": _OPTIONAL_OBJECT, "quantities": (list,)}
_PARTY_FIELDS = {"name": _OPTIONAL_TEXT, "country": _OPTIONAL_TEXT, "sector": _OPTIONAL_TEXT}
_PLACE_FIELDS = {"name": _OPTIONAL_TEXT, "country": _OPTIONAL_TEXT, "lat": _OPTIONAL_NUMBER,
                 "lon": _OPTIONAL_NUMBER, "aliases": (list, type(None))}
_TIMEX_FIELDS = {"start": (int,), "end": (int,), "value": _OPTIONAL_TEXT, "text": _OPTIONAL_TEXT}
_TOPONYM_FIELDS = {"start": (int,), "end": (int,), "lat": _OPTIONAL_NUMBER,
                   "lon": _OPTIONAL_NUMBER, "geonameid": (int, type(None)),
                   "name": _OPTIONAL_TEXT}
_REQUIRED = {"type", "start", "end"}
_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", list: "a list",
               dict: "an object", type(None): "null"}


def check_record(article: dict[str, Any]) -> tuple[str, str] | None:
    """(field, reason) for the first field a scorer could not read, else None."""
    article_id = article.get("id")
    if not isinstance(article_id, str) or not article_id:
        return "id", "missing or empty"
    text = article.get("text")
    if not isinstance(text, str) or not text.strip():
        return "text", "missing, empty or not a string"
    for name in ("title", "published"):
        if not isinstance(article.get(name), _OPTIONAL_TEXT):
            return name, "expected a string or null"
    for key, fields, check in (("events", _EVENT_FIELDS, _check_event),
                               ("timexes", _TIMEX_FIELDS, None),
                               ("toponyms", _TOPONYM_FIELDS, None)):
        items = article.get(key, [])
        if not isinstance(items, list):
            return key, "not a list"
        for index, item in enumerate(items):
            where = f"{key}[{index}]"
            problem = _check_fields(item, fields, where) or (check(item, where) if check else None)
            if problem:
                return problem
    return None


def _check_fields(item: Any, fields: dict[str, tuple[type, ...]],
                  where: str) -> tuple[str, str] | None:
    if not isinstance(item, dict):
        return where, "not an object"
    for name, types in fields.items():
        if name not in item and name not in _REQUIRED:
            continue
        value = item.get(name)
        if isinstance(value, bool) or not isinstance(value, types):
            wanted = " or ".join(_TYPE_NAMES[t] for t in types)
            return f"{where}.{name}", f"expected {wanted}"
    return None


def _check_event(event: dict[str, Any], where: str) -> tuple[str, str] | None:
    from .events import _date_span
    for role in ("actor", "recipient"):
        for index, party in enumerate(event.get(role) or []):
            problem = _check_fields(party, _PARTY_FIELDS, f"{where}.{role}[{index}]")
            if problem:
                return problem
    for name in ("place", "attribution"):
        if event.get(name) is not None:
            problem = _check_fields(event[name], _PLACE_FIELDS, f"{where}.{name}")
            if problem:
                return problem
    for index, quantity in enumerate(event.get("quantities") or []):
        if not isinstance(quantity, dict):
            return f"{where}.quantities[{index}]", "not an object"
    if event.get("date") is not None and _date_span(event["date"]) is None:
        return f"{where}.date", "start and end are not ISO 8601 dates"
    return None


__all__ = ["read_articles", "parse_articles", "check_record"]
