"""Criticism said as a judgement of a party or its act is ACCUSE; sentences of our own."""
from datetime import date

import pytest

from newsevents.records import Article


@pytest.fixture(scope="module")
def accusations(pipeline):
    def run(text):
        _, doc = next(pipeline.run([Article(text=text, published=date(2025, 3, 16))]))
        return [(tuple(a.country for a in e.actor), tuple(r.country for r in e.recipient), e.trigger,
                 e.attribution)
                for e in doc._.events if e.type == "ACCUSE"]
    return run


@pytest.mark.parametrize("text, actor, recipient", [
    ('"The sanctions imposed by Washington are illegal," the Iranian foreign minister said.',
     ("IRN",), ("USA",)),
    ("Mexico's president said Washington's tariff threat was a disgrace.", ("MEX",), ("USA",)),
    ("The Turkish president called the Greek decision a provocation.", ("TUR",), ("GRC",)),
    ("Egypt's foreign ministry described the Ethiopian dam project as a threat.", ("EGY",), ("ETH",)),
    ("Japan's foreign minister said China's behaviour was not constructive.", ("JPN",), ("CHN",)),
])
def test_a_party_judged_harshly_by_a_speaker_is_accused_by_the_speaker(accusations, text, actor,
                                                                        recipient):
    [(found_actor, found_recipient, _, attribution)] = accusations(text)
    assert (found_actor, found_recipient) == (actor, recipient)
    # The speech is the event: the speaker is not also its source.
    assert attribution is None


@pytest.mark.parametrize("text", [
    "The Nigerian president said the humanitarian situation in Sudan was terrible.",
    "Iran said the sanctions against Venezuela were illegal.",
    "The illegal crossing of the Polish border was stopped.",
    "Russia said the talks with Ukraine were productive.",
    "The minister said the floods were the worst in decades.",
])
def test_no_accusation_without_a_harsh_judgement_of_a_party_by_a_speaker(accusations, text):
    assert accusations(text) == []


def test_a_criticism_already_told_by_its_verb_is_not_told_again(accusations):
    assert len(accusations("Germany criticised the Hungarian veto, saying it was irresponsible.")) == 1


@pytest.fixture(scope="module")
def requests(pipeline):
    def run(text):
        _, doc = next(pipeline.run([Article(text=text, published=date(2025, 3, 16))]))
        return [(tuple(a.country for a in e.actor), tuple(r.country for r in e.recipient))
                for e in doc._.events if e.type == "REQUEST"]
    return run


def test_a_speaker_saying_another_party_must_act_asks_it_to(requests):
    text = ("Fishing boats returned to port on Sunday. "
            "Germany's chancellor said Russia must withdraw its troops from Ukraine.")
    assert requests(text) == [(("DEU",), ("RUS",))]


@pytest.mark.parametrize("text", [
    "The Japanese foreign minister said Tokyo must strengthen its defences.",
    "Analysts said Iran should halt enrichment.",
    "The French minister said the regime must understand that there is a price to pay.",
])
def test_no_request_to_oneself_by_no_one_or_to_know_something(requests, text):
    assert requests(text) == []
