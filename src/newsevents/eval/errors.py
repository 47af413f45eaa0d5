"""Extraction errors grouped by cause, to steer the work (`newsevents eval --errors`).

Pairing follows SCORING.md (eval/events.py). Each gold event that is missed, each
predicted event that pairs with nothing and each pair with a wrong field is put under
one cause:

    no trigger       a gold event that no predicted event overlaps
    wrong type       a gold event overlapped only by predicted events of other types
                     (those predictions are not counted again as extra events)
    extra event      a predicted event that overlaps no gold event it could pair with
    actor wrong      a pair whose actor countries differ from gold's
    recipient wrong  a pair with the right actor countries and wrong recipient countries
    date wrong       a pair whose date is not within gold's (gold date not null)
    place wrong      a pair whose place does not match gold's (gold place not null)
"""
from __future__ import annotations

from collections import Counter

from .events import (country_set, date_correct, evidence_span, pair_events,
                     place_correct)

CAUSES = ("no trigger", "wrong type", "extra event", "actor wrong", "recipient wrong",
          "date wrong", "place wrong")


def _triple(event: dict) -> str:
    def side(role: str) -> str:
        return ",".join(sorted(str(c) for c in country_set(event.get(role)))) or "-"
    return f"{side('actor')} -> {side('recipient')}"


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) - max(a[0], b[0]) >= 1


def _item(cause: str, article_id: str, gold: dict | None, predicted: dict | None) -> dict:
    item = {"cause": cause, "article": article_id}
    for label, event in (("gold", gold), ("predicted", predicted)):
        if event is not None:
            item[label] = {"type": event.get("type"), "triple": _triple(event),
                           "evidence": event.get("evidence"),
                           "date": event.get("date"), "place": (event.get("place") or {}).get("name")}
    return item


def find_errors(gold: list[dict], predicted: list[dict]) -> list[dict]:
    """Every error of `predicted` against `gold`, as dicts with a `cause` from CAUSES."""
    predicted_by_id = {}
    for article in predicted:
        predicted_by_id.setdefault(article.get("id"), article)
    errors: list[dict] = []
    for gold_article in gold:
        article_id = gold_article.get("id")
        text = gold_article.get("text") or ""
        gold_events = list(gold_article.get("events") or [])
        predicted_article = predicted_by_id.get(article_id) or {}
        predicted_events = list(predicted_article.get("events") or [])
        pairs = pair_events(gold_events, predicted_events, text, predicted_article.get("text") or text)
        paired_gold = {gi for gi, _ in pairs}
        paired_predicted = {pi for _, pi in pairs}
        gold_spans = [evidence_span(e, text) for e in gold_events]
        predicted_spans = [evidence_span(e, text) for e in predicted_events]
        retyped: set[int] = set()
        for gi, g in enumerate(gold_events):
            if gi in paired_gold:
                continue
            others = [pi for pi, span in enumerate(predicted_spans)
                      if pi not in paired_predicted and _overlaps(gold_spans[gi], span)]
            if others:
                retyped.update(others)
                errors.append(_item("wrong type", article_id, g, predicted_events[others[0]]))
            else:
                errors.append(_item("no trigger", article_id, g, None))
        for pi, p in enumerate(predicted_events):
            if pi not in paired_predicted and pi not in retyped:
                errors.append(_item("extra event", article_id, None, p))
        for gi, pi in pairs:
            g, p = gold_events[gi], predicted_events[pi]
            if country_set(g.get("actor")) != country_set(p.get("actor")):
                errors.append(_item("actor wrong", article_id, g, p))
            elif country_set(g.get("recipient")) != country_set(p.get("recipient")):
                errors.append(_item("recipient wrong", article_id, g, p))
            if g.get("date") is not None and not date_correct(g["date"], p.get("date")):
                errors.append(_item("date wrong", article_id, g, p))
            if g.get("place") is not None and not place_correct(g["place"], p.get("place")):
                errors.append(_item("place wrong", article_id, g, p))
    return errors


def format_errors(errors: list[dict], examples: int | None = None) -> str:
    """Errors as text: a count per cause, then each error with gold and prediction."""
    counts = Counter(e["cause"] for e in errors)
    lines = ["errors by cause:"]
    lines += [f"  {cause:<16}{counts[cause]:>5}" for cause in CAUSES]
    for cause in CAUSES:
        items = [e for e in errors if e["cause"] == cause]
        if not items:
            continue
        lines += ["", f"== {cause} ({len(items)})"]
        for item in items[:examples]:
            lines.append(f"- {item['article']}")
            for label in ("gold", "predicted"):
                event = item.get(label)
                if event is None:
                    continue
                extra = ""
                if cause == "date wrong":
                    extra = f"  date {(event.get('date') or {}).get('start')}..{(event.get('date') or {}).get('end')}"
                elif cause == "place wrong":
                    extra = f"  place {event.get('place')}"
                lines.append(f"    {label:<9} {event['type']:<9} {event['triple']:<18}{extra}  "
                             f"| {(event.get('evidence') or '')[:150]}")
    return "\n".join(lines) + "\n"


__all__ = ["CAUSES", "find_errors", "format_errors"]
