"""A real `newsevents serve` on a loopback port over a store of articles written here:
start, wait for health, stop; and plain HTTP requests to it."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from api_corpus import corpus
from newsevents.store import Store

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "test-token-3f9a"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@dataclass
class Server:
    url: str
    db: Path
    token: str | None
    process: subprocess.Popen
    log: Path

    def get(self, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
        return request(self.url + path, headers=headers)

    def get_json(self, path: str) -> tuple[int, dict]:
        status, _, body = self.get(path)
        return status, json.loads(body)

    def post_json(self, path: str, payload, token: str | None = None) -> tuple[int, dict]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        status, _, body = request(self.url + path, data=json.dumps(payload).encode(),
                                  headers=headers, method="POST")
        return status, json.loads(body)


def request(url: str, data: bytes | None = None, headers: dict | None = None,
            method: str = "GET", timeout: float = 120) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(path: Path) -> Path:
    with Store.open(path) as store:
        for article, events in corpus():
            assert store.add_article(article, events)
    return path


def start_server(db: Path, token: str | None, log: Path, *extra: str) -> Server:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEWSEVENTS_TOKEN"}
    command = [sys.executable, "-m", "newsevents.cli", "serve", "--db", str(db),
               "--port", str(port), *extra]
    if token:
        command += ["--token", token]
    handle = log.open("wb")
    process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=env)
    server = Server(f"http://127.0.0.1:{port}", db, token, process, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()}")
        try:
            if server.get("/api/health")[0] == 200:
                return server
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.1)
    stop_server(server)
    raise RuntimeError(f"server did not answer within 60 s:\n{log.read_text()}")


def stop_server(server: Server) -> None:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
