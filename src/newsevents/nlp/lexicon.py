"""The event trigger lexicon (data/events/triggers.yaml), loaded once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


from ..data_files import read_yaml
from ..errors import DataError

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                "ASSAULT")


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None = None
    recipient: tuple[str, ...] = ()
    symmetric: bool = False
    reverse: bool = False
    needs_person_object: bool = False
    requires_xcomp: tuple[str, ...] = ()
    joint: str | None = None            # the type when the subject is several parties ("joint drills")
    needs_effect: bool = False
    needs_light_verb: bool = False
    needs_particle: tuple[str, ...] = ()   # "pull out", "step down"
    needs_object: tuple[str, ...] = ()     # the verb counts only with one of these objects
    via_predicate: bool = False           # "called the raid an authoritarian act"
    via_for: bool = False                 # "called for an investigation"


@dataclass(frozen=True)
class Phrase:
    verbs: frozenset[str]
    objects: frozenset[str]
    trigger: Trigger


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[Phrase, ...]
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]


def _trigger(row: dict, where: str) -> Trigger:
    if row.get("type") not in PLOVER_TYPES:
        raise DataError(f"{where}: unknown PLOVER type {row.get('type')!r}")
    # YAML reads a bare `on` or `off` as a boolean: roles must be quoted strings.
    for role in row.get("recipient") or ():
        if not isinstance(role, str):
            raise DataError(f"{where}: recipient role {role!r} is not a string (quote it)")
    return Trigger(type=row["type"], mode=row.get("mode"),
                   recipient=tuple(row.get("recipient") or ()),
                   symmetric=bool(row.get("symmetric")), reverse=bool(row.get("reverse")),
                   needs_person_object=bool(row.get("needs_person_object")),
                   requires_xcomp=tuple(row.get("requires_xcomp") or ()),
                   joint=row.get("joint"), needs_effect=bool(row.get("needs_effect")),
                   needs_light_verb=bool(row.get("needs_light_verb")),
                   needs_particle=tuple(row.get("needs_particle") or ()),
                   needs_object=tuple(row.get("needs_object") or ()),
                   via_predicate=bool(row.get("via_predicate")), via_for=bool(row.get("via_for")))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = read_yaml("events", "triggers.yaml")
    if data is None:
        raise DataError("data/events/triggers.yaml is missing")
    phrases = tuple(
        Phrase(frozenset(row["verb"]), frozenset(row["object"]),
               _trigger(row, f"triggers.yaml phrase {i + 1}"))
        for i, row in enumerate(data.get("phrases") or []))
    verbs = {lemma: _trigger(row, f"triggers.yaml verb {lemma}")
             for lemma, row in (data.get("verbs") or {}).items()}
    nouns = {lemma: _trigger(row, f"triggers.yaml noun {lemma}")
             for lemma, row in (data.get("nouns") or {}).items()}
    return Lexicon(phrases, verbs, nouns)
