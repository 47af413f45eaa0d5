"""A real HTTP server on loopback for feed tests: serves given bodies, honours ETag and
Last-Modified with 304, can fail on purpose, and records the requests it saw."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Resource:
    body: bytes
    content_type: str = "application/rss+xml"
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200


@dataclass
class FeedServer:
    resources: dict[str, Resource] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def __enter__(self) -> "FeedServer":
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:      # noqa: N802 (http.server's name)
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                resource = server.resources.get(self.path)
                if resource is None:
                    self.send_error(404)
                    return
                if resource.status != 200:
                    self.send_error(resource.status)
                    return
                if ((resource.etag and self.headers.get("If-None-Match") == resource.etag)
                        or (resource.last_modified
                            and self.headers.get("If-Modified-Since") == resource.last_modified)):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", resource.content_type)
                self.send_header("Content-Length", str(len(resource.body)))
                if resource.etag:
                    self.send_header("ETag", resource.etag)
                if resource.last_modified:
                    self.send_header("Last-Modified", resource.last_modified)
                self.end_headers()
                self.wfile.write(resource.body)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_port}{path}"

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]
