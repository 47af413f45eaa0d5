"""Read gold and predicted article files (JSON Lines, shape of shared/gold/GUIDELINES.md)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError, RecordError


def read_articles(path: str | Path) -> list[dict[str, Any]]:
    """Every article of a JSON Lines file, in file order; blank lines are skipped.

    Raises InputError when the file cannot be read and RecordError (with the
    line number) for a line that is not a JSON object with a string `id`.
    A repeated id is kept (shared/gold/plover-gsr.jsonl has one); the scorer
    pairs the n-th article of an id in gold with the n-th in the prediction.
    """
    source = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"cannot read file ({e.strerror or e})", source=source) from e
    return parse_articles(lines, source=source)


def parse_articles(lines: Iterable[str], source: str = "<lines>") -> list[dict[str, Any]]:
    """Articles from JSON Lines text, checked for the fields the scorer relies on."""
    articles: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
        except json.JSONDecodeError as e:
            raise RecordError(f"not valid JSON ({e.msg})", source=source, line=number) from e
        if not isinstance(article, dict):
            raise RecordError("not a JSON object", source=source, line=number)
        article_id = article.get("id")
        if not isinstance(article_id, str) or not article_id:
            raise RecordError("missing or empty", source=source, line=number, field="id")
        events = article.get("events", [])
        if not isinstance(events, list):
            raise RecordError("not a list", source=source, line=number, field="events")
        articles.append(article)
    return articles


__all__ = ["read_articles", "parse_articles"]
