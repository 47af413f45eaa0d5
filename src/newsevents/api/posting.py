"""Articles posted to the server: each record checked on its own, extracted and stored.

The body is `{"articles": [ARTICLE, ...]}` or one ARTICLE object, with the fields of a
JSONL article. A bad record does not stop the batch: it is reported with its index and
field and the others are stored; one kept despite a problem (an unreadable date) is
listed under `warnings`.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..errors import InputError, RecordError, RecordWarning
from ..ingest.readers import jsonl_article
from ..records import Article
from ..store import Store

MAX_ARTICLES_PER_REQUEST = 100
SOURCE = "request body"


def records_of(body: Any) -> list[Any]:
    """The list of article records in a posted body; InputError when it has none."""
    if isinstance(body, dict) and "articles" in body:
        records = body["articles"]
        if not isinstance(records, list):
            raise InputError("'articles' must be a list of article objects", field="articles")
    elif isinstance(body, dict):
        records = [body]
    else:
        raise InputError("expected a JSON object: {\"articles\": [...]} or one article",
                         field="articles")
    if not records:
        raise InputError("no articles in the request", field="articles")
    if len(records) > MAX_ARTICLES_PER_REQUEST:
        raise InputError(f"{len(records)} articles in one request; send at most "
                         f"{MAX_ARTICLES_PER_REQUEST} at a time", field="articles")
    return records


def parse_record(record: Any, index: int,
                 on_warning: Callable[[RecordWarning], None] | None = None) -> Article | RecordError:
    """One posted record as an Article, or the RecordError saying what is wrong with it;
    a problem it is kept despite (an unreadable date) goes to `on_warning`."""
    try:
        return jsonl_article(json.dumps(record), SOURCE, index, on_warning=on_warning)
    except RecordError as e:
        return e


def store_records(store: Store, records: list[Any]) -> dict[str, Any]:
    """Extract and store the good records; report each one (stored, already stored, bad)."""
    from ..jobs import extract_articles

    report: dict[str, Any] = {"stored": 0, "already_stored": 0, "events": 0,
                              "articles": [], "errors": [], "warnings": []}

    def on_warning(warning: RecordWarning) -> None:
        report["warnings"].append({"index": warning.line, "field": warning.field,
                                   "warning": warning.reason})

    index_of: dict[int, int] = {}
    items = []
    for index, record in enumerate(records):
        item = parse_record(record, index, on_warning)
        if isinstance(item, Article):
            index_of[id(item)] = index
        items.append(item)

    def on_error(error: RecordError) -> None:
        report["errors"].append({"index": error.line, "field": error.field,
                                 "error": error.reason})

    for article, events, mentions in extract_articles(items, on_error):
        stored = store.add_article(article, events, mentions)
        report["stored" if stored else "already_stored"] += 1
        report["events"] += len(events) if stored else 0
        report["articles"].append({"index": index_of.get(id(article)), "id": article.id,
                                   "status": "stored" if stored else "already stored",
                                   "events": len(events)})
    return report
