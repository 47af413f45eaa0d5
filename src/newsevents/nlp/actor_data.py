"""The curated actor data under newsevents/data/actors, loaded once into an index.

Every surface form (name, alias, acronym, demonym, capital, seat, surname) maps
to one or more `Entry` records; `ActorIndex.lookup` returns them all so that
the resolver can choose with the article's context and date.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ..data_files import data_file, read_yaml
from ..errors import DataError
from ..records import Actor

# How an entry is named in text decides what it stands for.
# English words that are also someone's surname: as a surname alone they are never matched.
FUNCTION_WORDS = {"he", "she", "it", "we", "they", "you", "i", "his", "her", "its", "our", "their",
                  "him", "them", "us", "me", "a", "an", "the", "on", "in", "at", "to", "of", "by",
                  "as", "or", "and", "so", "do", "no", "yes", "will", "can", "may", "shall", "but",
                  "if", "up", "over"}
NAME, ALIAS, ACRONYM, DEMONYM, CAPITAL, SEAT, MILITARY_SEAT, SURNAME, WEAK = (
    "name", "alias", "acronym", "demonym", "capital", "seat", "military_seat", "surname", "weak")


@dataclass(frozen=True)
class Role:
    title: str
    sector: str | None
    start: date | None
    end: date | None
    country: str | None = None      # where a role is not the person's own country's (an IGO post)

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str                      # country | igo | person | org
    name: str
    country: str | None
    sector: str | None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()

    def role_on(self, day: date | None) -> Role | None:
        for role in self.roles:
            if role.holds_on(day):
                return role
        if not self.roles:
            return None
        # Out of office on that day: the nearest role still tells country and sector.
        if day is None:
            return self.roles[-1]
        return min(self.roles, key=lambda r: abs(((r.end or r.start or day) - day).days))

    def actor(self, day: date | None = None, sector: str | None = None) -> Actor:
        role = self.role_on(day) if self.roles else None
        return Actor(name=self.name, country=(role.country if role and role.country else self.country),
                     sector=sector or (role.sector if role else self.sector),
                     id=self.id, wikidata=self.wikidata, role=role.title if role else None)


@dataclass(frozen=True)
class Surface:
    entry: Entry
    how: str                       # one of NAME, ALIAS, ... above


@dataclass
class ActorIndex:
    surfaces: dict[str, list[Surface]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, Entry] = field(default_factory=dict)
    group_nouns: dict[str, str] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    institutions: dict[str, str] = field(default_factory=dict)

    def add(self, text: str | None, entry: Entry, how: str) -> None:
        if not text:
            return
        text = text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if not text:
            return
        variants = [text]
        if text[0].islower():
            # "al-Sharaa" starts a sentence as "Al-Sharaa".
            variants.append(text[0].upper() + text[1:])
        for variant in variants:
            surfaces = self.surfaces[variant]
            if not any(s.entry.id == entry.id and s.how == how for s in surfaces):
                surfaces.append(Surface(entry, how))

    def lookup(self, text: str) -> list[Surface]:
        return self.surfaces.get(text, [])

    def country(self, code: str | None) -> Entry | None:
        return self.countries.get(code or "")


def _as_date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as e:
        raise DataError(f"{where}: not an ISO date: {value!r}") from e


def _plural_forms(word: str) -> list[str]:
    return [word]


@lru_cache(maxsize=1)
def load_index() -> ActorIndex:
    index = ActorIndex()
    for row in read_yaml("actors", "countries.yaml") or []:
        entry = Entry(id=f"country:{row['code']}", kind="country", name=row["name"],
                      country=row["code"], sector="GOV", wikidata=row.get("wikidata"))
        index.countries[row["code"]] = entry
        index.add(row["name"], entry, NAME)
        for alias in row.get("aliases") or []:
            index.add(alias, entry, ALIAS)
        for demonym in row.get("demonyms") or []:
            index.add(demonym, entry, DEMONYM)
        index.add(row.get("capital"), entry, CAPITAL)
        for seat in row.get("seats") or []:
            index.add(seat, entry, SEAT)
        for seat in row.get("military_seats") or []:
            index.add(seat, entry, MILITARY_SEAT)
    for filename, kind in (("igos.yaml", "igo"), ("organisations.yaml", "org")):
        for row in read_yaml("actors", filename) or []:
            entry = Entry(id=row["id"], kind=kind, name=row["name"], country=row.get("country"),
                          sector=row.get("sector"), wikidata=row.get("wikidata"))
            weak = set(row.get("weak") or [])
            index.add(row["name"], entry, NAME)
            for alias in row.get("aliases") or []:
                index.add(alias, entry, WEAK if alias in weak else ALIAS)
            for acronym in row.get("acronyms") or []:
                index.add(acronym, entry, WEAK if acronym in weak else ACRONYM)
    for row in read_yaml("actors", "people.yaml") or []:
        where = f"data/actors/people.yaml: {row.get('id')}"
        roles = tuple(Role(title=r.get("title", ""), sector=r.get("sector"),
                           start=_as_date(r.get("start"), where), end=_as_date(r.get("end"), where),
                           country=r.get("country"))
                      for r in row.get("roles") or [])
        roles = tuple(sorted(roles, key=lambda r: r.start or date.min))
        entry = Entry(id=row["id"], kind="person", name=row["name"], country=row.get("country"),
                      sector=roles[-1].sector if roles else "GOV", wikidata=row.get("wikidata"),
                      roles=roles)
        index.add(row["name"], entry, NAME)
        for alias in row.get("aliases") or []:
            index.add(alias, entry, ALIAS)
        for short in [row.get("surname"), *(row.get("short") or [])]:
            # "He Lifeng" is no reason to read every sentence-initial "He" as him.
            if short and short.lower() not in FUNCTION_WORDS:
                index.add(short, entry, SURNAME)
    sectors = read_yaml("actors", "sectors.yaml") or {}
    index.group_nouns = {k.lower(): v for k, v in (sectors.get("group_nouns") or {}).items()}
    index.modifiers = {k.lower(): v for k, v in (sectors.get("modifiers") or {}).items()}
    index.titles = {k.lower(): v for k, v in (sectors.get("titles") or {}).items()}
    index.institutions = {k.lower(): v for k, v in (sectors.get("institutions") or {}).items()}
    _add_phoenix(index)
    return index


def _read_json(*parts: str) -> Any:
    resource = data_file(*parts)
    if not resource.is_file():
        return None
    try:
        return json.loads(resource.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise DataError(f"data/{'/'.join(parts)}: invalid JSON: {e}") from e


def _surface_key(text: str) -> str:
    text = text.strip()
    return text[4:] if text.lower().startswith("the ") else text


def _add_phoenix(index: ActorIndex) -> None:
    """The Phoenix dictionaries (tools/build_phoenix_actors.py) behind the curated data:
    an entry whose name the curated files already give is theirs, and a sector word
    they define keeps their sector."""
    actors = _read_json("actors", "phoenix_actors.json") or {}
    for row in actors.get("entries") or []:
        names = [row["name"], *(row.get("aliases") or ())]
        if any(_surface_key(n) in index.surfaces for n in names):
            continue
        roles = tuple(Role(title=title, sector=sector,
                           start=date.fromisoformat(start) if start else None,
                           end=date.fromisoformat(end) if end else None,
                           country=rest[0] if rest else None)
                      for title, sector, start, end, *rest in row.get("roles") or ())
        entry = Entry(id=row["id"], kind=row["kind"], name=row["name"], country=row.get("country"),
                      sector=row.get("sector"), roles=roles)
        index.add(row["name"], entry, NAME)
        for alias in row.get("aliases") or ():
            index.add(alias, entry, ACRONYM if alias.isupper() and " " not in alias else ALIAS)
    agents = _read_json("actors", "phoenix_agents.json") or {}
    for word, sector in (agents.get("group_nouns") or {}).items():
        index.group_nouns.setdefault(word, sector)
