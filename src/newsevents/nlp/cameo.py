"""Verb triggers from PETRARCH2's CAMEO verb dictionary, read over the dependency parse.

data/events/cameo_verbs.json (built by tools/build_cameo_lexicon.py, MIT notice inside)
gives, per verb, its synonym block's patterns: the object, its modifiers, a particle,
prepositional phrases and sometimes the subject that select a CAMEO code ("cut ties"
161, "cut aid" 162, "cut the deficit" no event). data/events/cameo_plover.yaml maps
CAMEO codes to PLOVER types and modes and says where the recipient sits.

For a verb, the most specific matching pattern decides. A pattern coded "no event"
("---") says so for that sense. Two equally specific patterns that map to different
PLOVER types leave the sense undecided, so no event. With no pattern matching, the
verb takes its own or its block's default code, unless the project marks that
default too vague to stand alone (`no_default`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import json

from spacy.tokens import Token

from ..data_files import data_file, read_yaml
from ..errors import DataError
from .lexicon import PLOVER_TYPES, Trigger

OBJECT_DEPS = ("dobj", "attr", "oprd", "nsubjpass", "dative")
MODIFIER_DEPS = ("amod", "compound", "nmod", "nummod", "poss")
PARTICLE_DEPS = ("prt", "advmod", "prep")


@dataclass(frozen=True)
class Pattern:
    code: str | None
    subject: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    modifiers: tuple[frozenset[str], ...] = ()
    particle: str | None = None
    preps: tuple[tuple[str, frozenset[str] | None], ...] = ()

    @property
    def anchored(self) -> bool:
        """Names a word beyond the verb: a bare preposition ("- * (TO)") says too little."""
        return bool(self.subject or self.objects or self.particle
                    or any(words is not None for _, words in self.preps))

    @property
    def specificity(self) -> int:
        return (bool(self.subject) + bool(self.objects) + len(self.modifiers) + bool(self.particle)
                + sum(1 + (words is not None) for _, words in self.preps))


@dataclass(frozen=True)
class VerbSense:
    block: str
    particles: tuple[str, ...]
    default: str | None          # the code of the verb alone, None when no event or too vague
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True)
class CameoLexicon:
    senses: dict[str, tuple[VerbSense, ...]]
    forms: dict[str, str]
    codes: dict[str, dict | None]
    roles: dict[str, dict]

    def plover(self, code: str | None) -> Trigger | None:
        """The PLOVER trigger of a CAMEO code (longest prefix), None for no event."""
        if code is None:
            return None
        for size in range(len(code), 1, -1):
            if code[:size] in self.codes:
                row = self.codes[code[:size]]
                if row is None:
                    return None
                role = self.roles.get(row["type"], {})
                return Trigger(type=row["type"], mode=row.get("mode"),
                               recipient=tuple(role.get("recipient") or ()),
                               symmetric=bool(role.get("symmetric")), reverse=bool(row.get("reverse")))
        return None


@lru_cache(maxsize=1)
def load_cameo() -> CameoLexicon:
    try:
        raw = json.loads(data_file("events", "cameo_verbs.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DataError(f"data/events/cameo_verbs.json cannot be read: {e}") from e
    mapping = read_yaml("events", "cameo_plover.yaml") or {}
    for code, row in (mapping.get("codes") or {}).items():
        if row is not None and row.get("type") not in PLOVER_TYPES:
            raise DataError(f"cameo_plover.yaml code {code}: unknown PLOVER type {row.get('type')!r}")
    synsets = {name: frozenset(words) for name, words in raw.get("synsets", {}).items()}

    def words(values) -> frozenset[str]:
        out: set[str] = set()
        for value in values or ():
            out |= synsets.get(value, frozenset()) if value.startswith("&") else {value}
        return frozenset(out)

    no_default = mapping.get("no_default") or {}
    never = set(mapping.get("never") or ())
    senses: dict[str, list[VerbSense]] = {}
    for block in raw["blocks"]:
        patterns = tuple(
            Pattern(code=p.get("code"), subject=words(p.get("subject")), objects=words(p.get("object")),
                    modifiers=tuple(words([m]) for m in p.get("modifiers", ())),
                    particle=p.get("particle"),
                    preps=tuple((prep, words(objs) if objs is not None else None)
                                for prep, objs in p.get("preps", ())))
            for p in block["patterns"])
        if block["name"] in never:
            continue
        vague = no_default.get(block["name"]) or ()
        for verb in block["verbs"]:
            particles = tuple(verb.get("particles", ()))
            name = "_".join((verb["verb"], *particles))
            default = verb.get("code") or block["code"]
            if vague == "all" or name in vague or verb["verb"] in vague:
                default = None
            senses.setdefault(verb["verb"], []).append(
                VerbSense(block["name"], particles, default, patterns))
    return CameoLexicon({k: tuple(v) for k, v in senses.items()}, dict(raw.get("forms", {})),
                        dict(mapping.get("codes") or {}), dict(mapping.get("recipients") or {}))


def _word_forms(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


def _context(verb: Token) -> dict:
    """What the verb's patterns can ask for, read off its dependents."""
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    objects += [g for o in objects for g in o.children if g.dep_ == "conj"]
    object_words: set[str] = set()
    modifier_words: set[str] = set()
    preps: list[tuple[str, set[str]]] = []
    for obj in objects:
        object_words |= _word_forms(obj)
        for child in obj.children:
            if child.dep_ in MODIFIER_DEPS:
                modifier_words |= _word_forms(child)
            if child.dep_ == "prep":
                preps.append((child.lower_, {w for g in child.children for w in _word_forms(g)}))
        # "the sanctions were imposed": a multi-word object such as "peace talks"
        for child in obj.children:
            if child.dep_ == "compound":
                object_words.add(f"{child.lower_} {obj.lower_}")
                object_words.add(f"{child.lower_} {obj.lemma_.lower()}")
    for child in verb.children:
        if child.dep_ in ("prep", "agent"):
            preps.append((child.lower_, {w for g in child.children if g.dep_ in ("pobj", "pcomp")
                                         for w in _word_forms(g)}))
    particles = {c.lower_ for c in verb.children if c.dep_ in PARTICLE_DEPS}
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return {"objects": object_words, "modifiers": modifier_words, "preps": preps,
            "particles": particles, "subject": _word_forms(subject) if subject is not None else set()}


def _matches(pattern: Pattern, context: dict) -> bool:
    if pattern.subject and not pattern.subject & context["subject"]:
        return False
    if pattern.objects and not pattern.objects & context["objects"]:
        return False
    if any(not words & context["modifiers"] for words in pattern.modifiers):
        return False
    if pattern.particle and pattern.particle not in context["particles"]:
        return False
    for prep, words in pattern.preps:
        if not any(p == prep and (words is None or words & objs) for p, objs in context["preps"]):
            return False
    return True


def cameo_trigger(verb: Token, lexicon: CameoLexicon, patterns_only: bool = False) -> Trigger | None:
    """The PLOVER trigger the CAMEO dictionary gives this verb in its sentence, or None."""
    lemma = verb.lemma_.lower()
    senses = lexicon.senses.get(lemma) or lexicon.senses.get(lexicon.forms.get(verb.lower_, ""), ())
    if not senses:
        return None
    context = _context(verb)
    usable = [s for s in senses if all(p in context["particles"] for p in s.particles)]
    if not usable:
        return None
    matched = [p for s in usable for p in s.patterns if p.anchored and _matches(p, context)]
    if matched:
        best = max(p.specificity for p in matched)
        top = [p for p in matched if p.specificity == best]
        triggers = [lexicon.plover(p.code) for p in top]
        kinds = {t.type if t else None for t in triggers}
        if len(kinds) != 1:
            return None              # undecided sense
        return triggers[0]
    if patterns_only:
        return None
    # A multi-word verb ("lash out") is more specific than the bare verb; a verb in
    # several blocks whose defaults disagree has no default sense.
    most = max(len(s.particles) for s in usable)
    defaults = [lexicon.plover(s.default) for s in usable if len(s.particles) == most]
    if any(s.default is None for s in usable if len(s.particles) == most):
        return None
    if len({t.type if t else None for t in defaults}) != 1:
        return None
    return defaults[0]


__all__ = ["CameoLexicon", "load_cameo", "cameo_trigger"]
