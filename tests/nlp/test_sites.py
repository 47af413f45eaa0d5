"""Local sites: streets, buildings and neighbourhoods placed in the town the text puts them in."""
from datetime import date

import pytest

from newsevents.nlp.gazetteer import load_gazetteer
from newsevents.nlp.place import find_places
from newsevents.pipeline import register_doc_attributes
from newsevents.records import Article


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def places(nlp, gazetteer):
    register_doc_attributes()

    def run(text):
        doc = nlp(text)
        doc._.article = Article(text=text, published=date(2025, 7, 13))
        return {p.text: p for p in find_places(doc, gazetteer)}
    return run


def test_a_street_named_with_its_town_is_placed_in_that_town(places):
    found = places("The fire broke out at 410 West Maple Street in Wichita on Sunday.")
    street = next(p for p in found.values() if p.feature == "site")
    assert street.text.endswith("Maple Street") and street.country == "USA"
    assert street.lat == pytest.approx(found["Wichita"].lat)


def test_a_neighbourhood_of_a_town_and_a_towns_building(places):
    found = places("Shots were fired in the Fairmount Heights neighborhood of Pittsburgh, near "
                   "Pittsburgh's Carnegie Arena.")
    assert found["Fairmount Heights"].lat == pytest.approx(found["Pittsburgh"].lat)
    assert found["Carnegie Arena"].feature == "site"


def test_a_site_named_again_is_the_same_site(places):
    found = places("Fans gathered at Oakfield Stadium, Leeds. Police later cleared Oakfield "
                   "Stadium.")
    sites = [p for p in found.values() if p.feature == "site"]
    assert sites and {p.country for p in sites} == {"GBR"}


def test_a_town_name_inside_a_longer_name_gives_way_to_it(places):
    found = places("Crews came from Lower Hornby Newington, London, to help.")
    assert "Newington" not in found


def test_a_site_the_text_puts_nowhere_is_left_out(places):
    assert not [p for p in places("The band played at Riverside Arena last night.").values()
                if p.feature == "site"]
