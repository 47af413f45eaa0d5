"""Scoring place-name resolution against toponym gold (TR-News, GeoWebNews), per SCORING.md.

A gold toponym is found when a predicted place overlaps its character span.
Among found toponyms: accuracy within 161 km (haversine, the geoparsing
literature's usual bound) over those with coordinates on both sides, and exact
GeoNames id matches over those with ids on both sides.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..nlp.gazetteer import haversine_km
from ..records import Where

ACCURACY_KM = 161.0


def _field(place: Where | Mapping[str, Any], name: str, *alternatives: str) -> Any:
    if isinstance(place, Mapping):
        for key in (name, *alternatives):
            if key in place:
                return place[key]
        return None
    return getattr(place, name)


def _span(place: Where | Mapping[str, Any]) -> tuple[int, int]:
    if isinstance(place, Mapping):
        return (int(place.get("start", place.get("text_start", -1))),
                int(place.get("end", place.get("text_end", -1))))
    return place.char_start, place.char_end


def _best_overlap(start: int, end: int, predicted: list) -> Any | None:
    """The prediction sharing most characters with the gold span; the tighter one on ties."""
    best, best_key = None, None
    for place in predicted:
        p_start, p_end = _span(place)
        overlap = min(end, p_end) - max(start, p_start)
        if overlap <= 0:
            continue
        key = (overlap, -(p_end - p_start))
        if best_key is None or key > best_key:
            best, best_key = place, key
    return best


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def score_toponyms(gold_records: Iterable[Mapping[str, Any]],
                   predict: Callable[[Mapping[str, Any]], list]) -> dict[str, Any]:
    """Score `predict(article) -> list of Where (or dicts with start/end/lat/lon/geonameid)`.

    Returns counts and ratios: span recall (found / gold), accuracy@161km among
    found toponyms with coordinates, exact GeoNames id matches among found ones
    with ids, and the mean error in km.
    """
    gold_n = found = located_n = within = id_n = id_match = predicted_n = 0
    errors: list[float] = []
    for record in gold_records:
        predicted = list(predict(record))
        predicted_n += len(predicted)
        for toponym in record.get("toponyms") or []:
            gold_n += 1
            match = _best_overlap(int(toponym["start"]), int(toponym["end"]), predicted)
            if match is None:
                continue
            found += 1
            lat, lon = _field(match, "lat"), _field(match, "lon")
            if toponym.get("lat") is not None:
                # A found place without coordinates counts as wrong, not as unscored.
                located_n += 1
                if lat is not None and lon is not None:
                    km = haversine_km(float(toponym["lat"]), float(toponym["lon"]), lat, lon)
                    errors.append(km)
                    within += km <= ACCURACY_KM
            predicted_id = _field(match, "geonameid")
            if toponym.get("geonameid") is not None and predicted_id is not None:
                id_n += 1
                id_match += int(predicted_id) == int(toponym["geonameid"])
    return {
        "gold": gold_n, "predicted": predicted_n, "found": found,
        "recall": _ratio(found, gold_n),
        "located": located_n, "within_161km": within,   # located: found, with gold coordinates
        "accuracy_161km": _ratio(within, located_n),
        "with_ids": id_n, "id_matches": id_match,
        "id_accuracy": _ratio(id_match, id_n),
        "mean_error_km": sum(errors) / len(errors) if errors else None,
    }


__all__ = ["score_toponyms", "haversine_km", "ACCURACY_KM"]
