"""Event places for the map, and stored type counts for filter menus (API and web UI)."""
from newsevents.store.queries import EventFilter, event_places, event_type_counts


def test_event_places_group_placed_events_under_the_filters(loaded_store):
    places = event_places(loaded_store)
    assert {(p["name"], p["events"]) for p in places} == {("Wonsan", 1), ("Seoul", 1)}
    wonsan = next(p for p in places if p["name"] == "Wonsan")
    assert (wonsan["lat"], wonsan["lon"], wonsan["types"]) == (39.15, 127.44, ["CONSULT"])
    assert [p["name"] for p in event_places(loaded_store, EventFilter(actor="KOR"))] == ["Seoul"]
    assert event_places(loaded_store, EventFilter(type="SANCTION")) == []


def test_event_places_are_cut_to_the_busiest_when_asked(loaded_store):
    assert len(event_places(loaded_store, limit=1)) == 1


def test_event_type_counts_count_every_stored_type(loaded_store):
    assert event_type_counts(loaded_store) == {"CONSULT": 1, "MOBILIZE": 1, "REJECT": 1,
                                               "SANCTION": 1, "SIGNAL": 1}
