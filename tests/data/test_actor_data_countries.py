"""The curated country and IGO actor data files: their entries are well formed, and the
extractor reads countries and bodies in invented sentences through them."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

ACTORS_DIR = Path(__file__).parents[2] / "src/newsevents/data/actors"
COUNTRIES_PATH = ACTORS_DIR / "countries.yaml"
IGOS_PATH = ACTORS_DIR / "igos.yaml"

EXTRA_CODES = {"XKX", "PSE", "TWN"}
COUNTRY_KEYS = {"code", "name", "aliases", "demonyms", "capital", "seats"}
COUNTRY_OPTIONAL = {"military_seats", "wikidata", "weak"}
IGO_KEYS = {"id", "name", "aliases", "acronyms", "country", "sector"}
IGO_OPTIONAL = {"wikidata", "weak"}
QID_RE = re.compile(r"^Q[1-9][0-9]*$")


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    data = yaml.safe_load(COUNTRIES_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    return data


@pytest.fixture(scope="module")
def igos() -> list[dict]:
    data = yaml.safe_load(IGOS_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    return data


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() == v and v for v in value)


def _country_surface_forms(entry: dict) -> list[str]:
    forms = [entry["name"], *entry["aliases"], *entry["demonyms"], *entry["seats"]]
    forms += entry.get("military_seats", [])
    if entry["capital"]:
        forms.append(entry["capital"])
    return forms


def _igo_surface_forms(entry: dict) -> list[str]:
    return [entry["name"], *entry["aliases"]]


# --- countries.yaml ---------------------------------------------------------


def test_country_entries_have_required_keys(countries: list[dict]) -> None:
    for entry in countries:
        keys = set(entry)
        assert COUNTRY_KEYS <= keys, (entry.get("code"), COUNTRY_KEYS - keys)
        assert keys <= COUNTRY_KEYS | COUNTRY_OPTIONAL, (entry["code"], keys - COUNTRY_KEYS - COUNTRY_OPTIONAL)
        assert isinstance(entry["name"], str) and entry["name"]
        assert entry["capital"] is None or isinstance(entry["capital"], str)
        for key in ("aliases", "demonyms", "seats", "military_seats", "weak"):
            if key in entry:
                assert _is_str_list(entry[key]), (entry["code"], key)
        if "wikidata" in entry:
            assert QID_RE.match(entry["wikidata"]), entry["code"]


def test_country_codes_valid_unique_and_complete(countries: list[dict]) -> None:
    codes = [entry["code"] for entry in countries]
    assert len(codes) == len(set(codes)), "duplicate country codes"
    iso = {c.alpha_3 for c in pycountry.countries}
    assert set(codes) <= iso | EXTRA_CODES
    assert iso <= set(codes), f"missing ISO countries: {sorted(iso - set(codes))}"
    assert EXTRA_CODES <= set(codes)


def test_country_names_are_common_forms(countries: list[dict]) -> None:
    for entry in countries:
        # No ISO "Korea, Republic of"-style inverted names as canonical names.
        assert ", " not in entry["name"] or entry["code"] == "SHN", entry["name"]


def test_seats_have_no_leading_article(countries: list[dict]) -> None:
    for entry in countries:
        for seat in entry["seats"] + entry.get("military_seats", []):
            assert not seat.lower().startswith("the "), (entry["code"], seat)


def test_country_wikidata_unique(countries: list[dict]) -> None:
    qids = [e["wikidata"] for e in countries if "wikidata" in e]
    assert len(qids) == len(set(qids))


def test_weak_forms_are_surface_forms(countries: list[dict], igos: list[dict]) -> None:
    for entry in countries:
        for weak in entry.get("weak", []):
            assert weak in _country_surface_forms(entry), (entry["code"], weak)
    for entry in igos:
        for weak in entry.get("weak", []):
            assert weak in entry["aliases"], (entry["id"], weak)


# --- igos.yaml ----------------------------------------------------------------


def test_igo_entries_have_required_keys(igos: list[dict]) -> None:
    for entry in igos:
        keys = set(entry)
        assert IGO_KEYS <= keys, (entry.get("id"), IGO_KEYS - keys)
        assert keys <= IGO_KEYS | IGO_OPTIONAL, (entry["id"], keys - IGO_KEYS - IGO_OPTIONAL)
        assert _is_str_list(entry["aliases"]), entry["id"]
        assert _is_str_list(entry["acronyms"]), entry["id"]
        if "wikidata" in entry:
            assert QID_RE.match(entry["wikidata"]), entry["id"]
        if entry["sector"] == "NGO":
            assert entry["id"].startswith("ngo:")
            assert entry["country"] is None
        else:
            assert entry["id"].startswith("igo:")
            assert entry["country"] == "IGO"
            assert entry["sector"] in {"IGO", "JUD"}


def test_igo_ids_unique_and_enough(igos: list[dict]) -> None:
    ids = [entry["id"] for entry in igos]
    assert len(ids) == len(set(ids))
    assert sum(1 for e in igos if e["sector"] != "NGO") >= 80


def test_acronyms_are_uppercase_aliases(igos: list[dict]) -> None:
    for entry in igos:
        for acronym in entry["acronyms"]:
            assert acronym == acronym.upper(), (entry["id"], acronym)
            assert acronym in entry["aliases"] or acronym == entry["name"], (entry["id"], acronym)


# --- cross-entry collisions ------------------------------------------------------


def test_no_unmarked_surface_form_collisions(countries: list[dict], igos: list[dict]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    weak: dict[str, set[str]] = defaultdict(set)
    for entry in countries:
        for form in _country_surface_forms(entry):
            owners[form].add(entry["code"])
        for form in entry.get("weak", []):
            weak[form].add(entry["code"])
    for entry in igos:
        for form in _igo_surface_forms(entry):
            owners[form].add(entry["id"])
        for form in entry.get("weak", []):
            weak[form].add(entry["id"])
    for form, who in owners.items():
        if len(who) > 1:
            strong = who - weak[form]
            assert len(strong) <= 1, f"{form!r} is claimed by {sorted(who)}; mark all but one as weak"


# --- what the data lets the extractor read ----------------------------------------


@pytest.mark.parametrize(("text", "phrase", "country", "sector"), [
    ("The U.K. recalled its envoy from Tehran.", "U.K.", "GBR", "GOV"),
    ("America imposed new tariffs on steel.", "America", "USA", "GOV"),
    ("The Pentagon ordered more jets to the Gulf.", "Pentagon", "USA", "MIL"),
    ("Astana hosted the talks on Friday.", "Astana", "KAZ", "GOV"),
    ("Kinshasa recalled its ambassador.", "Kinshasa", "COD", "GOV"),
    ("Brazzaville recalled its ambassador.", "Brazzaville", "COG", "GOV"),
    ("Congolese soldiers retook the town of Walikale.", "soldiers", "COD", "MIL"),
    ("Kosovo closed two border crossings.", "Kosovo", "XKX", "GOV"),
    ("Taiwan scrambled jets over the strait.", "Taiwan", "TWN", "GOV"),
    ("South Korean workers went on strike.", "workers", "KOR", "CVL"),
])
def test_names_seats_capitals_and_demonyms_stand_for_their_country(resolve, text, phrase, country, sector):
    assert [(a.country, a.sector) for a in resolve(text, phrase)] == [(country, sector)]


def test_korean_alone_names_neither_korea(resolve):
    assert [a.country for a in resolve("Korean workers went on strike at the shipyard.", "workers")] == [None]


def test_the_hague_is_not_the_dutch_government_though_its_capital_is(resolve):
    assert not resolve("The Hague rejected the appeal.", "Hague")
    assert [(a.country, a.sector) for a in resolve("Amsterdam rejected the appeal.", "Amsterdam")] == \
        [("NLD", "GOV")]


def test_a_resolved_country_carries_its_wikidata_id(resolve):
    assert [a.wikidata for a in resolve("North Korea tested a new rocket engine.", "North Korea")] == ["Q423"]
    assert [a.wikidata for a in resolve("America imposed new tariffs on steel.", "America")] == ["Q30"]


@pytest.mark.parametrize(("text", "phrase", "body", "sector"), [
    ("The UNSC extended the mission by a year.", "UNSC", "igo:un-security-council", "IGO"),
    ("The Security Council extended the mission by a year.", "Security Council",
     "igo:un-security-council", "IGO"),
    ("The U.N. refugee agency opened a new camp.", "agency", "igo:unhcr", "IGO"),
    ("The UN refugee agency opened a new camp.", "agency", "igo:unhcr", "IGO"),
    ("The U.N. human rights office criticised the verdict.", "office", "igo:ohchr", "IGO"),
    ("The UN nuclear watchdog sent inspectors.", "watchdog", "igo:iaea", "IGO"),
    ("The ICC issued an arrest warrant.", "ICC", "igo:icc", "JUD"),
    ("The ICJ ordered a halt to the fighting.", "ICJ", "igo:icj", "JUD"),
    ("The ECHR ruled against the ban.", "ECHR", "igo:echr", "JUD"),
    ("ECOWAS suspended the junta.", "ECOWAS", "igo:ecowas", "IGO"),
    ("The African Union suspended the junta.", "African Union", "igo:au", "IGO"),
    ("The ASEAN summit opened.", "ASEAN", "igo:asean", "IGO"),
    ("BRICS leaders met in Kazan.", "BRICS", "igo:brics", "IGO"),
    ("The Alliance of Sahel States met in Bamako.", "Alliance of Sahel States", "igo:aes", "IGO"),
    ("The G7 pledged new loans.", "G7", "igo:g7", "IGO"),
    ("The G20 met in Rio.", "G20", "igo:g20", "IGO"),
])
def test_intergovernmental_bodies_are_found_by_name_acronym_and_news_description(
        resolve, text, phrase, body, sector):
    assert [(a.id, a.country, a.sector) for a in resolve(text, phrase)] == [(body, "IGO", sector)]


def test_the_red_cross_is_an_ngo_of_no_country(resolve):
    assert [(a.country, a.sector) for a in resolve("The ICRC delivered medicine to the city.", "ICRC")] == \
        [(None, "NGO")]
