"""Sanity checks for the curated people list (src/newsevents/data/actors/people.yaml)."""
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


def _by_id() -> dict[str, dict]:
    return {p["id"]: p for p in _load()}


def _roles_on(person: dict, day: dt.date) -> list[dict]:
    out = []
    for role in person["roles"]:
        start = _date(role["start"])
        end = _date(role["end"]) if role.get("end") is not None else None
        if start <= day and (end is None or day < end):
            out.append(role)
    return out


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


# --- spot checks of facts -------------------------------------------------


def test_shoigu_roles():
    shoigu = _by_id()["person:sergei-shoigu"]
    assert shoigu["country"] == "RUS"
    before = _roles_on(shoigu, dt.date(2023, 6, 1))
    assert [r["title"] for r in before] == ["Minister of Defence"]
    assert before[0]["sector"] == "GOV"
    after = _roles_on(shoigu, dt.date(2024, 6, 1))
    assert [r["title"] for r in after] == ["Secretary of the Security Council"]


def test_kim_jong_un():
    kim = _by_id()["person:kim-jong-un"]
    assert kim["country"] == "PRK"
    assert kim["surname"] == "Kim"
    assert all(r["sector"] == "GOV" for r in _roles_on(kim, dt.date(2025, 1, 1)))
    assert _roles_on(kim, dt.date(2025, 1, 1))


def test_lavrov():
    lavrov = _by_id()["person:sergei-lavrov"]
    assert lavrov["country"] == "RUS"
    roles = _roles_on(lavrov, dt.date(2022, 3, 1))
    assert roles and roles[0]["sector"] == "GOV" and "Foreign" in roles[0]["title"]


@pytest.mark.parametrize(
    ("pid", "day", "title_part"),
    [
        ("person:donald-trump", dt.date(2023, 1, 1), None),
        ("person:joe-biden", dt.date(2023, 1, 1), "President"),
        ("person:donald-trump", dt.date(2025, 6, 1), "President"),
        ("person:marco-rubio", dt.date(2025, 3, 1), "Secretary of State"),
        ("person:pete-hegseth", dt.date(2025, 3, 1), "Secretary of Defense"),
        ("person:keir-starmer", dt.date(2024, 8, 1), "Prime Minister"),
        ("person:david-lammy", dt.date(2025, 1, 1), "Foreign Secretary"),
        ("person:yvette-cooper", dt.date(2025, 10, 1), "Foreign Secretary"),
        ("person:friedrich-merz", dt.date(2025, 6, 1), "Chancellor"),
        ("person:mark-carney", dt.date(2025, 4, 1), "Prime Minister"),
        ("person:lee-jae-myung", dt.date(2025, 7, 1), "President"),
        ("person:mark-rutte", dt.date(2024, 11, 1), "NATO"),
        ("person:jens-stoltenberg", dt.date(2023, 1, 1), "NATO"),
        ("person:kaja-kallas", dt.date(2025, 1, 1), "High Representative"),
        ("person:josep-borrell", dt.date(2023, 1, 1), "High Representative"),
        ("person:ahmed-al-sharaa", dt.date(2025, 6, 1), "President"),
        ("person:bashar-al-assad", dt.date(2020, 1, 1), "President"),
    ],
)
def test_role_on_date(pid, day, title_part):
    roles = _roles_on(_by_id()[pid], day)
    if title_part is None:
        assert roles == []
    else:
        assert any(title_part in r["title"] for r in roles), roles


def test_sector_spot_checks():
    people = _by_id()
    assert _roles_on(people["person:mohamed-hamdan-dagalo"], dt.date(2024, 1, 1))[0]["sector"] == "REB"
    assert _roles_on(people["person:abdel-fattah-al-burhan"], dt.date(2024, 1, 1))[0]["sector"] == "MIL"
    assert people["person:antonio-guterres"]["country"] == "IGO"
    assert _roles_on(people["person:hibatullah-akhundzada"], dt.date(2020, 1, 1))[0]["sector"] == "REB"
    assert _roles_on(people["person:hibatullah-akhundzada"], dt.date(2022, 1, 1))[0]["sector"] == "GOV"
    assert _roles_on(people["person:tulsi-gabbard"], dt.date(2025, 6, 1))[0]["sector"] == "INT"
