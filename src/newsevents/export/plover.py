"""An event mention as a PLOVER record: the field names of the PLOVER manual's "JSON Data
Fields" chapter (id, date, enddate, source, recipient, event, mode, quad_code,
event_scale, event_loc, event_text, link, cite_info, coder, coded_date), with this
project's own additions under their own names (attribution, modality, quantities,
date_text, confidence), as the manual invites."""
from __future__ import annotations

from datetime import date
from typing import Any

import pycountry

from ..quads import quad_of

CODER = "newsevents"


def _alpha2(alpha3: str | None) -> str | None:
    country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return country.alpha_2 if country else None


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    out = {"code": actor.get("country"), "sector": actor.get("sector"),
           "actor_text": actor.get("name"), "identifier_text": actor.get("name")}
    if actor.get("wikidata"):
        out["identifier_id"] = actor["wikidata"]
    return out


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    day = row.get("date_start") or row.get("published")
    record: dict[str, Any] = {
        "id": row["id"],
        "date": day.isoformat() if isinstance(day, date) else day,
        "source": [_actor(a) for a in row.get("actor") or []],
        "recipient": [_actor(a) for a in row.get("recipient") or []],
        "event": [row["type"]],
        "quad_code": quad_of(row["type"]),
        "event_scale": row.get("score"),
        "event_text": [row.get("evidence")],
        "cite_info": {"url": row.get("url"), "title": row.get("title"),
                      "publication": row.get("outlet")},
        "coder": CODER,
        "modality": row.get("modality"),
        "quantities": row.get("quantities") or [],
        "confidence": row.get("confidence"),
    }
    if row.get("date_end") and row.get("date_end") != row.get("date_start"):
        record["enddate"] = row["date_end"].isoformat()
    if row.get("date_text"):
        record["date_text"] = row["date_text"]
    if row.get("mode"):
        record["mode"] = row["mode"]
    if row.get("cluster_id"):
        record["link"] = row["cluster_id"]      # the manual's common reference for one event
    if row.get("place_name"):
        record["event_loc"] = {
            "name": row["place_name"], "latitude": row.get("lat"), "longitude": row.get("lon"),
            "geonameid": row.get("geonameid"), "country code": _alpha2(row.get("place_country")),
            "cc3": row.get("place_country"), "admin1": row.get("place_admin1")}
    if row.get("attribution_name"):
        record["attribution"] = {"name": row["attribution_name"],
                                 "country": row.get("attribution_country"),
                                 "sector": row.get("attribution_sector"),
                                 "text": row.get("attribution_text")}
    return record
