"""Typed, frozen records passed between pipeline stages, and their JSON form.

The JSON form is the shape of shared/gold/GUIDELINES.md plus what the system
knows beyond it: ids, character offsets, confidence and candidate lists.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, fields, replace
from functools import cached_property
from datetime import date
from typing import Any

MODALITIES = ("asserted", "future", "hypothetical", "negated")
NONE_CANDIDATE = "none"


def content_id(*parts: str) -> str:
    """Stable short id from content, so the same input always gets the same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]


def normalised(text: str | None) -> str:
    """Text as compared for identity: NFC, whitespace runs as one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


@dataclass(frozen=True)
class Article:
    """`id` is the input's own id (else the key); the store knows an article by its `key`."""
    text: str
    id: str = ""
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", self.key)

    @cached_property
    def key(self) -> str:
        """The content's id: normalised text, title and outlet; events hang off it."""
        return content_id("article", normalised(self.text), normalised(self.title),
                          normalised(self.outlet).casefold())

    @cached_property
    def text_key(self) -> str:
        """The text's id within its outlet: the same story with another title or date."""
        return content_id("text", normalised(self.text), normalised(self.outlet).casefold())

    @property
    def has_input_id(self) -> bool:
        return self.id != self.key

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "url": self.url,
            "text": self.text,
        }


@dataclass(frozen=True)
class Candidate:
    """One reading a resolver considered; `key` is NONE_CANDIDATE for 'no answer'."""
    key: str
    label: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "score": round(self.score, 3)}


@dataclass(frozen=True)
class Actor:
    name: str
    country: str | None
    sector: str | None
    id: str | None = None          # the project's actor id, e.g. "person:kim-jong-un"
    wikidata: str | None = None
    role: str | None = None        # the role held on the article's date, if known

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "country": self.country, "sector": self.sector}
        for key in ("id", "wikidata", "role"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names, describes or refers back to an actor."""
    text: str
    start: int
    end: int
    sentence: int
    kind: str                       # name | title | demonym | capital | pronoun | description
    actor: Actor | None = None
    candidates: tuple[Candidate, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end,
            "sentence": self.sentence, "kind": self.kind,
            "actor": self.actor.to_dict() if self.actor else None,
            "candidates": [c.to_dict() for c in self.candidates],
        }


@dataclass(frozen=True)
class When:
    start: date
    end: date
    text: str
    granularity: str                # day | week | month | quarter | season | year | span
    char_start: int = -1
    char_end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "text": self.text,
                "granularity": self.granularity, "text_start": self.char_start,
                "text_end": self.char_end}


@dataclass(frozen=True)
class Where:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    text: str
    geonameid: int | None = None
    feature: str | None = None      # city | admin1 | admin2 | country | feature
    char_start: int = -1
    char_end: int = -1
    candidates: tuple[Candidate, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "admin1": self.admin1,
                "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid,
                "feature": self.feature, "text": self.text, "text_start": self.char_start,
                "text_end": self.char_end, "candidates": [c.to_dict() for c in self.candidates]}


@dataclass(frozen=True)
class Quantity:
    value: float
    text: str
    unit: str | None = None
    qualifier: str | None = None
    currency: str | None = None     # ISO 4217 code for money
    value_max: float | None = None  # upper end of a range
    char_start: int = -1
    char_end: int = -1

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        out: dict[str, Any] = {"value": value, "qualifier": self.qualifier, "unit": self.unit,
                               "text": self.text, "text_start": self.char_start,
                               "text_end": self.char_end}
        if self.currency:
            out["currency"] = self.currency
        if self.value_max is not None:
            out["value_max"] = self.value_max
        return out


@dataclass(frozen=True)
class Attribution:
    name: str
    country: str | None
    sector: str | None
    text: str                       # the cue: "state media reported", "according to KCNA"
    char_start: int = -1
    char_end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector,
                "text": self.text, "text_start": self.char_start, "text_end": self.char_end}


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    type: str
    evidence: Evidence
    trigger: str
    trigger_start: int
    trigger_end: int
    mode: str | None = None
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    date: When | None = None
    place: Where | None = None
    quantities: tuple[Quantity, ...] = ()
    attribution: Attribution | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    cameo: str | None = None
    score: float | None = None      # PLOVER/Goldstein-style conflict-cooperation score
    article_id: str = ""
    id: str = ""

    def with_id(self, article_id: str) -> "Event":
        key = content_id(article_id, self.type, str(self.trigger_start), str(self.evidence.start))
        return replace(self, article_id=article_id, id=key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "date": self.date.to_dict() if self.date else None,
            "place": self.place.to_dict() if self.place else None,
            "quantities": [q.to_dict() for q in self.quantities],
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "modality": self.modality,
            "evidence": self.evidence.text,
            "evidence_start": self.evidence.start,
            "evidence_end": self.evidence.end,
            "trigger": self.trigger,
            "confidence": round(self.confidence, 3),
            "cameo": self.cameo,
            "score": self.score,
        }


def article_with_events(article: Article, events: list[Event]) -> dict[str, Any]:
    out = article.to_dict()
    out["events"] = [e.to_dict() for e in events]
    return out


def record_fields(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


__all__ = [
    "Article", "Actor", "Attribution", "Candidate", "Event", "Evidence", "Mention",
    "Quantity", "When", "Where", "MODALITIES", "NONE_CANDIDATE", "content_id",
    "article_with_events",
]
