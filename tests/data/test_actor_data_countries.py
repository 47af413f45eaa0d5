"""Integrity and spot checks for the curated country and IGO actor data files."""

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


@pytest.fixture(scope="module")
def by_code(countries: list[dict]) -> dict[str, dict]:
    return {entry["code"]: entry for entry in countries}


@pytest.fixture(scope="module")
def by_id(igos: list[dict]) -> dict[str, dict]:
    return {entry["id"]: entry for entry in igos}


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


# --- spot checks of facts ------------------------------------------------------


def test_country_spot_checks(by_code: dict[str, dict]) -> None:
    assert "DPRK" in by_code["PRK"]["aliases"]
    assert by_code["PRK"]["name"] == "North Korea"
    assert by_code["PRK"]["capital"] == "Pyongyang"
    assert "Kremlin" in by_code["RUS"]["seats"]
    assert by_code["RUS"]["capital"] == "Moscow"
    assert "U.K." in by_code["GBR"]["aliases"]
    assert "Downing Street" in by_code["GBR"]["seats"]
    assert "South Korean" in by_code["KOR"]["demonyms"]
    assert "Pentagon" in by_code["USA"]["military_seats"]
    assert "White House" in by_code["USA"]["seats"]
    assert {"U.S.", "US", "USA", "America"} <= set(by_code["USA"]["aliases"])
    assert "Congolese" in by_code["COD"]["demonyms"]
    assert "Congolese" not in by_code["COG"]["demonyms"]
    assert "Georgian" in by_code["GEO"]["demonyms"]
    assert by_code["KAZ"]["capital"] == "Astana"
    assert by_code["UKR"]["capital"] == "Kyiv"
    assert "The Hague" not in by_code["NLD"]["seats"]
    assert by_code["XKX"]["name"] == "Kosovo"
    assert by_code["TWN"]["name"] == "Taiwan"
    assert by_code["PRK"]["wikidata"] == "Q423"
    assert by_code["USA"]["wikidata"] == "Q30"


def test_korean_alone_is_not_a_demonym(countries: list[dict]) -> None:
    for entry in countries:
        assert "Korean" not in entry["demonyms"]


def test_igo_spot_checks(by_id: dict[str, dict]) -> None:
    assert by_id["igo:nato"]["name"] == "NATO"
    unsc = by_id["igo:un-security-council"]
    assert "UNSC" in unsc["acronyms"]
    assert "Security Council" in unsc["weak"]
    assert "UN refugee agency" in by_id["igo:unhcr"]["aliases"]
    assert "U.N. refugee agency" in by_id["igo:unhcr"]["aliases"]
    assert "U.N. human rights office" in by_id["igo:ohchr"]["aliases"]
    assert "UN nuclear watchdog" in by_id["igo:iaea"]["aliases"]
    assert by_id["igo:icc"]["sector"] == "JUD"
    assert by_id["igo:icj"]["sector"] == "JUD"
    assert by_id["igo:echr"]["sector"] == "JUD"
    assert by_id["ngo:icrc"]["sector"] == "NGO"
    assert by_id["ngo:icrc"]["country"] is None
    for required in ("igo:eu", "igo:au", "igo:ecowas", "igo:asean", "igo:brics", "igo:aes", "igo:g7", "igo:g20"):
        assert required in by_id
