"""Trigger words of short conflict reports (monitor and wire style): sentences of our own."""
from datetime import date

import pytest

from newsevents.records import Article


@pytest.fixture(scope="module")
def types(pipeline):
    def run(text):
        _, doc = next(pipeline.run([Article(text=text, published=date(2024, 5, 20))]))
        return [(e.type, e.mode) for e in doc._.events]
    return run


REPORTS = [
    # ground won back by force
    ("Government troops regained the town held by the insurgents.", ("ASSAULT", None)),
    ("Loyalist fighters took back the border post on Friday.", ("ASSAULT", None)),
    # a base or headquarters set up
    ("The rebels established a headquarters in the old school.", ("MOBILIZE", "troops")),
    # weapons thrown, chemical agents used
    ("Gunmen threw a hand grenade at the police station.", ("ASSAULT", "explosives")),
    ("The air force used mustard gas against the besieged suburb.", ("ASSAULT", "unconventional")),
    # people seized are abducted; property seized is not
    ("Armed men seized four aid workers on the road to the camp.", ("ASSAULT", "abduct")),
    # stoning is an assault (a crowd's is a riot)
    ("Soldiers stoned the prisoners in the yard.", ("ASSAULT", "primitive")),
    # a sit-in, however the tokenizer splits it
    ("Nurses staged a sit-in outside the health ministry.", ("PROTEST", "demo")),
]


@pytest.mark.parametrize("text,expected", REPORTS, ids=[r[0][:40] for r in REPORTS])
def test_conflict_report_yields_its_event(types, text, expected):
    assert expected in types(text)


def test_goods_seized_are_no_abduction(types):
    assert ("ASSAULT", "abduct") not in types("Customs officers seized two tonnes of cocaine at the port.")


def test_votes_won_back_are_no_assault(types):
    assert ("ASSAULT", None) not in types("The party took back the seat it lost in the last election.")


def test_a_protest_dispersed_took_place(types):
    found = types("Riot police dispersed a protest by taxi drivers in the port city.")
    assert ("PROTEST", "demo") in found and ("COERCE", "restrict") in found


def test_a_protest_prevented_did_not_take_place(types):
    found = types("Soldiers prevented a rally by the opposition party.")
    assert not any(t == "PROTEST" for t, _ in found)


def test_ground_left_under_a_deal_is_a_withdrawal(types):
    assert ("RETREAT", "withdraw") in types("The militia pulled out of the province under the accord.")
