"""Unexpected failures and slow queries, through a real uvicorn server on a loopback port
running the app in this process (so the test can add a route that fails)."""
from __future__ import annotations

import json
import threading
import time

import pytest
import uvicorn

from live_server import free_port, request
from newsevents.api.app import create_app
from newsevents.store import Store

SLOW_SQL = ("SELECT count(*) FROM range(100000000) a, range(100000000) b "
            "WHERE a.range + b.range = -1")


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("errors") / "errors.duckdb")
    store.query_timeout = 0.3
    app = create_app(store)

    @app.get("/api/fails")
    def fails():
        raise RuntimeError("secret internal detail at /home/someone/code.py line 12")

    @app.get("/api/slow")
    def slow():
        return store.query(SLOW_SQL)

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def test_an_unexpected_error_is_a_json_500_without_details(app_server):
    status, headers, body = request(app_server + "/api/fails")
    assert status == 500 and headers["content-type"].startswith("application/json")
    assert json.loads(body) == {"error": "internal error; the server log has the details",
                                "status": 500}
    assert b"secret" not in body and b"Traceback" not in body
    assert "script-src 'self'" in headers["content-security-policy"]


def test_a_query_past_the_time_limit_is_stopped_and_answered_with_503(app_server):
    started = time.monotonic()
    status, _, body = request(app_server + "/api/slow")
    assert time.monotonic() - started < 10
    assert status == 503
    assert "longer than 0.3 s" in json.loads(body)["error"]
    # the server still answers
    assert request(app_server + "/api/health")[0] == 200
