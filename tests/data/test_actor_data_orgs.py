"""Integrity and spot checks for the curated organisation and sector-word data files."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

ACTORS_DIR = Path(__file__).parents[2] / "src/newsevents/data/actors"
ORGS_PATH = ACTORS_DIR / "organisations.yaml"
SECTORS_PATH = ACTORS_DIR / "sectors.yaml"

SECTORS = {"GOV", "MIL", "MED", "INT", "OPP", "CVL", "BUS", "NGO", "IGO", "REB", "JUD", "LEG", "POL"}
EXTRA_CODES = {"IGO", "XKX", "PSE", "TWN", "ESH"}
ORG_KEYS = {"id", "name", "aliases", "acronyms", "country", "sector"}
ORG_OPTIONAL = {"wikidata", "weak"}
SECTION_KEYS = ("group_nouns", "modifiers", "titles", "institutions")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate mapping keys (plain safe_load keeps the last)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)


def _strip_the(text: str) -> str:
    text = text.strip()
    return text[4:] if text.lower().startswith("the ") else text


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v and v.strip() == v for v in value)


@pytest.fixture(scope="module")
def orgs() -> list[dict]:
    data = _load(ORGS_PATH)
    assert isinstance(data, list) and data
    return data


@pytest.fixture(scope="module")
def by_id(orgs: list[dict]) -> dict[str, dict]:
    return {entry["id"]: entry for entry in orgs}


@pytest.fixture(scope="module")
def sectors() -> dict:
    data = _load(SECTORS_PATH)
    assert isinstance(data, dict)
    return data


# --- organisations.yaml -------------------------------------------------------


def test_org_entries_have_required_keys(orgs: list[dict]) -> None:
    for entry in orgs:
        keys = set(entry)
        assert ORG_KEYS <= keys, (entry.get("id"), ORG_KEYS - keys)
        assert keys <= ORG_KEYS | ORG_OPTIONAL, (entry["id"], keys - ORG_KEYS - ORG_OPTIONAL)
        assert entry["id"].startswith("org:"), entry["id"]
        assert isinstance(entry["name"], str) and entry["name"].strip() == entry["name"] and entry["name"]
        assert _is_str_list(entry["aliases"]), entry["id"]
        assert _is_str_list(entry["acronyms"]), entry["id"]
        if "wikidata" in entry:
            assert QID_RE.match(entry["wikidata"]), entry["id"]


def test_org_ids_unique_and_enough(orgs: list[dict]) -> None:
    ids = [entry["id"] for entry in orgs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len(ids) >= 250


def test_org_countries_valid(orgs: list[dict]) -> None:
    iso = {c.alpha_3 for c in pycountry.countries}
    for entry in orgs:
        country = entry["country"]
        assert country is None or country in iso | EXTRA_CODES, (entry["id"], country)


def test_org_sectors_valid(orgs: list[dict]) -> None:
    for entry in orgs:
        assert entry["sector"] is None or entry["sector"] in SECTORS, (entry["id"], entry["sector"])


def test_org_acronyms_are_upper_case(orgs: list[dict]) -> None:
    for entry in orgs:
        for acronym in entry["acronyms"]:
            assert acronym.upper() == acronym, (entry["id"], acronym)


def test_org_weak_forms_are_aliases(orgs: list[dict]) -> None:
    for entry in orgs:
        for weak in entry.get("weak", []):
            assert weak in entry["aliases"], (entry["id"], weak)


def test_no_alias_under_two_orgs(orgs: list[dict]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in orgs:
        for form in [entry["name"], *entry["aliases"]]:
            owners[_strip_the(form)].add(entry["id"])
    shared = {form: sorted(ids) for form, ids in owners.items() if len(ids) > 1}
    assert not shared, shared


def test_no_bare_x_platform(orgs: list[dict]) -> None:
    for entry in orgs:
        forms = [entry["name"], *entry["aliases"], *entry["acronyms"]]
        assert "X" not in forms, entry["id"]


def test_org_wikidata_unique(orgs: list[dict]) -> None:
    qids = [e["wikidata"] for e in orgs if "wikidata" in e]
    assert len(qids) == len(set(qids))


@pytest.mark.parametrize(
    ("org_id", "form", "country", "sector"),
    [
        ("org:kcna", "KCNA", "PRK", "MED"),
        ("org:nis", "NIS", "KOR", "INT"),
        ("org:rsf-sudan", "RSF", "SDN", "REB"),
        ("org:idf", "IDF", "ISR", "MIL"),
        ("org:irgc", "IRGC", "IRN", "MIL"),
        ("org:fbi", "FBI", "USA", "POL"),
        ("org:cia", "CIA", "USA", "INT"),
        ("org:hezbollah", "Hezbollah", "LBN", "REB"),
        ("org:hamas", "Hamas", "PSE", "REB"),
        ("org:houthis", "Houthis", "YEM", "REB"),
        ("org:taliban", "Taliban", "AFG", "GOV"),
        ("org:isis", "ISIS", None, "REB"),
        ("org:al-qaeda", "al-Qaida", None, "REB"),
        ("org:wagner", "Wagner Group", "RUS", "MIL"),
        ("org:china-coast-guard", "China Coast Guard", "CHN", "MIL"),
        ("org:tass", "TASS", "RUS", "MED"),
        ("org:xinhua", "Xinhua", "CHN", "MED"),
        ("org:georgian-dream", "Georgian Dream", "GEO", "GOV"),
        ("org:pti", "PTI", "PAK", "OPP"),
        ("org:state-duma", "State Duma", "RUS", "LEG"),
        ("org:huawei", "Huawei", "CHN", "BUS"),
        ("org:polisario", "Polisario Front", "ESH", "REB"),
    ],
)
def test_org_spot_checks(by_id: dict[str, dict], org_id: str, form: str, country: str | None, sector: str) -> None:
    entry = by_id[org_id]
    assert form in [entry["name"], *entry["aliases"], *entry["acronyms"]]
    assert entry["country"] == country
    assert entry["sector"] == sector


# --- sectors.yaml -----------------------------------------------------------------


def test_sector_sections_present_and_large(sectors: dict) -> None:
    assert set(sectors) == set(SECTION_KEYS)
    minimum = {"group_nouns": 80, "modifiers": 40, "titles": 120, "institutions": 60}
    for section, size in minimum.items():
        assert isinstance(sectors[section], dict)
        assert len(sectors[section]) >= size, section


def test_sector_values_valid_and_keys_lower_case(sectors: dict) -> None:
    for section in SECTION_KEYS:
        for key, value in sectors[section].items():
            assert isinstance(key, str) and key == key.lower() and key.strip() == key and key, (section, key)
            assert value in SECTORS, (section, key, value)


@pytest.mark.parametrize(
    ("section", "key", "sector"),
    [
        ("group_nouns", "troops", "MIL"),
        ("group_nouns", "soldiers", "MIL"),
        ("group_nouns", "fighters", "REB"),
        ("group_nouns", "police", "POL"),
        ("group_nouns", "protesters", "CVL"),
        ("group_nouns", "journalists", "MED"),
        ("group_nouns", "lawmakers", "LEG"),
        ("modifiers", "paramilitary", "REB"),
        ("modifiers", "riot police", "POL"),
        ("modifiers", "state media", "MED"),
        ("modifiers", "coast guard", "MIL"),
        ("modifiers", "opposition", "OPP"),
        ("titles", "riot police", "POL"),
        ("titles", "foreign minister", "GOV"),
        ("titles", "defence minister", "GOV"),
        ("titles", "defense minister", "GOV"),
        ("titles", "gen.", "MIL"),
        ("titles", "army chief", "MIL"),
        ("titles", "prosecutor", "JUD"),
        ("institutions", "defense ministry", "GOV"),
        ("institutions", "joint chiefs of staff", "MIL"),
        ("institutions", "supreme court", "JUD"),
        ("institutions", "national intelligence service", "INT"),
        ("institutions", "security cabinet", "GOV"),
    ],
)
def test_sector_spot_checks(sectors: dict, section: str, key: str, sector: str) -> None:
    assert sectors[section][key] == sector
