"""Score resolved time expressions against timex.jsonl (SCORING.md, component sets).

Each gold item carries a TimeML `value`. Values that name a calendar span (a day,
ISO week, month, quarter, season or year) are scorable; PRESENT_REF, XXXX-WI,
durations and the like are not. A scorable gold item is correct when some
predicted expression overlapping its characters resolves to exactly its span.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from ..errors import RecordError
from ..nlp.timexes_resolve import timeml_value_span

Prediction = dict[str, Any]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _prediction_span(item: Prediction, article_id: str) -> tuple[int, int, date, date]:
    try:
        return (int(item["start"]), int(item["end"]), date.fromisoformat(str(item["start_date"])),
                date.fromisoformat(str(item["end_date"])))
    except (KeyError, TypeError, ValueError) as e:
        raise RecordError(f"prediction {item!r} lacks start/end/start_date/end_date ({e})",
                          source=article_id) from e


def score_article(gold: dict[str, Any], predictions: Iterable[Prediction]) -> dict[str, Any]:
    """Counts for one article: gold items, scorable ones, spans found, correct."""
    article_id = str(gold.get("id", ""))
    predicted = [_prediction_span(p, article_id) for p in predictions]
    counts = {"gold": 0, "scorable": 0, "span_found": 0, "correct": 0,
              "predicted": len(predicted)}
    misses: list[dict[str, Any]] = []
    for item in gold.get("timexes", []):
        counts["gold"] += 1
        span = timeml_value_span(str(item.get("value", "")))
        if span is None:
            continue
        counts["scorable"] += 1
        overlapping = [p for p in predicted
                       if _overlaps(p[0], p[1], int(item["start"]), int(item["end"]))]
        if overlapping:
            counts["span_found"] += 1
        if any(p[2] == span[0] and p[3] == span[1] for p in overlapping):
            counts["correct"] += 1
        else:
            misses.append({"id": article_id, "text": item.get("text"), "value": item.get("value"),
                           "gold": [span[0].isoformat(), span[1].isoformat()],
                           "predicted": [[p[2].isoformat(), p[3].isoformat()] for p in overlapping]})
    return {**counts, "misses": misses}


def score_timexes(gold_records: list[dict[str, Any]],
                  predict: Callable[[dict[str, Any]], list[Prediction]]) -> dict[str, Any]:
    """Recall of resolved dates over the scorable gold items of every article.

    `predict` takes one gold article (id, published, text) and returns dicts
    with `start`, `end` (character offsets) and ISO `start_date`, `end_date`.
    """
    total = {"gold": 0, "scorable": 0, "span_found": 0, "correct": 0, "predicted": 0}
    misses: list[dict[str, Any]] = []
    for record in gold_records:
        article = score_article(record, predict(record))
        for key in total:
            total[key] += article[key]
        misses.extend(article["misses"])
    scorable = total["scorable"]
    return {
        "n": len(gold_records),
        **total,
        "recall": total["correct"] / scorable if scorable else 0.0,
        "span_recall": total["span_found"] / scorable if scorable else 0.0,
        "resolved_when_found": total["correct"] / total["span_found"] if total["span_found"] else 0.0,
        "misses": misses,
    }


__all__ = ["score_article", "score_timexes"]
