from datetime import date
import dataclasses

import pytest

from newsevents.records import (Actor, Article, Attribution, Event, Evidence, Quantity, When,
                                Where, article_with_events)


def make_event(**changes):
    event = Event(type="AID", mode="military", evidence=Evidence("X supplied Y", 0, 12),
                  trigger="supplied", trigger_start=2, trigger_end=10,
                  actor=(Actor("North Korea", "PRK", "GOV"),),
                  recipient=(Actor("Russia", "RUS", "GOV"),))
    return dataclasses.replace(event, **changes)


def test_records_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        make_event().type = "ASSAULT"


def test_article_id_is_a_content_hash_when_not_given():
    a = Article(text="Same text.", title="T")
    b = Article(text="Same text.", title="T")
    c = Article(text="Other text.", title="T")
    assert a.id == b.id != c.id


def test_event_json_has_the_gold_shape_plus_offsets():
    event = make_event(
        date=When(date(2025, 6, 1), date(2025, 6, 30), "last month", "month"),
        place=Where("Kursk", "RUS", "Kursk Oblast", 51.73, 36.19, "Kursk", geonameid=538560),
        quantities=(Quantity(6000.0, "6,000 engineers", unit="engineers", qualifier="additional"),),
        attribution=Attribution("Sergei Shoigu", "RUS", "GOV", "Shoigu announced"),
        modality="future").with_id("article-1")
    data = event.to_dict()
    for key in ("type", "mode", "actor", "recipient", "date", "place", "quantities",
                "attribution", "modality", "evidence", "evidence_start", "evidence_end"):
        assert key in data
    assert data["actor"] == [{"name": "North Korea", "country": "PRK", "sector": "GOV"}]
    assert data["date"]["start"] == "2025-06-01" and data["date"]["end"] == "2025-06-30"
    assert data["quantities"][0]["value"] == 6000 and isinstance(data["quantities"][0]["value"], int)
    assert data["attribution"]["country"] == "RUS"
    assert data["id"] and event.article_id == "article-1"


def test_event_ids_are_stable_for_the_same_article_and_trigger():
    assert make_event().with_id("a").id == make_event().with_id("a").id
    assert make_event().with_id("a").id != make_event().with_id("b").id


def test_article_with_events_keeps_the_input_id():
    article = Article(id="my-id", text="X supplied Y", published=date(2025, 1, 1))
    data = article_with_events(article, [make_event()])
    assert data["id"] == "my-id" and data["published"] == "2025-01-01"
    assert len(data["events"]) == 1
