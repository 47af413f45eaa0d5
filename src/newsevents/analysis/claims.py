"""What each source claims about one event, and where the sources disagree.

Claims are compared only within a cluster (analysis/clusters.py), because only there do
two mentions describe the same event: two shipments on different days may carry different
numbers without anyone disagreeing. Within a cluster, two claims disagree on

- a quantity: both count the same thing (the unit's last word, singular: "artillery
  shells" and "shells" both count shells) and their ranges do not meet. A qualifier makes
  the range ("more than 5" is (5, inf), "up to 5" is [0, 5], "about 5" is 5 +/- 10 %),
  a word count ("thousands") is at least its value, and "additional" counts are not
  totals, so they are never compared;
- modality: one says it happened or will happen, the other that it did not (negated);
- date: both give a single day and the days differ.

A claim whose cluster has one source is single-source.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any

ABOUT = 0.10
_INCREMENTS = {"additional", "further"}
_WORD_COUNTS = re.compile(r"\b(dozens|scores|hundreds|thousands|millions|billions)\b", re.I)


def quantity_range(quantity: dict[str, Any]) -> tuple[float, float] | None:
    """The values a quantity allows, or None when it is an increment ("5,000 more")."""
    qualifier = (quantity.get("qualifier") or "").lower()
    if qualifier in _INCREMENTS:
        return None
    value = float(quantity["value"])
    if quantity.get("value_max") is not None:
        return value, float(quantity["value_max"])
    text = quantity.get("text") or ""
    if not qualifier and not re.search(r"\d", text) and _WORD_COUNTS.search(text):
        return value, value * 10
    if qualifier in ("over", "more than", "at least"):
        return value, math.inf
    if qualifier in ("up to", "fewer than", "less than"):
        return 0.0, value
    if qualifier in ("nearly", "almost"):
        return value * (1 - 2 * ABOUT), value
    if qualifier:                       # about, around, roughly, some, approximately, ...
        return value * (1 - ABOUT), value * (1 + ABOUT)
    return value, value


def counted_thing(quantity: dict[str, Any]) -> str | None:
    """What a quantity counts, comparable across wordings: the unit's last word, singular."""
    unit = (quantity.get("unit") or "").strip().lower()
    if quantity.get("currency"):
        return f"money:{quantity['currency']}"
    if not unit:
        return None
    word = unit.split()[-1]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _describe(quantity: dict[str, Any]) -> str:
    return quantity.get("text") or f"{quantity.get('value')} {quantity.get('unit') or ''}".strip()


def _quantity_conflicts(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = []
    for qa in a.get("quantities") or []:
        for qb in b.get("quantities") or []:
            thing = counted_thing(qa)
            if thing is None or thing != counted_thing(qb):
                continue
            ra, rb = quantity_range(qa), quantity_range(qb)
            if ra is None or rb is None:
                continue
            if ra[1] < rb[0] or rb[1] < ra[0]:
                found.append(("quantity", _describe(qa), _describe(qb)))
    return found


def _conflicts(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = _quantity_conflicts(a, b)
    modalities = {a["modality"], b["modality"]}
    if "negated" in modalities and modalities & {"asserted", "future"}:
        found.append(("modality", a["modality"], b["modality"]))
    if (a.get("date_start") and b.get("date_start") and a["date_start"] == a.get("date_end")
            and b["date_start"] == b.get("date_end") and a["date_start"] != b["date_start"]):
        found.append(("date", str(a["date_start"]), str(b["date_start"])))
    return found


def compare_claims(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Set `conflicts`, `disagreement` and `single_source` on claim rows (in place, returned).

    Each row needs event_id, cluster_id, cluster_sources, source, modality, date_start,
    date_end and quantities (a list of quantity dicts)."""
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        claim["conflicts"] = []
        claim["single_source"] = (claim.get("cluster_sources") or 1) <= 1
        if claim.get("cluster_id"):
            by_cluster[claim["cluster_id"]].append(claim)
    for members in by_cluster.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                for field, this, other in _conflicts(a, b):
                    a["conflicts"].append({"field": field, "claim": this, "other": other,
                                           "other_event_id": b["event_id"],
                                           "other_source": b["source"]})
                    b["conflicts"].append({"field": field, "claim": other, "other": this,
                                           "other_event_id": a["event_id"],
                                           "other_source": a["source"]})
    for claim in claims:
        claim["disagreement"] = bool(claim["conflicts"])
    return claims
