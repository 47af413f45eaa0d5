"""Article listing, one article with its events, and event places (used by the API and UI)."""
from datetime import date

import pytest

from newsevents.errors import InputError
from newsevents.store.queries import (ArticleFilter, EventFilter, article_with_stored_events,
                                      count_articles, event_places, event_type_counts,
                                      find_articles)


def test_articles_come_newest_first_with_event_counts_and_no_full_text(loaded_store):
    rows = find_articles(loaded_store)
    assert [r["id"] for r in rows] == ["art-meet", "art-drill", "art-sanction"]
    assert [r["events"] for r in rows] == [1, 2, 2]
    assert "text" not in rows[0] and rows[0]["opening"].startswith("Kim Jong Un met")
    assert rows[0]["characters"] == len(rows[0]["opening"])


def test_article_filters_search_title_and_text_outlet_and_dates(loaded_store):
    def ids(**kw):
        return [r["id"] for r in find_articles(loaded_store, ArticleFilter(**kw))]
    assert ids(text="LAVROV") == ["art-meet", "art-sanction"]      # title or text
    assert ids(outlet="herald") == ["art-drill"]
    assert ids(since=date(2025, 1, 1), until="2025-06-30") == ["art-drill"]
    assert count_articles(loaded_store, ArticleFilter(text="lavrov")) == 2
    assert ids(text="  ") == ids()                                  # blank is no filter


def test_article_paging_and_bad_values(loaded_store):
    assert [r["id"] for r in find_articles(loaded_store, ArticleFilter(limit=1, offset=1))] == ["art-drill"]
    with pytest.raises(InputError) as bad:
        ArticleFilter(since="last week")
    assert bad.value.field == "since"
    with pytest.raises(InputError):
        ArticleFilter(offset=-1)


def test_one_article_has_its_text_and_events_in_text_order(loaded_store):
    article = article_with_stored_events(loaded_store, "art-drill")
    assert article["text"].startswith("The defence ministry said")
    assert [e["trigger"] for e in article["events"]] == ["said", "drills"]
    assert article["events"][1]["quantities"][0]["value"] == 300
    assert article_with_stored_events(loaded_store, "no-such-id") is None


def test_event_places_group_placed_events_under_the_filters(loaded_store):
    places = event_places(loaded_store)
    assert {(p["name"], p["events"]) for p in places} == {("Wonsan", 1), ("Seoul", 1)}
    wonsan = next(p for p in places if p["name"] == "Wonsan")
    assert (wonsan["lat"], wonsan["lon"], wonsan["types"]) == (39.15, 127.44, ["CONSULT"])
    assert [p["name"] for p in event_places(loaded_store, EventFilter(actor="KOR"))] == ["Seoul"]
    assert event_places(loaded_store, EventFilter(type="SANCTION")) == []


def test_event_type_counts_count_every_stored_type(loaded_store):
    assert event_type_counts(loaded_store) == {"CONSULT": 1, "MOBILIZE": 1, "REJECT": 1,
                                               "SANCTION": 1, "SIGNAL": 1}
