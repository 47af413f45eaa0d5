"""The event trigger lexicon (data/events/triggers.yaml), loaded once."""
from __future__ import annotations

from dataclasses import dataclass, field
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
    party_object_only: bool = False     # an object, if any, must be a party ("released a statement")
    requires_xcomp: tuple[str, ...] = ()
    joint: str | None = None            # the type when the subject is several parties ("joint drills")
    needs_effect: bool = False
    needs_light_verb: bool = False
    needs_particle: tuple[str, ...] = ()   # "pull out", "step down"
    needs_object: tuple[str, ...] = ()     # the verb counts only with one of these objects
    via_predicate: bool = False           # "called the raid an authoritarian act"
    via_for: bool = False                 # "called for an investigation"
    needs_prep: tuple[str, ...] = ()      # a phrase counts only with one of these prepositions
    unless: tuple[str, ...] = ()          # no event when the trigger's words hold one of these
    or_with: tuple[str, ...] = ()         # a noun needing a verb also counts with these prepositions
    priority: int = 0                     # precedence over other phrases matching as closely
    direct_object: bool = False           # a phrase's object word must be the verb's own object
    object_is_party: bool = False         # a phrase's object word names the party acted on ("freed the engineer")
    together: bool = False                # the other party does the act too: both are actors ("signed a pact with")


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
    by_verb: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)
    modifiers: dict[str, Trigger] = field(default_factory=dict)   # "striking doctors"
    forms: dict[str, str] = field(default_factory=dict)          # "raped" -> "rape", not "rap"

    def verb_lemma(self, word: str, lemma: str) -> str:
        """The lemma of a verb form, where the parser's lemma is known to be wrong."""
        return self.forms.get(word.lower(), lemma.lower())

    def phrases_for(self, lemma: str) -> tuple[Phrase, ...]:
        """The phrase entries a verb lemma heads, in file order."""
        if not self.by_verb and self.phrases:
            return tuple(p for p in self.phrases if lemma in p.verbs)
        return self.by_verb.get(lemma, ())


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
                   party_object_only=bool(row.get("party_object_only")),
                   requires_xcomp=tuple(row.get("requires_xcomp") or ()),
                   joint=row.get("joint"), needs_effect=bool(row.get("needs_effect")),
                   needs_light_verb=bool(row.get("needs_light_verb")),
                   needs_particle=tuple(row.get("needs_particle") or ()),
                   needs_object=tuple(row.get("needs_object") or ()),
                   via_predicate=bool(row.get("via_predicate")), via_for=bool(row.get("via_for")),
                   needs_prep=_words(row, "needs_prep", where), unless=_words(row, "unless", where),
                   or_with=_words(row, "or_with", where), priority=int(row.get("priority") or 0),
                   direct_object=bool(row.get("direct_object")),
                   object_is_party=bool(row.get("object_is_party")),
                   together=bool(row.get("together")))


def _words(row: dict, field: str, where: str) -> tuple[str, ...]:
    words = row.get(field) or ()
    for word in words:
        if not isinstance(word, str):
            raise DataError(f"{where}: {field} word {word!r} is not a string (quote it)")
    return tuple(words)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = read_yaml("events", "triggers.yaml")
    if data is None:
        raise DataError("data/events/triggers.yaml is missing")
    phrases = tuple(
        Phrase(frozenset(_words(row, "verb", f"triggers.yaml phrase {i + 1}")),
               frozenset(_words(row, "object", f"triggers.yaml phrase {i + 1}")),
               _trigger(row, f"triggers.yaml phrase {i + 1}"))
        for i, row in enumerate(data.get("phrases") or []))
    verbs = {lemma: _trigger(row, f"triggers.yaml verb {lemma}")
             for lemma, row in (data.get("verbs") or {}).items()}
    nouns = {lemma: _trigger(row, f"triggers.yaml noun {lemma}")
             for lemma, row in (data.get("nouns") or {}).items()}
    by_verb: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        for verb in phrase.verbs:
            by_verb.setdefault(verb, []).append(phrase)
    modifiers = {word: _trigger(row, f"triggers.yaml modifier {word}")
                 for word, row in (data.get("modifiers") or {}).items()}
    forms = {str(word).lower(): str(lemma).lower() for word, lemma in (data.get("forms") or {}).items()}
    return Lexicon(phrases, verbs, nouns, {k: tuple(v) for k, v in by_verb.items()}, modifiers, forms)
