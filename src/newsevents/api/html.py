"""HTML rendering of the page data: Jinja2 templates under newsevents/web, autoescaped.

Every value from the database (article text, names, titles) reaches the page through
Jinja's autoescaping or, for charts, as JSON inside a non-executable script element
(`tojson` escapes <, > and &); the scripts read it and write text nodes only.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..quads import quad_name, quad_of

WEB = resources.files("newsevents") / "web"

NAV = [("events", "Events"), ("articles", "Articles"), ("clusters", "Clusters"),
       ("claims", "Claims"), ("timeline", "Timeline"), ("network", "Network"), ("map", "Map"),
       ("actors", "Actors"), ("exports", "Exports")]

def quad_class(event_type: str | None) -> str:
    """CSS class of a type's PLOVER quad category (q1 verbal cooperation ... q4 material
    conflict), so that every page colours types alike."""
    quad = quad_of(event_type)
    return f"q{quad}" if quad else "q-other"


def quad_label(event_type: str | None) -> str:
    return quad_name(event_type) or "other"


def evidence_parts(event: dict[str, Any], limit: int = 220) -> tuple[str, str, str]:
    """(before, trigger, after) of the event's evidence, cut to about `limit` characters
    around the trigger; the trigger is empty when it cannot be placed."""
    text = event.get("evidence") or ""
    base = event.get("evidence_start")
    t0, t1 = event.get("trigger_start"), event.get("trigger_end")
    if isinstance(base, int) and isinstance(t0, int) and isinstance(t1, int) \
            and 0 <= t0 - base < t1 - base <= len(text):
        lo, hi = t0 - base, t1 - base
    else:
        lo = text.find(event.get("trigger") or "\0")
        hi = lo + len(event.get("trigger") or "")
        if lo < 0:
            return (_cut(text, limit), "", "")
    before, trigger, after = text[:lo], text[lo:hi], text[hi:]
    room = max(limit - len(trigger), 0)
    if len(before) > room // 2:
        before = "…" + before[len(before) - room // 2:].lstrip()
    if len(after) > room - len(before):
        after = after[:max(room - len(before), 0)].rstrip() + "…"
    return before, trigger, after


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


@dataclass(frozen=True)
class Segment:
    """A stretch of article text and the events whose evidence covers it."""
    text: str
    events: tuple[str, ...] = ()
    trigger_of: tuple[str, ...] = ()
    first_of: tuple[str, ...] = ()    # events whose evidence starts here (anchors)


def highlight_segments(text: str, events: list[dict[str, Any]]) -> list[Segment]:
    """The text cut at every evidence and trigger boundary, each piece knowing its events."""
    spans = [(e["id"], e["evidence_span"]) for e in events if e.get("evidence_span")]
    cuts = {0, len(text)}
    for _, span in spans:
        cuts.update(v for k, v in span.items() if k in ("start", "end", "trigger_start",
                                                         "trigger_end"))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    segments = []
    for lo, hi in zip(bounds, bounds[1:]):
        covering = tuple(eid for eid, s in spans if s["start"] <= lo and hi <= s["end"])
        triggers = tuple(eid for eid, s in spans
                         if s.get("trigger_start", -1) <= lo and hi <= s.get("trigger_end", -1))
        first = tuple(eid for eid, s in spans if s["start"] == lo)
        segments.append(Segment(text[lo:hi], covering, triggers, first))
    return segments


def actor_names(actors: list[dict[str, Any]] | None) -> str:
    """'Kim Jong Un (PRK), United Nations' for a list of actor dicts."""
    out = []
    for a in actors or []:
        country = a.get("country")
        out.append(f"{a.get('name')} ({country})" if country else str(a.get("name")))
    return ", ".join(out)


def url_with(path: str, params: dict[str, Any], **changes: Any) -> str:
    """`path` with the query `params` updated by `changes` (None or '' drops a key)."""
    merged = {**params, **changes}
    query = urlencode({k: v for k, v in merged.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def day(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)[:10]


def _dumps(value: Any, **kwargs: Any) -> str:
    return json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, date) else str(v),
                      **kwargs)


class Renderer:
    def __init__(self) -> None:
        self.env = Environment(loader=FileSystemLoader(str(WEB / "templates")),
                               autoescape=select_autoescape(default=True, default_for_string=True),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(names=actor_names, day=day, quad_class=quad_class,
                                quad_label=quad_label, evidence_parts=evidence_parts)
        self.env.policies["json.dumps_function"] = _dumps
        self.env.globals.update(url_with=url_with, nav=NAV, highlight=highlight_segments)

    def render(self, template: str, data: dict[str, Any], **context: Any) -> str:
        return self.env.get_template(template).render(data=data, **data, **context)
