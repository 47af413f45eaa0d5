"""nlp/actor_data.py: the Phoenix dictionaries back the curated data off, never override it."""
from datetime import date

import pytest

from newsevents.nlp import actor_data
from newsevents.nlp.actors import ActorResolver
from newsevents.records import Article

FAKE_ACTORS = {"entries": [
    {"id": "person:phoenix-tomasz-wielgorski", "kind": "person", "name": "Tomasz Wielgorski",
     "aliases": ["Tomek Wielgorski"], "country": "POL", "sector": "GOV",
     "roles": [["out of office", None, "1980-01-01", "2001-10-19"],
               ["government", "GOV", "2001-10-19", "2005-10-31"],
               ["intergovernmental organisation", "IGO", "2006-01-01", None, "IGO"]]},
    # A name the curated people.yaml has: the curated entry stays the only one.
    {"id": "person:phoenix-sergei-shoigu", "kind": "person", "name": "Sergei Shoigu",
     "country": "FRA", "sector": "BUS"},
]}
FAKE_AGENTS = {"group_nouns": {"troops": "CVL", "zealots": "REB"}}


@pytest.fixture()
def index(monkeypatch):
    fakes = {"phoenix_actors.json": FAKE_ACTORS, "phoenix_agents.json": FAKE_AGENTS}
    monkeypatch.setattr(actor_data, "_read_json", lambda *parts: fakes.get(parts[-1]))
    return actor_data.load_index.__wrapped__()


def test_a_person_only_phoenix_knows_takes_the_role_held_on_the_day(index):
    (surface,) = index.lookup("Tomek Wielgorski")
    person = surface.entry
    assert (person.actor(date(2003, 3, 1)).country, person.actor(date(2003, 3, 1)).sector) == ("POL", "GOV")
    assert person.actor(date(1995, 3, 1)).sector is None              # out of office then
    assert person.actor(date(2010, 3, 1)).country == "IGO"             # a post abroad


def test_the_curated_entry_wins_a_shared_name(index):
    assert [s.entry.id for s in index.lookup("Sergei Shoigu")] == ["person:sergei-shoigu"]


def test_curated_sector_words_keep_their_sector(index):
    assert index.group_nouns["troops"] == "MIL"
    assert index.group_nouns["zealots"] == "REB"


def test_a_name_the_curated_list_lacks_resolves_in_text(pipeline):
    # Lene Espersen, Danish foreign minister 2010-2011, is in the Phoenix dictionaries only.
    text = "Lene Espersen told reporters in Brussels that the talks had stalled."
    _, doc = next(pipeline.run([Article(text=text, published=date(2010, 6, 2))]))
    span = doc.char_span(0, len("Lene Espersen"))
    (actor,) = ActorResolver(doc).actors_for(span.root)
    assert (actor.country, actor.sector) == ("DNK", "GOV")
