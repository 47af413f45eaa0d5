from datetime import date

import pytest

from newsevents.nlp.gazetteer import load_gazetteer
from newsevents.nlp.place import (EventPlaces, PlaceTagger, event_place, find_places,
                                  place_report)
from newsevents.pipeline import register_doc_attributes
from newsevents.records import NONE_CANDIDATE, Article, Event, Evidence


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def parse(nlp):
    register_doc_attributes()

    def run(text):
        doc = nlp(text)
        doc._.article = Article(text=text, published=date(2025, 7, 13))
        return doc
    return run


def places_of(parse, gazetteer, text):
    return find_places(parse(text), gazetteer)


def test_city_after_location_preposition_is_found_with_coordinates(parse, gazetteer):
    (where,) = [p for p in places_of(parse, gazetteer, "The ministers met in Wonsan on Saturday.")
                if p.text == "Wonsan"]
    assert where.country == "PRK" and where.feature == "city"
    assert where.lat == pytest.approx(39.15, abs=0.1)
    assert (where.char_start, where.char_end) == (21, 27)


def test_demonym_is_a_place_mention_of_its_country(parse, gazetteer):
    places = places_of(parse, gazetteer, "The Turkish government summoned the envoy.")
    assert [(p.text, p.country, p.feature) for p in places] == [("Turkish", "TUR", "country")]


def test_candidates_keep_an_explicit_none(parse, gazetteer):
    (where,) = places_of(parse, gazetteer, "Officials gathered in Birmingham.")
    keys = [c.key for c in where.candidates]
    assert NONE_CANDIDATE in keys and len(keys) >= 3
    assert where.country == "GBR"   # the big English city, with no other context


def test_state_after_comma_picks_the_city_in_that_state(parse, gazetteer):
    places = places_of(parse, gazetteer, "The rally took place in Alexandria, Virginia, on Friday.")
    alexandria = next(p for p in places if p.text == "Alexandria")
    assert alexandria.country == "USA" and alexandria.admin1 == "Virginia"


def test_georgia_is_the_country_without_us_context(parse, gazetteer):
    (where,) = places_of(parse, gazetteer, "Protesters marched through Georgia's capital.")
    assert where.country == "GEO"


def test_georgia_is_the_us_state_in_an_american_story(parse, gazetteer):
    text = ("Voters in Texas and Florida lined up early. In Georgia, officials in Atlanta "
            "extended hours across the United States.")
    georgia = next(p for p in places_of(parse, gazetteer, text) if p.text == "Georgia")
    assert georgia.country == "USA" and georgia.feature == "admin1"


def test_person_names_and_lower_case_words_are_not_places(parse, gazetteer):
    places = places_of(parse, gazetteer,
                       "Kim Jong Un said the split was nice. Reading the report, Lee smiled.")
    assert places == []


def test_curated_sea_and_region_are_found(parse, gazetteer):
    text = "Warships sailed through the Taiwan Strait toward the South China Sea."
    assert {p.name for p in places_of(parse, gazetteer, text)} == {"Taiwan Strait",
                                                                   "South China Sea"}


def test_place_tagger_fills_doc_places_and_report(parse, gazetteer):
    doc = PlaceTagger(gazetteer)(parse("Talks were held in Doha."))
    assert [p.name for p in doc._.places] == ["Doha"]
    (row,) = place_report(doc)
    assert set(row) == {"text", "start", "end", "name", "country", "admin1", "lat", "lon",
                        "geonameid"}
    assert row["country"] == "QAT"


def _event(doc, trigger, type_="CONSULT"):
    start = doc.text.index(trigger)
    sent = doc.char_span(start, start + len(trigger)).sent
    return Event(type=type_, evidence=Evidence(sent.text, sent.start_char, sent.end_char),
                 trigger=trigger, trigger_start=start, trigger_end=start + len(trigger))


def _place_for(parse, gazetteer, text, trigger, type_="CONSULT"):
    doc = parse(text)
    doc._.places = find_places(doc, gazetteer)
    return event_place(_event(doc, trigger, type_), doc, doc._.places, gazetteer)


def test_event_takes_the_place_of_its_location_phrase(parse, gazetteer):
    place = _place_for(parse, gazetteer,
                       "The two delegations held talks in Doha on Saturday.", "talks")
    assert place is not None and place.name == "Doha"


def test_event_place_climbs_through_city_of_phrase(parse, gazetteer):
    place = _place_for(parse, gazetteer, "Ruto held a meeting with Abiy in the southern port "
                       "city of Mombasa on Friday.", "meeting")
    assert place is not None and place.country == "KEN"


def test_actor_names_are_not_event_places(parse, gazetteer):
    assert _place_for(parse, gazetteer, "Pyongyang supplied Moscow with artillery shells.",
                      "supplied", "AID") is None


def test_from_counts_only_for_withdrawals(parse, gazetteer):
    text = "Israeli forces will withdraw from Lebanon within 60 days."
    assert _place_for(parse, gazetteer, text, "withdraw", "RETREAT").country == "LBN"
    assert _place_for(parse, gazetteer, text, "withdraw", "CONSULT") is None


def test_embassy_in_city_places_a_protest(parse, gazetteer):
    place = _place_for(parse, gazetteer, "Hundreds rallied outside the Russian Embassy in "
                       "Vilnius on Monday.", "rallied", "PROTEST")
    assert place is not None and place.name == "Vilnius"


def test_demonym_capital_resolves_to_the_capital_city(parse, gazetteer):
    place = _place_for(parse, gazetteer, "The Somali president met the Ethiopian envoy in the "
                       "Kenyan capital on Tuesday.", "met")
    assert place is not None and place.name == "Nairobi" and place.text == "Kenyan capital"


def test_place_in_another_sentence_is_not_used(parse, gazetteer):
    text = "Fighting broke out in Khartoum. Diplomats condemned the violence."
    assert _place_for(parse, gazetteer, text, "condemned", "ACCUSE") is None


def test_event_places_component_sets_place_on_events(parse, gazetteer):
    doc = parse("The two delegations held talks in Doha on Saturday.")
    doc._.places = find_places(doc, gazetteer)
    doc._.events = [_event(doc, "talks")]
    component = EventPlaces(gazetteer)
    assert component.requires == ("events", "places") and component.assigns == ("events",)
    (event,) = component(doc)._.events
    assert event.place is not None and event.place.country == "QAT"


def test_a_named_state_steers_same_named_towns_to_it(parse, gazetteer):
    text = ("FRANKFORT, Ky. — Two barns burned overnight near Glasgow, and firefighters from "
            "London were called in to help.")
    found = {p.text: p for p in places_of(parse, gazetteer, text)}
    assert found["Glasgow"].country == "USA" and found["Glasgow"].admin1 == "Kentucky"
    assert found["London"].country == "USA" and found["London"].admin1 == "Kentucky"


def test_glasgow_and_london_stay_british_without_a_state(parse, gazetteer):
    text = "Two barns burned overnight near Glasgow, and firefighters from London were called in."
    found = {p.text: p for p in places_of(parse, gazetteer, text)}
    assert found["Glasgow"].country == "GBR" and found["London"].country == "GBR"


def test_a_county_is_placed_in_the_state_the_story_names(parse, gazetteer):
    text = "Deputies in Missouri said the crash happened on a rural road in Monroe County."
    (county,) = [p for p in places_of(parse, gazetteer, text) if p.text == "Monroe County"]
    assert county.feature == "admin2" and county.admin1 == "Missouri"
    assert 39 < county.lat < 40 and -93 < county.lon < -91


def test_a_capital_city_state_name_says_nothing_about_the_state(parse, gazetteer):
    # "Washington" may be the capital, so it does not pull "Vancouver" south of the border.
    text = "Officials in Washington met counterparts who had flown in from Vancouver."
    found = {p.text: p for p in places_of(parse, gazetteer, text)}
    assert found["Vancouver"].country == "CAN"


def test_a_small_town_listed_beside_a_place_is_a_place(parse, gazetteer):
    text = "The chain closed its shops in Groningen, Almelo and Zwolle last spring."
    found = {p.text: p for p in places_of(parse, gazetteer, text)}
    assert found["Almelo"].country == "NLD"


def test_a_town_named_before_its_police_or_mayor_is_a_place(parse, gazetteer):
    text = "The Wagga Wagga police said the Echuca council had been told."
    found = {p.text for p in places_of(parse, gazetteer, text)}
    assert {"Wagga Wagga", "Echuca"} <= found


def test_a_surname_in_a_list_of_people_is_not_taken_for_a_town(parse, gazetteer):
    text = "The award went to Maria Lopez, John Preston and Anna Kirby."
    found = {p.text for p in places_of(parse, gazetteer, text)}
    assert not found & {"Preston", "Kirby", "Lopez"}


def test_a_town_near_another_named_town_is_read_as_that_one(parse, gazetteer):
    # Three places share the name; the one beside the other town the story names wins.
    text = "For the farmers of Edmonton, a short drive from Cairns, the rain came late."
    found = {p.text: p for p in places_of(parse, gazetteer, text)}
    assert found["Edmonton"].country == "AUS" and found["Edmonton"].admin1 == "Queensland"


def test_a_big_city_keeps_its_name_when_nothing_points_elsewhere(parse, gazetteer):
    text = "For the farmers of Edmonton, the rain came late."
    found = {p.text: p for p in places_of(parse, gazetteer, text)}
    assert found["Edmonton"].country == "CAN"


def test_a_province_government_is_the_province_not_its_namesake_city(parse, gazetteer):
    found = {p.text: p for p in places_of(parse, gazetteer,
                                          "The Quebec Finance Minister defended the budget.")}
    assert found["Quebec"].feature == "admin1"


def test_a_name_taken_for_a_place_stays_one_where_the_model_calls_it_a_person(parse, gazetteer):
    text = ("Floods cut the roads in Mackay on Monday. Later Mackay traders counted the cost, "
            "and Mackay shops stayed shut.")
    found = [p for p in places_of(parse, gazetteer, text) if p.text == "Mackay"]
    assert len(found) == 3 and {p.country for p in found} == {"AUS"}


def test_a_surname_of_someone_named_in_full_is_not_repeated_as_a_place(parse, gazetteer):
    text = ("Abe Lincoln flew to Lincoln, Nebraska. Lincoln said the talks went well. "
            "Lincoln later met his aides.")
    assert len([p for p in places_of(parse, gazetteer, text) if p.text == "Lincoln"]) <= 1


def test_a_province_named_again_and_again_stays_the_province(parse, gazetteer):
    text = ("Schools in Quebec reopened on Monday. Quebec has long winters, and parents in "
            "Quebec welcomed the news.")
    found = [p for p in places_of(parse, gazetteer, text) if p.text == "Quebec"]
    assert found and {p.feature for p in found} == {"admin1"}


def test_an_english_county_is_found_in_a_british_story(parse, gazetteer):
    text = "British forecasters said storms flooded roads in Hampshire and Surrey."
    found = {p.text: p for p in places_of(parse, gazetteer, text)}
    assert found["Hampshire"].country == "GBR" and found["Hampshire"].feature == "admin2"
    assert found["Surrey"].country == "GBR"


def test_a_town_followed_by_its_state_is_the_town_in_that_state(parse, gazetteer):
    text = ("The chain has stores in Lexington, Kentucky, and in Richmond, Virginia, "
            "and plans one in Burlington, Vermont.")
    found = {p.text: p for p in places_of(parse, gazetteer, text)}
    assert found["Richmond"].admin1 == "Virginia"
    assert found["Burlington"].admin1 == "Vermont"


def test_a_small_town_the_index_lacks_is_found_by_its_state(parse, gazetteer):
    # Edmonton, Kentucky has under 5,000 people: only GeoNames' smaller towns know it.
    found = {p.text: p for p in places_of(parse, gazetteer,
                                          "A barn burned down in Edmonton, Ky., on Tuesday.")}
    assert found["Edmonton"].country == "USA" and found["Edmonton"].lat == pytest.approx(37.0, abs=0.1)



def test_a_village_the_index_lacks_is_found_in_the_country_the_story_is_about(parse, gazetteer):
    found = {p.text: p for p in places_of(parse, gazetteer, "Greek officials said snow closed "
                                          "roads in Metsovo on Monday, and Greece sent ploughs.")}
    assert found["Metsovo"].country == "GRC" and found["Metsovo"].feature == "city"


def test_a_small_town_of_another_country_is_not_taken_without_that_country(parse, gazetteer):
    found = places_of(parse, gazetteer, "Snow closed roads in Metsovo on Monday, Chilean "
                                        "officials in Santiago said.")
    assert all(p.country != "GRC" for p in found)
