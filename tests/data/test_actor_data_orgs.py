"""The curated organisation and sector-word data files: their entries are well formed, and
the extractor reads organisations and sectors in invented sentences through them."""

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


@pytest.mark.parametrize(("text", "phrase", "org", "country", "sector"), [
    ("KCNA said the test was a success.", "KCNA", "org:kcna", "PRK", "MED"),
    ("The NIS said the soldiers had been captured.", "NIS", "org:nis", "KOR", "INT"),
    ("The RSF shelled the camp.", "RSF", "org:rsf-sudan", "SDN", "REB"),
    ("The IDF struck targets in Gaza.", "IDF", "org:idf", "ISR", "MIL"),
    ("The IRGC seized a tanker.", "IRGC", "org:irgc", "IRN", "MIL"),
    ("The FBI arrested two men in Ohio.", "FBI", "org:fbi", "USA", "POL"),
    ("The CIA declined to comment.", "CIA", "org:cia", "USA", "INT"),
    ("Hamas released three hostages.", "Hamas", "org:hamas", "PSE", "REB"),
    ("The Houthis fired a missile at a ship.", "Houthis", "org:houthis", "YEM", "REB"),
    ("The Taliban banned the broadcasts.", "Taliban", "org:taliban", "AFG", "GOV"),
    ("ISIS claimed the bombing.", "ISIS", "org:isis", None, "REB"),
    ("Al-Qaida claimed the bombing.", "Al-Qaida", "org:al-qaeda", None, "REB"),
    ("The Wagner Group sent fighters to Mali.", "Wagner Group", "org:wagner", "RUS", "MIL"),
    ("The China Coast Guard blocked the boats.", "China Coast Guard", "org:china-coast-guard", "CHN", "MIL"),
    ("Xinhua reported the visit.", "Xinhua", "org:xinhua", "CHN", "MED"),
    ("Georgian Dream won the vote.", "Georgian Dream", "org:georgian-dream", "GEO", "GOV"),
    ("PTI called for protests.", "PTI", "org:pti", "PAK", "OPP"),
    ("The State Duma passed the bill.", "State Duma", "org:state-duma", "RUS", "LEG"),
    ("Huawei denied the claims.", "Huawei", "org:huawei", "CHN", "BUS"),
    ("The Polisario Front attacked a post.", "Polisario Front", "org:polisario", "ESH", "REB"),
])
def test_organisations_are_found_with_their_country_and_sector(resolve, text, phrase, org, country, sector):
    assert [(a.id, a.country, a.sector) for a in resolve(text, phrase)] == [(org, country, sector)]


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


@pytest.mark.parametrize(("text", "phrase", "country", "sector"), [
    # group nouns
    ("Malian troops entered the town.", "troops", "MLI", "MIL"),
    ("Malian soldiers entered the town.", "soldiers", "MLI", "MIL"),
    ("Chadian fighters entered the town.", "fighters", "TCD", "REB"),
    ("Bolivian police cleared the square.", "police", "BOL", "POL"),
    ("Bolivian protesters blocked the roads.", "protesters", "BOL", "CVL"),
    ("Nepali journalists marched to parliament.", "journalists", "NPL", "MED"),
    ("Chilean lawmakers voted against the bill.", "lawmakers", "CHL", "LEG"),
    # modifiers
    ("Ethiopian paramilitary units entered the town.", "units", "ETH", "REB"),
    ("Kenyan riot police fired tear gas.", "police", "KEN", "POL"),
    ("Turkish state media reported the arrests.", "media", "TUR", "MED"),
    ("Vietnamese coast guard vessels chased the boats.", "vessels", "VNM", "MIL"),
    ("Zambian opposition leaders called for a recount.", "leaders", "ZMB", "OPP"),
    # titles give an unknown person a sector
    ("The Brazilian foreign minister met his counterpart.", "minister", "BRA", "GOV"),
    ("Polish Defence Minister Jan Nowicki visited the base.", "Jan Nowicki", "POL", "GOV"),
    ("Peruvian Defense Minister Ana Quispe visited the base.", "Ana Quispe", "PER", "GOV"),
    ("Thai army chief Gen. Somchai Rattanakul met the king.", "Somchai Rattanakul", "THA", "MIL"),
    ("A Croatian prosecutor charged the mayor.", "prosecutor", "HRV", "JUD"),
    # institutions
    ("Egypt's defense ministry denied the report.", "ministry", "EGY", "GOV"),
    ("Brazil's Supreme Court suspended the decree.", "Supreme Court", "BRA", "JUD"),
    ("South Korea's National Intelligence Service said the test failed.", "National Intelligence Service",
     "KOR", "INT"),
    ("Israel's security cabinet approved the plan.", "cabinet", "ISR", "GOV"),
])
def test_group_nouns_modifiers_titles_and_institutions_give_the_sector(resolve, text, phrase, country, sector):
    assert [(a.country, a.sector) for a in resolve(text, phrase)] == [(country, sector)]
