"""The one read path over stored events, shared by the CLI, the API and the web UI.

Filters (all optional, all combined with AND):
    actor, recipient  a country code, matched exactly and case-insensitively ("prk"),
                      or a case-insensitive substring of the name of ANY actor
                      (recipient) of the event; three capital letters are a code
                      and must be a known ISO 3166 alpha-3 code (or IGO, XKX), matched
                      against countries only ("RUS" never matches "Belarus"), and an
                      ISO alpha-2 code is refused with its alpha-3: "XYZ", "KP" fail
    type              PLOVER event type, exact, case-insensitive; others are refused
    since, until      the event's [date_start, date_end] must overlap [since, until];
                      an event without a date is filtered by its article's
                      published date instead
    place             substring of the place name, or the place's country code
    source            substring of the attributed source's name or of the outlet
    modality          asserted | future | hypothetical | negated
    limit, offset     paging; rows come newest first

The rest of the query layer (articles, clusters, claims, timeline, network, dyads, sources,
actors) lives beside this module and takes the same EventFilter; `newsevents.store` lists it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from datetime import date, datetime
from typing import Any

from ..errors import InputError, check_unicode
from ..nlp.lexicon import PLOVER_TYPES
from ..records import MODALITIES
from .facts import NAME_SEPARATOR
from .store import Store

_JSON_COLUMNS = ("actor", "recipient", "quantities")
_ARTICLE_COLUMNS = "a.title, a.published, a.outlet, a.url, a.group_id, a.input_id"
# When an event has no date of its own, its article's day stands in for it.
_EVENT_START = "coalesce(e.date_start, a.published)"
_EVENT_END = "coalesce(e.date_end, e.date_start, a.published)"
_ORDER = (f"ORDER BY {_EVENT_START} DESC NULLS LAST, e.article_id, e.evidence_start, "
          "e.trigger_start, e.id")
EVENT_SELECT = f"SELECT e.*, {_ARTICLE_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    source: str | None = None
    modality: str | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        # Blank strings (empty form fields, query strings) mean "no filter".
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str) and not value.strip():
                object.__setattr__(self, f.name, None)
            elif isinstance(value, str):
                check_unicode(value, f.name)
                object.__setattr__(self, f.name, value.strip())
        for name in ("since", "until"):
            object.__setattr__(self, name, _as_date(getattr(self, name), name))
        if self.modality is not None and self.modality.lower() not in MODALITIES:
            raise InputError(f"unknown modality {self.modality!r}; expected one of "
                             f"{', '.join(MODALITIES)}", field="modality")
        if self.type is not None and self.type.upper() not in PLOVER_TYPES:
            raise InputError(f"unknown event type {self.type!r}; expected one of the PLOVER "
                             f"types {', '.join(sorted(PLOVER_TYPES))}", field="type")
        for name in ("actor", "recipient", "place"):
            check_country_code(getattr(self, name), name)
        if self.limit is not None and self.limit < 0:
            raise InputError(f"limit must be 0 or more, got {self.limit}", field="limit")
        if self.offset < 0:
            raise InputError(f"offset must be 0 or more, got {self.offset}", field="offset")
        if self.since and self.until and self.since > self.until:
            raise InputError(f"since ({self.since}) is after until ({self.until})", field="since")


# Actor codes of the curated data beyond ISO 3166: international bodies, Kosovo.
EXTRA_COUNTRY_CODES = frozenset({"IGO", "XKX"})


@lru_cache(maxsize=1)
def country_codes() -> tuple[frozenset[str], dict[str, str]]:
    """Known alpha-3 codes (current and historic), and alpha-2 -> alpha-3."""
    import pycountry
    alpha3 = {c.alpha_3 for c in pycountry.countries}
    alpha3 |= {c.alpha_3 for c in pycountry.historic_countries}
    alpha2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    return frozenset(alpha3) | EXTRA_COUNTRY_CODES, alpha2


def is_country_code(value: str) -> bool:
    """Three capitals that are a known alpha-3 code (EventFilter refuses other capitals)."""
    return bool(re.fullmatch(r"[A-Z]{3}", value)) and value in country_codes()[0]


def check_country_code(value: str | None, name: str) -> None:
    """Refuse three capitals that are no alpha-3 code, and ISO alpha-2 codes."""
    if value is None or not re.fullmatch(r"[A-Z]{2,3}", value):
        return
    alpha3, alpha2 = country_codes()
    if value in alpha3:
        return
    if value in alpha2:
        raise InputError(f"{value!r} is an ISO 3166 alpha-2 code; countries are stored with "
                         f"alpha-3 codes: use {alpha2[value]}", field=name)
    if len(value) == 2:
        return          # "UN", "EU": part of a name
    raise InputError(f"unknown country code {value!r}; give an ISO 3166 alpha-3 code (PRK, "
                     "RUS, USA, ...) or IGO, or part of a name in lower case", field=name)


def find_events(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Matching events as plain dicts: event columns, decoded JSON, and article fields."""
    flt = flt or EventFilter()
    if flt.limit is None:
        where, params = _where(flt)
        sql = f"{EVENT_SELECT} {where} {_ORDER}"
        if flt.offset:
            sql += " OFFSET ?"
            params.append(flt.offset)
        return [_plain(row) for row in store.query(sql, params)]
    # A page: pick its ids from the narrow event_facts table, then read just those rows.
    where, params = facts_where(flt)
    ids = [r["event_id"] for r in store.query(
        f"SELECT f.event_id FROM event_facts f {where} {FACTS_ORDER} LIMIT ? OFFSET ?",
        [*params, flt.limit, flt.offset])]
    return events_by_ids(store, ids)


def events_by_ids(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """find_events rows of these event ids, in this order. Literal IN lists let DuckDB use
    the primary-key indexes; joining articles in the same statement would scan them all."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    events = {r["id"]: r for r in store.query(f"SELECT * FROM events WHERE id IN ({marks})", ids)}
    article_ids = sorted({r["article_id"] for r in events.values()})
    articles = {r["id"]: r for r in store.query(
        f"SELECT {_ARTICLE_COLUMNS.replace('a.', '')}, id FROM articles "
        f"WHERE id IN ({', '.join('?' * len(article_ids))})", article_ids)} if article_ids else {}
    rows = []
    for event_id in ids:
        if event_id in events:
            row = events[event_id]
            article = articles.get(row["article_id"], {})
            row.update({k: v for k, v in article.items() if k != "id"})
            rows.append(_plain(row))
    return rows


def count_events(store: Store, flt: EventFilter | None = None) -> int:
    """How many events match, ignoring limit and offset."""
    where, params = facts_where(flt or EventFilter())
    return store.scalar(f"SELECT count(*) FROM event_facts f {where}", params)


def event_by_id(store: Store, event_id: str) -> dict[str, Any] | None:
    rows = store.query(f"SELECT e.*, {_ARTICLE_COLUMNS} FROM events e "
                       "JOIN articles a ON a.id = e.article_id WHERE e.id = ?", [event_id])
    return _plain(rows[0]) if rows else None


# Filters are answered by event_facts (facts.py), which holds each event's values normalised.
FACTS_ORDER = ("ORDER BY f.day DESC NULLS LAST, f.article_id, f.evidence_start, "
               "f.trigger_start, f.event_id")


def _cased(value: str, case: str) -> tuple[str, str]:
    """A filter value in the case event_facts stores, as SQL and parameter. ASCII is cased
    here, so the comparison is with a plain constant that DuckDB pushes into the scan;
    other text is cased by DuckDB, whose rules for it are the ones the facts were written with."""
    if value.isascii():
        return "?", value.lower() if case == "lower" else value.upper()
    return f"{case}(?)", value


def _searchable(place: str) -> bool:
    """Whether the one-column form of the place filter answers exactly as the two columns:
    ASCII (cased here as DuckDB would), with a letter, and no separator."""
    return (place.isascii() and any(c.isalpha() for c in place)
            and NAME_SEPARATOR not in place)


def facts_where(flt: EventFilter | None) -> tuple[str, list[Any]]:
    """The WHERE clause (or "") and its parameters over event_facts `f`."""
    flt = flt or EventFilter()
    clauses: list[str] = []
    params: list[Any] = []
    for role, value in (("actor", flt.actor), ("recipient", flt.recipient)):
        if value is not None and is_country_code(value):
            # a code in capitals is a country: "RUS" is no part of "Belarus"
            clauses.append(f"list_contains(f.{role}_countries, ?)")
            params.append(value)
        elif value is not None:
            clauses.append(f"(list_contains(f.{role}_countries, upper(?)) "
                           f"OR contains(f.{role}_names, lower(?)))")
            params += [value, value]
    if flt.type is not None:
        # Values normalised here, not in SQL: a comparison with a plain constant is pushed
        # into the scan, so the other columns are read only for the rows that pass.
        clauses.append("f.type = ?")
        params.append(flt.type.upper())
    if flt.since is not None:
        clauses.append("f.day_end >= ?")
        params.append(flt.since)
    if flt.until is not None:
        clauses.append("f.day <= ?")
        params.append(flt.until)
    if flt.place is not None and _searchable(flt.place):
        # name or country as conditions on one column (facts.SEARCH_COLUMNS: name, the
        # separator, country); cased down, the value has a lower-case letter, so `contains`
        # cannot find it in the upper-case country, only in the name.
        clauses.append("(contains(f.place_search, ?) OR suffix(f.place_search, ?))")
        params += [flt.place.lower(), NAME_SEPARATOR + flt.place.upper()]
    elif flt.place is not None:
        name, country = _cased(flt.place, "lower"), _cased(flt.place, "upper")
        clauses.append(f"(contains(f.place_name, {name[0]}) OR f.place_country = {country[0]})")
        params += [name[1], country[1]]
    if flt.source is not None and NAME_SEPARATOR not in flt.source:
        sql, value = _cased(flt.source, "lower")
        clauses.append(f"contains(f.source_search, {sql})")      # source or outlet
        params.append(value)
    elif flt.source is not None:
        sql, value = _cased(flt.source, "lower")
        clauses.append(f"(contains(f.source, {sql}) OR contains(f.outlet, {sql}))")
        params += [value, value]
    if flt.modality is not None:
        clauses.append("f.modality = ?")
        params.append(flt.modality.lower())
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _where(flt: EventFilter) -> tuple[str, list[Any]]:
    """The filter for events `e` (joined to articles `a`): their ids among the facts."""
    where, params = facts_where(flt)
    if not where:
        return "", []
    return f"WHERE e.id IN (SELECT f.event_id FROM event_facts f {where})", params


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    for name in _JSON_COLUMNS:
        if isinstance(row.get(name), str):
            row[name] = json.loads(row[name])
    for role in ("actor", "recipient"):
        row[f"{role}_countries"] = sorted({a["country"] for a in row.get(role) or []
                                           if a.get("country")})
    return row


def _as_date(value: Any, name: str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError as e:
            raise InputError(f"not an ISO date (YYYY-MM-DD): {value!r}", field=name) from e
    raise InputError(f"expected a date, got {type(value).__name__}", field=name)


# One filter and one row shape for the rest of the query layer (aggregates, clusters, claims).
EVENT_ORDER = _ORDER


def filter_sql(flt: EventFilter | None) -> tuple[str, list[Any]]:
    """The WHERE clause (or "") and its parameters for events `e` joined to articles `a`."""
    return _where(flt or EventFilter())


def event_row(row: dict[str, Any]) -> dict[str, Any]:
    """A raw events-join-articles row as find_events returns it."""
    return _plain(row)


# --- event places and type counts (added for the API and web UI, issue 10) ----------------

def event_places(store: Store, flt: EventFilter | None = None,
                 limit: int = 2000) -> list[dict[str, Any]]:
    """Placed events that match, one row per place: name, country, lat, lon, count, types."""
    flt = flt or EventFilter()
    where, params = _where(flt)
    placed = "e.lat IS NOT NULL AND e.lon IS NOT NULL"
    where = f"{where} AND {placed}" if where else f"WHERE {placed}"
    return store.query(
        "SELECT e.place_name AS name, e.place_country AS country, e.lat, e.lon, "
        "count(*) AS events, list(DISTINCT e.type ORDER BY e.type) AS types "
        f"FROM events e JOIN articles a ON a.id = e.article_id {where} "
        "GROUP BY e.place_name, e.place_country, e.lat, e.lon "
        "ORDER BY events DESC, name LIMIT ?", params + [limit])


def event_type_counts(store: Store) -> dict[str, int]:
    """Every stored event type with its number of events, by type name; every page's filter
    form shows them, so they are counted once per change of the store, not per request."""
    def count() -> dict[str, int]:
        rows = store.query("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type")
        return {row["type"]: row["n"] for row in rows}
    return dict(store.memo("event_type_counts", count))
