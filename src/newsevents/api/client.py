"""Posting articles to a running server, for `newsevents ingest --server URL`."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import RemoteError
from ..records import Article
from .posting import MAX_ARTICLES_PER_REQUEST
from .security import DEFAULT_MAX_BODY

# Leave room under the server's body limit for JSON escaping and the envelope.
BATCH_BYTES = DEFAULT_MAX_BODY // 2


def batches(articles: Iterable[Article],
            max_count: int = 20, max_bytes: int = BATCH_BYTES) -> Iterator[list[dict[str, Any]]]:
    """Article dicts in groups small enough for one request each."""
    batch: list[dict[str, Any]] = []
    size = 0
    for article in articles:
        record = article.to_dict()
        record_size = len(json.dumps(record, ensure_ascii=False).encode())
        if batch and (len(batch) >= min(max_count, MAX_ARTICLES_PER_REQUEST)
                      or size + record_size > max_bytes):
            yield batch
            batch, size = [], 0
        batch.append(record)
        size += record_size
    if batch:
        yield batch


def post_articles(server: str, records: list[dict[str, Any]], token: str | None,
                  timeout: float = 600.0) -> dict[str, Any]:
    """POST one batch to SERVER/api/articles; the server's report, or RemoteError."""
    url = server.rstrip("/") + "/api/articles"
    body = json.dumps({"articles": records}, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as e:
        raise RemoteError(f"{url}: {e.code} {_message(e)}") from e
    except urllib.error.URLError as e:
        raise RemoteError(f"cannot reach the server at {server}: {e.reason}") from e
    except (OSError, ValueError) as e:
        raise RemoteError(f"{url}: no usable answer: {e}") from e


def _message(error: urllib.error.HTTPError) -> str:
    try:
        return json.loads(error.read()).get("error") or error.reason
    except (ValueError, AttributeError, OSError):
        return str(error.reason)
