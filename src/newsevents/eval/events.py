"""Score predicted events against gold, following shared/gold/SCORING.md.

Gold and prediction are lists of article dicts (`{"id", "text", "events"}`)
in the shape of GUIDELINES.md. Pure Python, so it runs anywhere quickly.

Choices SCORING.md leaves open, made here once (and tested):

- Articles pair by `id`. A gold article with no prediction counts its events
  as missed. A predicted article with no gold is not annotated, so it is
  left out (and counted under `articles.unannotated`). An id that occurs
  more than once pairs by occurrence: the n-th gold article with that id
  with the n-th predicted one (listed under `articles.duplicate_ids`).
- An evidence span is `evidence_start`/`evidence_end` when both are given as
  integers with 0 <= start < end; else the first occurrence of `evidence` in
  the article's text (a predicted article without `text` uses gold's). No
  span (empty or not found) means the event cannot pair.
- Pairing is greedy over candidate pairs (same type, overlap >= 1 char),
  taken in this order: actor and recipient country sets agree, larger
  overlap, document order (gold span start, predicted span start, then list
  position). Each event pairs at most once.
- A country set is the set of the entities' `country` values, and None is a
  value like any other: `[{"country": null}]` is {None}, unlike `[]`.
- Field accuracies count over paired events only, quantities included: n is
  the number of gold quantities of paired events. A gold quantity is right
  when any predicted quantity of the pair is within 1% of it (one predicted
  quantity may cover several gold ones).
- Names match case-insensitively when either contains the other, after
  trimming; an empty name never matches.
- Dates: ISO `YYYY-MM-DD` (`YYYY-MM` and `YYYY` read as their whole span); a
  predicted date without `end` ends on its `start`. A null or unreadable
  predicted date is wrong where gold has a date.
- Ratios with a zero denominator: P/R/F1 are 0.0; a field accuracy with
  n = 0 is None (nothing to score).
"""
from __future__ import annotations

import calendar
import math
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..nlp.gazetteer import haversine_km
from .gold import read_articles

FIELDS = ("actor", "recipient", "date", "place", "attribution", "modality", "quantities")
PLACE_RADIUS_KM = 50.0
QUANTITY_TOLERANCE = 0.01
DEFAULT_MODALITY = "asserted"

Span = tuple[int, int]


# --- public API -------------------------------------------------------------

def score_events(gold: list[dict], predicted: list[dict], by_type: bool = False) -> dict:
    """Event P/R/F1, triple P/R/F1 and field accuracies of `predicted` against `gold`.

    The result is a plain dict (JSON-ready):
    `articles` {gold, predicted, scored, unannotated, missing, duplicate_ids},
    `events` and `triples` {gold, predicted, correct, precision, recall, f1},
    `fields` {name: {correct, n, accuracy}} and, with `by_type`,
    `by_type` {TYPE: {gold, predicted, correct, precision, recall, f1}}.
    """
    predicted_by_key = _index_by_key(predicted, "predicted")
    gold_keys = _index_by_key(gold, "gold")

    gold_count = predicted_count = paired_count = triple_count = 0
    field_correct: Counter[str] = Counter()
    field_n: Counter[str] = Counter()
    type_gold: Counter[str] = Counter()
    type_predicted: Counter[str] = Counter()
    type_paired: Counter[str] = Counter()
    missing: list[str] = []

    for key, gold_article in gold_keys.items():
        gold_events = _events_of(gold_article)
        gold_count += len(gold_events)
        type_gold.update(str(e.get("type")) for e in gold_events)
        predicted_article = predicted_by_key.get(key)
        if predicted_article is None:
            missing.append(gold_article["id"])
            continue
        predicted_events = _events_of(predicted_article)
        predicted_count += len(predicted_events)
        type_predicted.update(str(e.get("type")) for e in predicted_events)

        gold_text = gold_article.get("text") or ""
        predicted_text = predicted_article.get("text") or gold_text
        for gi, pi in pair_events(gold_events, predicted_events, gold_text, predicted_text):
            g, p = gold_events[gi], predicted_events[pi]
            paired_count += 1
            type_paired[str(g.get("type"))] += 1
            if _countries_agree(g, p):
                triple_count += 1
            for name, (correct, n) in score_fields(g, p).items():
                field_correct[name] += correct
                field_n[name] += n

    result: dict[str, Any] = {
        "articles": {
            "gold": len(gold),
            "predicted": len(predicted),
            "scored": len(gold) - len(missing),
            "unannotated": sum(1 for key in predicted_by_key if key not in gold_keys),
            "missing": missing,
            "duplicate_ids": sorted({article_id for article_id, n in gold_keys if n > 0}),
        },
        "events": _prf(paired_count, gold_count, predicted_count),
        "triples": _prf(triple_count, gold_count, predicted_count),
        "fields": {
            name: {"correct": field_correct[name], "n": field_n[name],
                   "accuracy": field_correct[name] / field_n[name] if field_n[name] else None}
            for name in FIELDS
        },
    }
    if by_type:
        types = sorted(set(type_gold) | set(type_predicted))
        result["by_type"] = {t: _prf(type_paired[t], type_gold[t], type_predicted[t])
                             for t in types}
    return result


def evaluate_files(gold_path: str | Path, predicted_path: str | Path,
                   by_type: bool = False) -> dict:
    """`score_events` over two JSON Lines files (what `newsevents eval` runs)."""
    return score_events(read_articles(gold_path), read_articles(predicted_path), by_type=by_type)


def format_report(result: dict) -> str:
    """The result of `score_events` as a plain-text table."""
    lines = [f"articles: {result['articles']['scored']} of {result['articles']['gold']} gold "
             f"scored, {len(result['articles']['missing'])} missing, "
             f"{result['articles']['unannotated']} predicted without gold"]
    if result["articles"].get("duplicate_ids"):
        lines.append("ids repeated in gold (paired by occurrence): "
                     + ", ".join(result["articles"]["duplicate_ids"]))
    lines.append("")
    header = f"{'':<12}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}{'right':>7}"
    lines.append(header)
    for label in ("events", "triples"):
        lines.append(_prf_row(label, result[label]))
    lines += ["", f"{'field':<12}{'acc':>7}{'right':>7}{'n':>7}"]
    for name, row in result["fields"].items():
        accuracy = "-" if row["accuracy"] is None else f"{row['accuracy']:.3f}"
        lines.append(f"{name:<12}{accuracy:>7}{row['correct']:>7}{row['n']:>7}")
    if result.get("by_type"):
        lines += ["", header.replace(" " * 12, f"{'type':<12}", 1)]
        for event_type, row in result["by_type"].items():
            lines.append(_prf_row(event_type, row))
    return "\n".join(lines) + "\n"


# --- pairing ----------------------------------------------------------------

def evidence_span(event: dict, text: str) -> Span | None:
    """Character span of an event's evidence, or None when it has none."""
    start, end = event.get("evidence_start"), event.get("evidence_end")
    if _is_offset(start) and _is_offset(end) and start < end:
        return start, end
    evidence = event.get("evidence") or ""
    found = text.find(evidence) if evidence else -1
    return (found, found + len(evidence)) if found >= 0 else None


def pair_events(gold_events: list[dict], predicted_events: list[dict], gold_text: str,
                predicted_text: str | None = None) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, each event at most once, by gold index."""
    predicted_text = gold_text if predicted_text is None else predicted_text
    gold_spans = [evidence_span(e, gold_text) for e in gold_events]
    predicted_spans = [evidence_span(e, predicted_text) for e in predicted_events]
    candidates = []
    for gi, (g, g_span) in enumerate(zip(gold_events, gold_spans)):
        if g_span is None:
            continue
        for pi, (p, p_span) in enumerate(zip(predicted_events, predicted_spans)):
            if p_span is None or p.get("type") != g.get("type"):
                continue
            overlap = min(g_span[1], p_span[1]) - max(g_span[0], p_span[0])
            if overlap >= 1:
                # Sort key: agreeing countries first, then larger overlap, then document order.
                candidates.append((not _countries_agree(g, p), -overlap,
                                   g_span[0], p_span[0], gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for *_, gi, pi in candidates:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def country_set(entities: Iterable[dict] | None) -> frozenset[str | None]:
    """The `country` codes of actor or recipient entities; None counts as a value."""
    return frozenset(e.get("country") for e in entities or ())


def _countries_agree(gold_event: dict, predicted_event: dict) -> bool:
    return all(country_set(gold_event.get(role)) == country_set(predicted_event.get(role))
               for role in ("actor", "recipient"))


# --- fields -----------------------------------------------------------------

def score_fields(gold_event: dict, predicted_event: dict) -> dict[str, tuple[int, int]]:
    """(correct, counted) per field for one pair; counted is 0 where gold does not score it."""
    g, p = gold_event, predicted_event
    scores = {role: (int(country_set(g.get(role)) == country_set(p.get(role))), 1)
              for role in ("actor", "recipient")}
    scores["date"] = ((int(date_correct(g["date"], p.get("date"))), 1)
                      if g.get("date") is not None else (0, 0))
    scores["place"] = ((int(place_correct(g["place"], p.get("place"))), 1)
                       if g.get("place") is not None else (0, 0))
    scores["attribution"] = ((int(attribution_correct(g["attribution"], p.get("attribution"))), 1)
                             if "attribution" in g else (0, 0))
    scores["modality"] = ((int(_modality(g) == _modality(p)), 1)
                          if "modality" in g else (0, 0))
    gold_quantities = g.get("quantities") or []
    predicted_values = [_number(q.get("value")) for q in p.get("quantities") or []]
    scores["quantities"] = (
        sum(quantity_found(_number(q.get("value")), predicted_values) for q in gold_quantities),
        len(gold_quantities))
    return scores


def date_correct(gold_date: dict, predicted_date: dict | None) -> bool:
    """True when the predicted [start, end] lies within gold's [start, end]."""
    gold_span = _date_span(gold_date)
    if gold_span is None:
        raise InputError(f"gold date is not ISO 8601: {gold_date!r}", field="date")
    predicted_span = _date_span(predicted_date)
    if predicted_span is None:
        return False
    return gold_span[0] <= predicted_span[0] and predicted_span[1] <= gold_span[1]


def place_correct(gold_place: dict, predicted_place: dict | None) -> bool:
    """Same country, and a matching name or points within 50 km."""
    if not predicted_place or predicted_place.get("country") != gold_place.get("country"):
        return False
    if name_matches(predicted_place.get("name"), _names_of(gold_place)):
        return True
    distance = _distance_km(gold_place, predicted_place)
    return distance is not None and distance <= PLACE_RADIUS_KM


def attribution_correct(gold_attribution: dict | None, predicted_attribution: dict | None) -> bool:
    """Both null, or the same country and a name matching gold's name or an alias."""
    if gold_attribution is None or predicted_attribution is None:
        return gold_attribution is None and predicted_attribution is None
    return (predicted_attribution.get("country") == gold_attribution.get("country")
            and name_matches(predicted_attribution.get("name"), _names_of(gold_attribution)))


def name_matches(name: str | None, accepted: Iterable[str | None]) -> bool:
    """Case-insensitive match where either name contains the other; empty never matches."""
    wanted = (name or "").strip().casefold()
    if not wanted:
        return False
    for other in accepted:
        other = (other or "").strip().casefold()
        if other and (wanted in other or other in wanted):
            return True
    return False


def quantity_found(gold_value: float | None, predicted_values: Iterable[float | None]) -> bool:
    """True when some predicted value lies within 1% of the gold value."""
    if gold_value is None:
        return False
    tolerance = abs(gold_value) * QUANTITY_TOLERANCE
    return any(v is not None and abs(v - gold_value) <= tolerance for v in predicted_values)


# --- helpers ----------------------------------------------------------------

def _index_by_key(articles: list[dict], which: str) -> dict[tuple[str, int], dict]:
    """Articles by (id, how many earlier articles had that id), in input order."""
    index: dict[tuple[str, int], dict] = {}
    seen: Counter[str] = Counter()
    for position, article in enumerate(articles):
        article_id = article.get("id") if isinstance(article, dict) else None
        if not isinstance(article_id, str) or not article_id:
            raise InputError(f"{which} article {position} has no id", field="id")
        index[(article_id, seen[article_id])] = article
        seen[article_id] += 1
    return index


def _events_of(article: dict) -> list[dict]:
    return list(article.get("events") or [])


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _modality(event: dict) -> str:
    return event.get("modality") or DEFAULT_MODALITY


def _names_of(record: dict) -> list[str | None]:
    return [record.get("name"), *(record.get("aliases") or [])]


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _distance_km(a: dict, b: dict) -> float | None:
    coordinates = [_number(x) for x in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon"))]
    if any(c is None for c in coordinates):
        return None
    return haversine_km(*coordinates)


def _date_span(value: Any) -> tuple[date, date] | None:
    if isinstance(value, str):          # a bare ISO string stands for its own span
        return _iso_span(value)
    if not isinstance(value, dict):
        return None
    start = _iso_span(value.get("start"))
    end = _iso_span(value.get("end")) if value.get("end") else start
    if start is None or end is None:
        return None
    return start[0], end[1]


def _iso_span(text: Any) -> tuple[date, date] | None:
    """First and last day of `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a time part is dropped)."""
    if not isinstance(text, str):
        return None
    parts = text.strip()[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3 and len(parts[0]) == 4:
            day = date(*numbers)
            return day, day
        if len(numbers) == 2 and len(parts[0]) == 4:
            year, month = numbers
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(numbers) == 1 and len(parts[0]) == 4:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
    except ValueError:
        return None
    return None


def _prf(correct: int, gold: int, predicted: int) -> dict[str, Any]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": gold, "predicted": predicted, "correct": correct,
            "precision": precision, "recall": recall, "f1": f1}


def _prf_row(label: str, row: dict) -> str:
    return (f"{label:<12}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
            f"{row['gold']:>7}{row['predicted']:>7}{row['correct']:>7}")


__all__ = [
    "score_events", "evaluate_files", "format_report", "pair_events", "evidence_span",
    "score_fields", "country_set", "date_correct", "place_correct", "attribution_correct",
    "name_matches", "quantity_found", "haversine_km", "FIELDS",
]
