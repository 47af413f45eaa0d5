"""Polling feeds: `newsevents watch-feeds FEEDS.txt --every 15m`.

Each round asks every feed for what changed since the last time, with the ETag and
Last-Modified the server sent then (kept in the store's `feed_state` table, so a
restart asks the same); a 304 answer costs nothing more. New items go through the
usual path (language check, extraction, one transaction per article), and items
already stored are passed over. A feed that fails (unreachable, an HTTP error, not a
feed) is reported for that round and the others are polled all the same.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError, RecordError, RecordWarning
from .feeds import feed_articles, fetch, http_client, is_url
from .options import DEFAULT_OPTIONS, ReadOptions

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, None: 1}


def parse_interval(text: str) -> float:
    """`90s`, `15m`, `1h` (a bare number is seconds) as seconds."""
    match = _INTERVAL.match(text)
    if not match or float(match[1]) <= 0:
        raise InputError(f"not an interval: {text!r}; expected a positive number with s, m or h "
                         "(e.g. 15m)", field="every")
    return float(match[1]) * _UNIT_SECONDS[match[2]]


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs (or feed files), one a line; blank lines and # comments are ignored."""
    file = Path(path)
    try:
        lines = file.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError as e:
        raise InputError("no such file", source=str(path)) from e
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read: {e}", source=str(path)) from e
    feeds = []
    for number, line in enumerate(lines, start=1):
        entry = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not entry:
            continue
        if not is_url(entry) and not Path(entry).is_file():
            raise InputError(f"not an http(s) URL or a feed file: {entry!r}", source=str(path),
                             line=number)
        feeds.append(entry)
    if not feeds:
        raise InputError("no feeds listed", source=str(path))
    return feeds


@dataclass
class FeedResult:
    feed: str
    status: str                   # new | not-modified | failed
    stored: int = 0
    already_stored: int = 0
    events: int = 0
    error: str | None = None
    errors: list[RecordError] = field(default_factory=list)
    warnings: list[RecordWarning] = field(default_factory=list)


@dataclass
class RoundReport:
    started: datetime
    feeds: list[FeedResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FeedResult]:
        return [f for f in self.feeds if f.status == "failed"]


def poll_round(feeds: list[str], db_path: str | Path, options: ReadOptions = DEFAULT_OPTIONS,
               client=None) -> RoundReport:
    """Poll each feed once, storing new items; a failing feed does not stop the others."""
    from ..store import Store

    report = RoundReport(started=_now())
    own = client is None
    client = client or http_client(options)
    try:
        with Store.open(db_path) as store:
            for feed in feeds:
                result = FeedResult(feed, "new")
                try:
                    _poll_one(store, client, feed, options, result)
                except InputError as e:
                    result.status, result.error = "failed", str(e)
                _save_state_status(store, feed, result)
                report.feeds.append(result)
    finally:
        if own:
            client.close()
    return report


def watch(feeds_file: str | Path, db_path: str | Path, every: float,
          on_round: Callable[[RoundReport], None], rounds: int | None = None,
          options: ReadOptions = DEFAULT_OPTIONS, sleep: Callable[[float], None] = time.sleep,
          ) -> None:
    """Poll the listed feeds every `every` seconds, `rounds` times (None: until stopped).
    The list is read again each round, so feeds can be added while it runs."""
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        on_round(poll_round(read_feed_list(feeds_file), db_path, options))
        done += 1
        if rounds is None or done < rounds:
            sleep(max(0.0, every - (time.monotonic() - started)))


def _poll_one(store, client, feed: str, options: ReadOptions, result: FeedResult) -> None:
    from .. import jobs

    if is_url(feed):
        state = _load_state(store, feed)
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("last_modified"):
            headers["If-Modified-Since"] = state["last_modified"]
        response = fetch(client, feed, headers)
        if response.status_code == 304:
            result.status = "not-modified"
            return
        content = response.content
        etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
    else:
        try:
            content, etag, modified = Path(feed).read_bytes(), None, None
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", source=feed) from e
    items = feed_articles(content, feed, options, client=client if options.fetch_pages else None)
    articles = []
    for item in items:                  # read the whole feed first: a broken one stores nothing
        if isinstance(item, RecordWarning):
            result.warnings.append(item)
        else:
            articles.append(item)
    new = (a for a in articles if isinstance(a, RecordError) or not store.has_article(a.id))
    for article, events, mentions in jobs.extract_articles(new, result.errors.append):
        if store.add_article(article, events, mentions):
            result.stored += 1
            result.events += len(events)
        else:
            result.already_stored += 1
    # The validators are saved only once every item is stored, so a crash asks again.
    _save_validators(store, feed, etag, modified)


def _load_state(store, feed: str) -> dict:
    rows = store.query("SELECT etag, last_modified FROM feed_state WHERE url = ?", [feed])
    return rows[0] if rows else {}


def _save_validators(store, feed: str, etag: str | None, modified: str | None) -> None:
    store.execute("INSERT INTO feed_state (url, etag, last_modified, checked_at) "
                  "VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
                  "last_modified = excluded.last_modified, checked_at = excluded.checked_at",
                  [feed, etag, modified, _now()])


def _save_state_status(store, feed: str, result: FeedResult) -> None:
    store.execute("INSERT INTO feed_state (url, checked_at, status, error) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (url) DO UPDATE SET checked_at = excluded.checked_at, "
                  "status = excluded.status, error = excluded.error",
                  [feed, _now(), result.status, result.error])


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
