"""A small file beside the database that says a server holds it, and where it listens.

DuckDB lets one process write a file at a time, so while `newsevents serve` runs,
`newsevents ingest` cannot open the database. The marker lets it say why and where to
post instead. A marker left by a server that died is ignored (its process is gone).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ServerMarker:
    url: str
    pid: int

    def describe(self) -> str:
        return f"a newsevents server at {self.url} (pid {self.pid})"


def marker_path(db_path: str | Path) -> Path:
    db = Path(db_path)
    return db.with_name(db.name + ".server.json")


def write_marker(db_path: str | Path, url: str) -> Path:
    path = marker_path(db_path)
    path.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    return path


def remove_marker(db_path: str | Path) -> None:
    path = marker_path(db_path)
    marker = read_marker(db_path)
    if marker is None or marker.pid == os.getpid():
        path.unlink(missing_ok=True)


def read_marker(db_path: str | Path) -> ServerMarker | None:
    """The live server holding the database, or None (no marker, unreadable, or stale)."""
    try:
        data = json.loads(marker_path(db_path).read_text(encoding="utf-8"))
        marker = ServerMarker(url=str(data["url"]), pid=int(data["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return marker if _alive(marker.pid) else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
