"""One data function per page: each returns the plain dict that the API sends as JSON
and the web UI renders as HTML, so the two never disagree.

Every function takes the open Store first and the page's parameters as keywords;
bad parameters raise InputError (with the field), unknown ids raise NotFound.
"""
from __future__ import annotations

import math
from typing import Any

from ..errors import InputError, NotFound
from ..records import MODALITIES
from ..store import Store
from ..store import articles, queries

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50
EVENT_FILTERS = ("actor", "recipient", "type", "since", "until", "place", "source", "modality")


def event_filter(limit: int | None = None, offset: int = 0,
                 **filters: Any) -> queries.EventFilter:
    """The EventFilter of a page's query parameters (unknown names are ignored)."""
    given = {name: filters.get(name) for name in EVENT_FILTERS}
    return queries.EventFilter(**given, limit=limit, offset=offset)


def events_page(store: Store, page: int = 1, per_page: int = DEFAULT_PAGE_SIZE,
                **filters: Any) -> dict[str, Any]:
    """Events matching the filters of `newsevents events`, newest first, one page of them."""
    check_paging(page, per_page)
    flt = event_filter(limit=per_page, offset=(page - 1) * per_page, **filters)
    total = queries.count_events(store, flt)
    return {
        "filters": given_filters(filters, EVENT_FILTERS),
        **paging(total, page, per_page),
        "events": queries.find_events(store, flt),
        "facets": facets(store),
    }


def articles_page(store: Store, page: int = 1, per_page: int = DEFAULT_PAGE_SIZE,
                  **filters: Any) -> dict[str, Any]:
    """Stored articles, newest first, with their number of events (no text); with event
    filters, only articles with a matching event, counting those."""
    check_paging(page, per_page)
    flt = event_filter(limit=per_page, offset=(page - 1) * per_page, **filters)
    total = articles.count_articles(store, flt)
    return {
        "filters": given_filters(filters, EVENT_FILTERS),
        **paging(total, page, per_page),
        "articles": articles.find_articles(store, flt),
        "facets": facets(store),
    }


def article_page(store: Store, article_id: str) -> dict[str, Any]:
    """One article with its full text and every event, each with its evidence span."""
    article = articles.article_by_id(store, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id!r}", field="article_id")
    for event in article["events"]:
        event["evidence_span"] = evidence_span(article["text"], event)
    return {"article": article}


def map_page(store: Store, **filters: Any) -> dict[str, Any]:
    """Places of the matching events, one point per place with its count and types."""
    flt = event_filter(**filters)
    places = queries.event_places(store, flt)
    return {
        "filters": given_filters(filters, EVENT_FILTERS),
        "total": queries.count_events(store, flt),
        "placed": sum(p["events"] for p in places),
        "places": places,
        "facets": facets(store),
    }


def health_page(store: Store, writable: bool) -> dict[str, Any]:
    """Whether the server answers, what it holds, and whether it accepts articles."""
    return {"status": "ok", "database": store.path.name, "writable": writable,
            "counts": store.counts(), "limits": {"max_page_size": MAX_PAGE_SIZE,
                                                 "query_timeout_s": store.query_timeout}}


def api_docs_page(openapi: dict[str, Any]) -> dict[str, Any]:
    """The endpoints of the OpenAPI schema, for a docs page that needs no outside scripts."""
    endpoints = []
    shared: dict[str, dict[str, Any]] = {}
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get(
                           "description", ""),
                       "type": _schema_type(p.get("schema", {}))}
                      for p in op.get("parameters", [])]
            names = {p["name"] for p in params if p["in"] == "query"}
            filtered = set(EVENT_FILTERS) <= names
            if filtered:
                shared.update({p["name"]: p for p in params if p["name"] in EVENT_FILTERS})
            endpoints.append({"method": method.upper(), "path": path,
                              "summary": op.get("summary", ""),
                              "description": op.get("description", ""),
                              "tag": (op.get("tags") or ["other"])[0],
                              "event_filters": filtered,
                              "parameters": [p for p in params
                                             if not (filtered and p["name"] in EVENT_FILTERS)]})
    return {"title": openapi.get("info", {}).get("title", ""),
            "version": openapi.get("info", {}).get("version", ""), "endpoints": endpoints,
            "event_filters": [shared[name] for name in EVENT_FILTERS if name in shared]}


def _schema_type(schema: dict[str, Any]) -> str:
    if "type" in schema:
        return schema["type"]
    kinds = [s.get("type") for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return " or ".join(k for k in kinds if k) or "any"


def evidence_span(text: str, event: dict[str, Any]) -> dict[str, int] | None:
    """Where the event's evidence (and its trigger) sit in the article text.

    The stored offsets are used when they point at the evidence; otherwise the
    evidence is looked up in the text, so an article stored with shifted offsets
    still shows where its events came from. None when the words are not there."""
    evidence = event.get("evidence") or ""
    start, end = event.get("evidence_start"), event.get("evidence_end")
    if not (isinstance(start, int) and isinstance(end, int) and text[start:end] == evidence):
        start = text.find(evidence) if evidence else -1
        if start < 0:
            return None
        end = start + len(evidence)
    span = {"start": start, "end": end}
    trigger = event.get("trigger") or ""
    t_start, t_end = event.get("trigger_start"), event.get("trigger_end")
    if isinstance(t_start, int) and isinstance(t_end, int) and start <= t_start < t_end <= end \
            and text[t_start:t_end] == trigger:
        span.update(trigger_start=t_start, trigger_end=t_end)
    elif trigger and (found := text.find(trigger, start, end)) >= 0:
        span.update(trigger_start=found, trigger_end=found + len(trigger))
    return span


def facets(store: Store) -> dict[str, Any]:
    """What the filter form offers: stored types with their counts, and the modalities."""
    return {"types": queries.event_type_counts(store), "modalities": list(MODALITIES)}


def check_paging(page: int, per_page: int) -> None:
    if page < 1:
        raise InputError(f"page must be 1 or more, got {page}", field="page")
    if not 1 <= per_page <= MAX_PAGE_SIZE:
        raise InputError(f"per_page must be between 1 and {MAX_PAGE_SIZE}, got {per_page}",
                         field="per_page")


def paging(total: int, page: int, per_page: int) -> dict[str, int]:
    return {"total": total, "page": page, "per_page": per_page,
            "pages": max(1, math.ceil(total / per_page))}


def given_filters(filters: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The filters that were set, as given (blank values dropped)."""
    return {name: filters[name] for name in names
            if filters.get(name) not in (None, "") and str(filters[name]).strip()}
