"""The curated people list (src/newsevents/data/actors/people.yaml): its entries are well
formed, and the extractor reads people in invented sentences with their role of the day."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import pycountry
import pytest
import yaml

PEOPLE_PATH = Path(__file__).parents[2] / "src/newsevents/data/actors/people.yaml"

SECTORS = {"GOV", "MIL", "INT", "LEG", "JUD", "OPP", "REB", "IGO", "MED", "CVL", "BUS", "NGO", "POL"}
EXTRA_COUNTRIES = {"IGO", "XKX", "PSE", "TWN"}


@lru_cache(maxsize=1)
def _load() -> list[dict]:
    with PEOPLE_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    raise AssertionError(f"not a date: {value!r}")


def _valid_country(code) -> bool:
    if code in EXTRA_COUNTRIES:
        return True
    return isinstance(code, str) and len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def test_valid_yaml_list():
    data = _load()
    assert isinstance(data, list)
    assert len(data) >= 400
    assert all(isinstance(p, dict) for p in data)


def test_ids_unique_and_well_formed():
    ids = [p.get("id") for p in _load()]
    assert all(isinstance(i, str) and re.fullmatch(r"person:[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), [
        i for i in ids if not (isinstance(i, str) and re.fullmatch(r"person:[a-z0-9]+(-[a-z0-9]+)*", i))
    ]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes, dupes


def test_entries_have_required_fields():
    problems = []
    for p in _load():
        pid = p.get("id")
        if not isinstance(p.get("name"), str) or not p["name"].strip():
            problems.append((pid, "name"))
        if not _valid_country(p.get("country")):
            problems.append((pid, f"country {p.get('country')!r}"))
        if not isinstance(p.get("roles"), list) or not p["roles"]:
            problems.append((pid, "roles"))
        for key in ("aliases", "short"):
            if key in p and not (p[key] is None or (isinstance(p[key], list) and all(isinstance(x, str) for x in p[key]))):
                problems.append((pid, key))
        if p.get("surname") is not None and not isinstance(p["surname"], str):
            problems.append((pid, "surname"))
        if "wikidata" in p and not re.fullmatch(r"Q\d+", str(p["wikidata"])):
            problems.append((pid, "wikidata"))
    assert not problems, problems


def test_roles_are_valid():
    problems = []
    for p in _load():
        for role in p.get("roles") or []:
            pid = p.get("id")
            if not isinstance(role.get("title"), str) or not role["title"].strip():
                problems.append((pid, "title", role))
            if role.get("sector") not in SECTORS:
                problems.append((pid, "sector", role))
            if "country" in role and not _valid_country(role["country"]):
                problems.append((pid, "role country", role))
            try:
                start = _date(role.get("start"))
            except AssertionError:
                problems.append((pid, "start", role))
                continue
            if role.get("end") is not None:
                try:
                    end = _date(role["end"])
                except AssertionError:
                    problems.append((pid, "end", role))
                    continue
                if end < start:
                    problems.append((pid, "end<start", role))
    assert not problems, problems


def test_no_full_name_under_two_ids():
    seen: dict[str, str] = {}
    clashes = []
    for p in _load():
        names = {_norm(p["name"])} | {_norm(a) for a in (p.get("aliases") or [])}
        for n in names:
            if n in seen and seen[n] != p["id"]:
                clashes.append((n, seen[n], p["id"]))
            seen[n] = p["id"]
    assert not clashes, clashes


def test_aliases_are_not_bare_surnames():
    bad = [(p["id"], a) for p in _load() for a in (p.get("aliases") or []) if len(a.split()) < 2]
    assert not bad, bad


# --- what the data lets the extractor read --------------------------------------


@pytest.mark.parametrize(("name", "day", "country", "sector", "role_part"), [
    ("Sergei Shoigu", dt.date(2023, 6, 1), "RUS", "GOV", "Minister of Defence"),
    ("Sergei Shoigu", dt.date(2024, 6, 1), "RUS", "GOV", "Security Council"),
    ("Sergei Lavrov", dt.date(2022, 3, 1), "RUS", "GOV", "Foreign"),
    ("Kim Jong Un", dt.date(2025, 1, 1), "PRK", "GOV", "Leader"),
    ("Joe Biden", dt.date(2023, 1, 1), "USA", "GOV", "President"),
    ("Donald Trump", dt.date(2025, 6, 1), "USA", "GOV", "President"),
    ("Marco Rubio", dt.date(2025, 3, 1), "USA", "GOV", "Secretary of State"),
    ("Pete Hegseth", dt.date(2025, 3, 1), "USA", "GOV", "Secretary of Defense"),
    ("Tulsi Gabbard", dt.date(2025, 6, 1), "USA", "INT", "National Intelligence"),
    ("Keir Starmer", dt.date(2024, 8, 1), "GBR", "GOV", "Prime Minister"),
    ("David Lammy", dt.date(2025, 1, 1), "GBR", "GOV", "Foreign Secretary"),
    ("Yvette Cooper", dt.date(2025, 10, 1), "GBR", "GOV", "Foreign Secretary"),
    ("Friedrich Merz", dt.date(2025, 6, 1), "DEU", "GOV", "Chancellor"),
    ("Mark Carney", dt.date(2025, 4, 1), "CAN", "GOV", "Prime Minister"),
    ("Lee Jae-myung", dt.date(2025, 7, 1), "KOR", "GOV", "President"),
    ("Mark Rutte", dt.date(2024, 11, 1), "IGO", "IGO", "NATO"),
    ("Jens Stoltenberg", dt.date(2023, 1, 1), "IGO", "IGO", "NATO"),
    ("Kaja Kallas", dt.date(2025, 1, 1), "IGO", "IGO", "High Representative"),
    ("Josep Borrell", dt.date(2023, 1, 1), "IGO", "IGO", "High Representative"),
    ("Ahmed al-Sharaa", dt.date(2025, 6, 1), "SYR", "GOV", "President"),
    ("Bashar al-Assad", dt.date(2020, 1, 1), "SYR", "GOV", "President"),
    ("Antonio Guterres", dt.date(2025, 1, 1), "IGO", "IGO", "Secretary-General"),
    ("Mohamed Hamdan Dagalo", dt.date(2024, 1, 1), "SDN", "REB", "Rapid Support Forces"),
    ("Abdel Fattah al-Burhan", dt.date(2024, 1, 1), "SDN", "MIL", "Armed Forces"),
    ("Hibatullah Akhundzada", dt.date(2020, 1, 1), "AFG", "REB", "Taliban"),
    ("Hibatullah Akhundzada", dt.date(2022, 1, 1), "AFG", "GOV", "Afghanistan"),
])
def test_a_person_is_read_with_the_role_held_on_the_articles_date(resolve, name, day, country, sector,
                                                                   role_part):
    [actor] = resolve(f"{name} spoke to reporters at the airport.", name, published=day)
    assert (actor.country, actor.sector) == (country, sector)
    assert role_part in actor.role


def test_a_leaders_surname_alone_refers_back_to_him(resolve):
    text = "Kim Jong Un inspected a tractor factory. Kim said output must rise."
    assert [(a.id, a.country) for a in resolve(text, "Kim", occurrence=1)] == [("person:kim-jong-un", "PRK")]
