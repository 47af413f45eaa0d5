"""`newsevents serve`: open the store for writing, mark it as served, run uvicorn."""
from __future__ import annotations

import ipaddress
import logging
from pathlib import Path

from ..errors import StoreError
from ..store import Store
from .marker import read_marker, remove_marker, write_marker
from .security import DEFAULT_MAX_BODY

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_QUERY_TIMEOUT = 10.0

log = logging.getLogger("newsevents.api")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db_path: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          token: str | None = None, query_timeout: float = DEFAULT_QUERY_TIMEOUT,
          max_body: int = DEFAULT_MAX_BODY, log_level: str = "info") -> None:
    """Serve the database until interrupted; the server is its only writer meanwhile."""
    import uvicorn

    from .app import create_app

    held_by = read_marker(db_path)
    if held_by is not None:
        raise StoreError(f"{db_path}: already served by {held_by.describe()}")
    store = Store.open(db_path)
    store.query_timeout = query_timeout
    shown_host = f"[{host}]" if ":" in host else host
    write_marker(db_path, f"http://{shown_host}:{port}")
    try:
        app = create_app(store, token=token, max_body=max_body)
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                    timeout_graceful_shutdown=5)
    finally:
        remove_marker(db_path)
        store.close()
