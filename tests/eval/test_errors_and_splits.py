"""`eval --errors` puts each miss and false event under one cause; the tuning/check split
is fixed by the article id. Fixtures are invented articles."""
from __future__ import annotations

from collections import Counter

import pytest

from newsevents.eval.errors import CAUSES, find_errors, format_errors
from newsevents.eval.splits import HALVES, half_of, in_half

TEXT = ("Chile's navy shelled a Peruvian patrol boat near Arica on Monday. "
        "Peru's foreign minister condemned the attack. "
        "Bolivia offered to mediate between the two neighbours.")
SHELLING = "Chile's navy shelled a Peruvian patrol boat near Arica"
CONDEMNING = "Peru's foreign minister condemned the attack"
MEDIATING = "Bolivia offered to mediate between the two neighbours"


def event(type_, evidence, actor, recipient, **more):
    return {"type": type_, "evidence": evidence,
            "actor": [{"name": "a", "country": actor}],
            "recipient": [{"name": "r", "country": c} for c in recipient], **more}


def article(events):
    return {"id": "invented-1", "text": TEXT, "events": events}


def causes(gold_events, predicted_events):
    return Counter(e["cause"] for e in find_errors([article(gold_events)], [article(predicted_events)]))


def test_a_perfect_prediction_has_no_errors():
    gold = [event("ASSAULT", SHELLING, "CHL", ["PER"]), event("ACCUSE", CONDEMNING, "PER", ["CHL"])]
    assert causes(gold, gold) == Counter()


def test_each_kind_of_mistake_lands_under_its_own_cause():
    gold = [event("ASSAULT", SHELLING, "CHL", ["PER"],
                  date={"start": "2025-03-03", "end": "2025-03-03"}),
            event("ACCUSE", CONDEMNING, "PER", ["CHL"]),
            event("CONSULT", MEDIATING, "BOL", ["CHL", "PER"])]
    predicted = [event("ASSAULT", SHELLING, "PER", ["CHL"],
                       date={"start": "2025-03-04", "end": "2025-03-04"}),   # actor and date wrong
                 event("SUPPORT", CONDEMNING, "PER", ["CHL"]),               # wrong type
                 event("AID", "the two neighbours", "BOL", [])]              # wrong type too
    assert causes(gold, predicted) == Counter({"actor wrong": 1, "date wrong": 1, "wrong type": 2})


def test_missed_and_invented_events_are_no_trigger_and_extra_event():
    gold = [event("CONSULT", MEDIATING, "BOL", ["CHL", "PER"])]
    predicted = [event("ASSAULT", SHELLING, "CHL", ["PER"])]
    assert causes(gold, predicted) == Counter({"no trigger": 1, "extra event": 1})


def test_recipient_is_blamed_only_when_the_actor_is_right():
    gold = [event("ACCUSE", CONDEMNING, "PER", ["CHL"])]
    assert causes(gold, [event("ACCUSE", CONDEMNING, "PER", [])]) == Counter({"recipient wrong": 1})
    assert causes(gold, [event("ACCUSE", CONDEMNING, "CHL", [])]) == Counter({"actor wrong": 1})


def test_the_report_counts_every_cause_and_shows_the_evidence():
    gold = [event("CONSULT", MEDIATING, "BOL", ["CHL", "PER"])]
    text = format_errors(find_errors([article(gold)], [article([])]))
    for cause in CAUSES:
        assert cause in text
    assert MEDIATING in text


def test_an_articles_half_depends_on_its_id_alone():
    ids = [f"story-{n}" for n in range(200)]
    halves = [half_of(i) for i in ids]
    assert set(halves) == set(HALVES)
    assert 60 < halves.count("tune") < 140
    assert halves == [half_of(i) for i in ids]
    records = [{"id": i} for i in ids]
    tune, check = in_half(records, "tune"), in_half(records, "check")
    assert len(tune) + len(check) == len(records)
    assert not {r["id"] for r in tune} & {r["id"] for r in check}
    assert in_half(records, None) == records


def test_an_unknown_half_is_refused():
    with pytest.raises(ValueError, match="unknown half"):
        in_half([{"id": "x"}], "train")
