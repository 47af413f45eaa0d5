"""What keeps the server safe to run: a write token, a body-size limit and strict headers.

The server binds 127.0.0.1 unless told otherwise; reads need no token. Writes need
the token given at start (`--token` or $NEWSEVENTS_TOKEN) as `Authorization: Bearer
TOKEN`; a server started without one is read-only.
"""
from __future__ import annotations

import hmac
import json

TOKEN_ENV = "NEWSEVENTS_TOKEN"
DEFAULT_MAX_BODY = 2 * 1024 * 1024
DRAIN_FACTOR = 8

# Scripts, styles, images and data only from the server itself: an article that smuggles
# markup past the escaping still cannot run a script or load anything from elsewhere.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; "
                           "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class WriteAccess:
    """Decides whether a request may write, from its Authorization header."""

    def __init__(self, token: str | None) -> None:
        self._token = token.strip() if token and token.strip() else None

    @property
    def enabled(self) -> bool:
        return self._token is not None

    def problem(self, authorization: str | None) -> tuple[int, str] | None:
        """None when the request may write, else (HTTP status, message)."""
        if self._token is None:
            return 403, ("this server is read-only: start it with --token or "
                         f"${TOKEN_ENV} to accept articles")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            return 401, "writing needs the server's token as 'Authorization: Bearer TOKEN'"
        if not hmac.compare_digest(given.strip().encode(), self._token.encode()):
            return 401, "wrong token"
        return None


class Guard:
    """ASGI middleware: refuses bodies over `max_body` bytes (declared or streamed) with a
    JSON 413, and adds the security headers to every response."""

    def __init__(self, app, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body
            except ValueError:
                await _json_error(send_with_headers, 400, "Content-Length is not a number")
                return
            if too_big:
                # Read (and drop) a body of moderate size first: a client still sending when
                # the connection closes sees a reset instead of this answer.
                if int(declared) <= DRAIN_FACTOR * self.max_body:
                    await _drain(receive, DRAIN_FACTOR * self.max_body)
                await _json_error(send_with_headers, 413, self._too_big())
                return

        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send_with_headers)
            return
        # Read the whole body first (it is at most max_body bytes), so a body that
        # streams past the limit is refused before any handler sees it.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                if message.get("more_body", False):
                    await _drain(receive, DRAIN_FACTOR * self.max_body - size)
                await _json_error(send_with_headers, 413, self._too_big())
                return
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_headers)

    def _too_big(self) -> str:
        return f"request body over the limit of {self.max_body} bytes; send fewer articles at once"


async def _drain(receive, budget: int) -> None:
    """Read and drop the rest of a body, at most `budget` bytes of it."""
    while budget > 0:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return
        budget -= len(message.get("body", b""))


async def _json_error(send, status: int, message: str) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
