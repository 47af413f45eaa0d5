"""The FastAPI app: JSON under /api, HTML pages elsewhere, both from the page functions.

Each page has one data function in pages.py. `/api/NAME` sends its dict as JSON and
`/NAME` renders the same dict through a template. Errors come back as
`{"error": message, "status": code}` (with `field` when one parameter is wrong), or
as an HTML error page for the HTML routes; never a stack trace.
"""
from __future__ import annotations

import json
import logging
import shutil
import tempfile
import threading
from importlib import metadata
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Header, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, NewsEventsError, NotFound, QueryTimeout, StoreError
from ..store import Store
from . import kb_pages, pages, posting
from .html import WEB, Renderer
from .security import DEFAULT_MAX_BODY, SECURITY_HEADERS, Guard, WriteAccess

log = logging.getLogger("newsevents.api")


class EventQuery(BaseModel):
    """The filters of `newsevents events`; all optional, combined with AND."""
    actor: str | None = Field(None, description="Actor country code (PRK) or part of a name.")
    recipient: str | None = Field(None, description="Recipient country code or part of a name.")
    type: str | None = Field(None, description="PLOVER event type, e.g. ASSAULT.")
    since: str | None = Field(None, description="Events on or after this date (YYYY-MM-DD).")
    until: str | None = Field(None, description="Events on or before this date (YYYY-MM-DD).")
    place: str | None = Field(None, description="Part of a place name, or its country code.")
    source: str | None = Field(None, description="Part of the attributed source or outlet.")
    modality: str | None = Field(None, description="asserted, future, hypothetical or negated.")


class PagedEventQuery(EventQuery):
    page: int = Field(1, ge=1, description="Page number, from 1.")
    per_page: int = Field(pages.DEFAULT_PAGE_SIZE, ge=1, le=pages.MAX_PAGE_SIZE,
                          description="Events per page.")


class TimelineQuery(EventQuery):
    interval: Literal["day", "week", "month"] = Field("month", description="Bar width.")
    by: Literal["type", "quad"] = Field("type", description="Split by PLOVER type or quad category.")


class NetworkQuery(EventQuery):
    node: Literal["country", "actor"] = Field("country", description="Nodes are countries or actors.")
    max_nodes: int = Field(60, ge=1, le=kb_pages.MAX_NETWORK_NODES,
                           description="Keep the busiest nodes and the edges among them.")


class ClusterQuery(PagedEventQuery):
    per_page: int = Field(25, ge=1, le=pages.MAX_PAGE_SIZE, description="Clusters per page.")
    sort: Literal["recent", "corroborated"] = Field("recent", description="Order of clusters.")
    min_sources: int = Field(1, ge=0, description="At least this many distinct sources.")
    min_articles: int = Field(1, ge=0, description="At least this many articles.")


class ClaimsQuery(EventQuery):
    cluster: str | None = Field(None, max_length=200, description="One cluster's id (the filters are then ignored).")
    page: int = Field(1, ge=1, description="Page of clusters, from 1.")
    per_page: int = Field(10, ge=1, le=100, description="Clusters per page.")


class ActorsQuery(PagedEventQuery):
    role: Literal["actor", "recipient"] | None = Field(None, description="Only as actor, or only as recipient.")


POST_EXAMPLE = {"articles": [{"id": "wire-0716-01", "title": "Ministers meet",
                              "published": "2025-07-16", "outlet": "Example Wire",
                              "text": "The foreign ministers of Japan and India met in Tokyo "
                                      "on Tuesday, the ministry said."}]}


def create_app(store: Store, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The app over an open store; the caller owns the store and closes it."""
    app = FastAPI(title="newsevents", version=_version(),
                  description="Source-attributed PLOVER events from news articles.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.store = store
    app.state.write_access = WriteAccess(token)
    app.state.write_lock = threading.Lock()
    app.state.max_body = max_body
    renderer = Renderer()

    def html(request: Request, template: str, data: dict[str, Any], status: int = 200,
             **context: Any) -> HTMLResponse:
        page = renderer.render(template, data, request=request, path=request.url.path,
                               query=dict(request.query_params), **context)
        return HTMLResponse(page, status_code=status)

    _install_error_handlers(app, renderer)
    app.add_middleware(Guard, max_body=max_body)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")

    # --- health and documentation ------------------------------------------------------

    @app.get("/api/health", tags=["meta"], summary="Server and database status")
    def health() -> Response:
        return as_json(pages.health_page(store, writable=app.state.write_access.enabled))

    @app.get("/api/docs", include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        return html(request, "api_docs.html", pages.api_docs_page(app.openapi()))

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/events", status_code=307)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        svg = (WEB / "static" / "favicon.svg").read_bytes()
        return Response(svg, media_type="image/svg+xml")

    # --- events ------------------------------------------------------------------------

    @app.get("/api/events", tags=["events"], summary="Events matching filters, one page")
    def api_events(q: Annotated[PagedEventQuery, Query()]) -> Response:
        return as_json(pages.events_page(store, **q.model_dump()))

    @app.get("/events", include_in_schema=False)
    def html_events(request: Request, q: Annotated[PagedEventQuery, Query()]) -> HTMLResponse:
        return html(request, "events.html", pages.events_page(store, **q.model_dump()))

    @app.get("/api/places", tags=["events"], summary="Places of matching events, for the map")
    def api_places(q: Annotated[EventQuery, Query()]) -> Response:
        return as_json(pages.map_page(store, **q.model_dump()))

    @app.get("/map", include_in_schema=False)
    def html_map(request: Request, q: Annotated[EventQuery, Query()]) -> HTMLResponse:
        return html(request, "map.html", pages.map_page(store, **q.model_dump()))

    # --- articles ------------------------------------------------------------------------

    @app.get("/api/articles", tags=["articles"], summary="Stored articles, one page")
    def api_articles(q: Annotated[PagedEventQuery, Query()]) -> Response:
        return as_json(pages.articles_page(store, **q.model_dump()))

    @app.get("/articles", include_in_schema=False)
    def html_articles(request: Request, q: Annotated[PagedEventQuery, Query()]) -> HTMLResponse:
        return html(request, "articles.html", pages.articles_page(store, **q.model_dump()))

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="One article with its text and every event's evidence span")
    def api_article(article_id: Annotated[str, PathParam(max_length=200)]) -> Response:
        return as_json(pages.article_page(store, article_id))

    @app.get("/articles/{article_id}", include_in_schema=False)
    def html_article(request: Request,
                     article_id: Annotated[str, PathParam(max_length=200)]) -> HTMLResponse:
        return html(request, "article.html", pages.article_page(store, article_id))

    # --- the knowledge base: clusters, claims, timeline, network, actors, exports ---------

    @app.get("/api/clusters", tags=["clusters"], summary="Merged events with their counts, one page")
    def api_clusters(q: Annotated[ClusterQuery, Query()]) -> Response:
        return as_json(kb_pages.clusters_page(store, **q.model_dump()))

    @app.get("/clusters", include_in_schema=False)
    def html_clusters(request: Request, q: Annotated[ClusterQuery, Query()]) -> HTMLResponse:
        return html(request, "clusters.html", kb_pages.clusters_page(store, **q.model_dump()))

    @app.get("/api/clusters/{cluster_id}", tags=["clusters"],
             summary="One cluster with its member events and each source's claim")
    def api_cluster(cluster_id: Annotated[str, PathParam(max_length=200)]) -> Response:
        return as_json(kb_pages.cluster_page(store, cluster_id))

    @app.get("/clusters/{cluster_id}", include_in_schema=False)
    def html_cluster(request: Request,
                     cluster_id: Annotated[str, PathParam(max_length=200)]) -> HTMLResponse:
        return html(request, "cluster.html", kb_pages.cluster_page(store, cluster_id))

    @app.get("/api/claims", tags=["clusters"],
             summary="Sources compared for a cluster, or for a dyad and type, disagreements flagged")
    def api_claims(q: Annotated[ClaimsQuery, Query()]) -> Response:
        return as_json(kb_pages.claims_page(store, **q.model_dump()))

    @app.get("/claims", include_in_schema=False)
    def html_claims(request: Request, q: Annotated[ClaimsQuery, Query()]) -> HTMLResponse:
        return html(request, "claims.html", kb_pages.claims_page(store, **q.model_dump()))

    @app.get("/api/timeline", tags=["analysis"], summary="Event counts per period by type or quad")
    def api_timeline(q: Annotated[TimelineQuery, Query()]) -> Response:
        return as_json(kb_pages.timeline_page(store, **q.model_dump()))

    @app.get("/timeline", include_in_schema=False)
    def html_timeline(request: Request, q: Annotated[TimelineQuery, Query()]) -> HTMLResponse:
        return html(request, "timeline.html", kb_pages.timeline_page(store, **q.model_dump()))

    @app.get("/api/network", tags=["analysis"],
             summary="Actor network: edges weighted by events and conflict-cooperation score")
    def api_network(q: Annotated[NetworkQuery, Query()]) -> Response:
        return as_json(kb_pages.network_page(store, **q.model_dump()))

    @app.get("/network", include_in_schema=False)
    def html_network(request: Request, q: Annotated[NetworkQuery, Query()]) -> HTMLResponse:
        return html(request, "network.html", kb_pages.network_page(store, **q.model_dump()))

    @app.get("/api/actors", tags=["analysis"], summary="Actors and sources of matching events")
    def api_actors(q: Annotated[ActorsQuery, Query()]) -> Response:
        return as_json(kb_pages.actors_page(store, **q.model_dump()))

    @app.get("/actors", include_in_schema=False)
    def html_actors(request: Request, q: Annotated[ActorsQuery, Query()]) -> HTMLResponse:
        return html(request, "actors.html", kb_pages.actors_page(store, **q.model_dump()))

    @app.get("/api/exports", tags=["exports"], summary="Export formats and how many events match")
    def api_exports(q: Annotated[EventQuery, Query()]) -> Response:
        return as_json(kb_pages.exports_page(store, **q.model_dump()))

    @app.get("/exports", include_in_schema=False)
    def html_exports(request: Request, q: Annotated[EventQuery, Query()]) -> HTMLResponse:
        return html(request, "exports.html", kb_pages.exports_page(store, **q.model_dump()))

    @app.get("/api/exports/{format}", tags=["exports"],
             summary="Download the matching events (csv, parquet, jsonl, gdelt, plover, gexf, "
                     "graphml, geojson)")
    def api_export(format: Annotated[str, PathParam(max_length=20)],
                   q: Annotated[EventQuery, Query()]) -> FileResponse:
        folder = Path(tempfile.mkdtemp(prefix="newsevents-export-"))
        try:
            path, filename, media_type = kb_pages.write_export(store, format, folder,
                                                               **q.model_dump())
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return FileResponse(path, media_type=media_type, filename=f"newsevents-{filename}",
                            background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))

    @app.post("/api/articles", tags=["articles"],
              summary="Extract events from articles and store them (needs the token)",
              description="Body: `{\"articles\": [ARTICLE, ...]}` (at most "
                          f"{posting.MAX_ARTICLES_PER_REQUEST}) or one ARTICLE, each with "
                          "`text` and optional `id`, `title`, `published` (YYYY-MM-DD), "
                          "`outlet`, `url`. Good articles are stored, bad ones are listed "
                          "under `errors` with their index and field. Send the token as "
                          "`Authorization: Bearer TOKEN`.")
    def api_post_articles(
        body: Annotated[Any, Body(openapi_examples={"one article": {"value": POST_EXAMPLE}})],
        authorization: Annotated[str | None, Header()] = None,
    ) -> Response:
        problem = app.state.write_access.problem(authorization)
        if problem:
            return error_json(*problem)
        records = posting.records_of(body)
        with app.state.write_lock:
            report = posting.store_records(store, records)
        return as_json(report, status=201 if report["stored"] else 200)

    return app


def _version() -> str:
    try:
        return metadata.version("newsevents")
    except metadata.PackageNotFoundError:
        return "unknown"


# --- responses ---------------------------------------------------------------------------

def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def as_json(data: Any, status: int = 200) -> Response:
    """JSON with dates as ISO strings and text as UTF-8."""
    return Response(json.dumps(data, ensure_ascii=False, default=_default), status_code=status,
                    media_type="application/json")


def error_json(status: int, message: str, field: str | None = None) -> JSONResponse:
    content: dict[str, Any] = {"error": message, "status": status}
    if field:
        content["field"] = field
    return JSONResponse(content, status_code=status)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/static/")) \
        and request.url.path not in ("/api",)


def _install_error_handlers(app: FastAPI, renderer: Renderer) -> None:
    def respond(request: Request, status: int, message: str, field: str | None = None):
        if _wants_html(request):
            page = renderer.render("error.html", {"status": status, "message": message,
                                                  "field": field},
                                   request=request, path=request.url.path,
                                   query=dict(request.query_params))
            return HTMLResponse(page, status_code=status)
        return error_json(status, message, field)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return respond(request, 404, exc.reason, exc.field)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError):
        return respond(request, 400, exc.reason, exc.field)

    @app.exception_handler(QueryTimeout)
    async def too_slow(request: Request, exc: QueryTimeout):
        return respond(request, 503, str(exc))

    @app.exception_handler(StoreError)
    async def store_failed(request: Request, exc: StoreError):
        log.error("database error on %s: %s", request.url.path, exc)
        return respond(request, 500, "the database could not answer this request")

    @app.exception_handler(NewsEventsError)
    async def failed(request: Request, exc: NewsEventsError):
        log.error("error on %s: %s", request.url.path, exc)
        return respond(request, 500, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body")]
        field = ".".join(where) or None
        message = first.get("msg", "invalid request")
        return respond(request, 422, f"{field}: {message}" if field else message, field)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return respond(request, exc.status_code, message)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        response = respond(request, 500, "internal error; the server log has the details")
        # This answer is sent from outside the middleware stack, so Guard cannot add these.
        for name, value in SECURITY_HEADERS:
            response.headers[name.decode()] = value.decode()
        return response
