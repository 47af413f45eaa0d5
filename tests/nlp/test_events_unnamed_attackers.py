"""Attacks whose doers the text does not name: sentences of our own."""
from datetime import date

import pytest

from newsevents.records import Article


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text):
        _, doc = next(pipeline.run([Article(text=text, published=date(2024, 9, 3))]))
        return doc._.events
    return run


def assaults(events):
    return [e for e in events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    # counted victims, no place: still one attack
    "Four guards were killed in an ambush on the road to the mine.",
    "Unidentified men shot dead two traders at the market.",
    # the weapon went off
    "A roadside bomb hit an army truck near the bridge.",
    # the blast's toll spelled out by a participle
    "An explosive device went off at the bus station, killing three passengers.",
])
def test_an_attack_with_unnamed_doers_is_still_an_attack(code, text):
    found = assaults(code(text))
    assert found and all(a.name for e in found for a in e.actor)


@pytest.mark.parametrize("text", [
    "The civil war has killed more than 9,000 fighters since it began.",
    "The conflict has killed more than 5,000 civilians in the region.",
])
def test_a_conflicts_toll_is_no_attack(code, text):
    assert not assaults(code(text))


def test_a_weapon_fired_by_a_named_party_is_that_partys_attack(code):
    found = assaults(code("Artillery shells fired by the rebels struck the hospital."))
    assert [a.name for e in found for a in e.actor] == ["rebels"]


def test_a_weapon_thrown_by_someone_unnamed_is_an_attack(code):
    assert assaults(code("A petrol bomb was thrown into the party office overnight."))


def test_the_agent_of_joined_passives_does_both(code):
    events = code("Three reporters were beaten and detained by soldiers near the border.")
    assert {e.type for e in events} >= {"ASSAULT", "COERCE"}
    assert all(a.name == "soldiers" for e in events for a in e.actor)


def test_fighting_between_parties_named_on_its_verb(code):
    events = code("Heavy fighting broke out between soldiers and bandits near the dam.")
    assert {a.name for e in assaults(events) for a in e.actor} == {"soldiers", "bandits"}


def test_a_protest_breaking_out_with_no_place_named_is_still_a_protest(code):
    assert any(e.type == "PROTEST" for e in code("Angry protests erupted in several villages after the vote."))


@pytest.mark.parametrize("text", [
    "Five villagers killed in night raid",
    "Two guards wounded as gunmen storm bank",
])
def test_a_headline_without_were_still_tells_the_attack(code, text):
    assert assaults(code(text))
