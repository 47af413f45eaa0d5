"""Find actor mentions: the curated gazetteer first, spaCy's NER for the rest.

The statistical model tags "Kursk" as a PRODUCT and "Lavrov" as an ORG; a
gazetteer hit wins over the model wherever they overlap.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick
from spacy.tokens import Doc, Span

from ..records import Candidate, Mention
from .actor_data import ACRONYM, DEMONYM, SURNAME, WEAK, ActorIndex, load_index
from .doctext import doc_text

NER_LABELS = {"PERSON": "person", "ORG": "org", "NORP": "group", "GPE": "place"}


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick.Automaton, ActorIndex]:
    index = load_index()
    automaton = ahocorasick.Automaton()
    for surface in index.surfaces:
        automaton.add_word(surface, surface)
    if len(automaton):
        automaton.make_automaton()
    return automaton, index


def _is_word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    # A hyphen joins words: "Zia" is not a name inside "Zia-Ul-Haq".
    hyphen_after = after == "-" and end + 1 < len(text) and text[end + 1].isalpha()
    hyphen_before = before == "-" and start >= 2 and text[start - 2].isalpha()
    return not before.isalnum() and not after.isalnum() and not hyphen_after and not hyphen_before


def gazetteer_spans(text: str) -> list[tuple[int, int, str]]:
    """Longest non-overlapping gazetteer matches as (start, end, surface)."""
    automaton, index = _automaton()
    if not len(automaton):
        return []
    hits = []
    for end_index, surface in automaton.iter(text):
        start = end_index - len(surface) + 1
        end = end_index + 1
        if _is_word_boundary(text, start, end):
            hits.append((start, end, surface))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, str]] = []
    for hit in hits:
        if all(hit[1] <= t[0] or hit[0] >= t[1] for t in taken):
            taken.append(hit)
    return sorted(taken)


def _kind_of(surfaces) -> str:
    hows = {s.how for s in surfaces}
    kinds = {s.entry.kind for s in surfaces}
    if hows <= {DEMONYM}:
        return "demonym"
    if "person" in kinds:
        return "surname" if hows <= {SURNAME} else "name"
    return "name"


# "KATHMANDU, Nepal (AP) — ": the city, then maybe the country.
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,40}?)(?:,\s*([A-Z][A-Za-z .'\-]{2,40}?))?"
                      r"(?:\s*\([A-Za-z]+\))?\s+[—–-]{1,2}\s")


# "Hanoi (VNA) – ", "Moscow, SANA- ", "New Delhi, Dec 5 (PTI) - ": a title-case city
# counts only with a comma or an agency after it.
TITLE_DATELINE = re.compile(r"^\s*([A-Z][a-z'.]+(?:[ -][A-Z][a-z'.]+){0,2})"
                            r"(?:,\s*([A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2}))?"
                            r"(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?"
                            r"(?:\s*\([A-Za-z .]{2,20}\))?\s*[—–-]{1,2}\s")


def dateline_match(text: str) -> re.Match[str] | None:
    """The dateline at the start of a story: its city (group 1), maybe its country or
    agency (group 2)."""
    match = DATELINE.match(text)
    if match:
        return match
    match = TITLE_DATELINE.match(text)
    return match if match and ("," in match.group(0) or "(" in match.group(0)) else None


def dateline_end(text: str) -> int:
    """Where a dateline like "KATHMANDU, Nepal — " ends, else 0."""
    match = dateline_match(text)
    return match.end() if match else 0


def find_mentions(doc: Doc) -> list[Mention]:
    index = _automaton()[1]
    mentions: list[Mention] = []
    # The dateline says where the story was filed; it names no actor.
    skip_until = dateline_end(doc_text(doc))
    covered: set[int] = {t.i for t in doc if t.idx < skip_until}
    sentence_of = {}
    for i, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.i] = i
    text = doc_text(doc)
    for start, end, surface in gazetteer_spans(text):
        if start < skip_until:
            continue
        if stance_prefix(text, start):
            continue      # "an anti-Syria journalist", "pro-Russian rebels": a stance, not a party
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        surfaces = index.lookup(surface)
        # Acronyms count only in capitals; a lower-case hit of one is an ordinary word.
        if all(s.how == ACRONYM for s in surfaces) and not surface.isupper():
            continue
        if span[0].ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
            continue
        # "Rasul Aliyev" is not President Ilham Aliyev: a known surname inside a name
        # that begins with another given name is someone else, left to the name finder.
        if all(s.how == SURNAME for s in surfaces) and span[0].ent_type_ == "PERSON" \
                and span[0].ent_iob_ == "I":
            continue
        if all(s.how == DEMONYM for s in surfaces) and span[-1].dep_ in ("amod", "compound") \
                and span[-1].head.lemma_.lower() in NOT_PEOPLE:
            covered.update(range(span.start, span.end))
            continue      # "the Russian language", "of Korean descent": no party
        candidates = tuple(Candidate(key=s.entry.id, label=f"{s.entry.name} ({s.how})",
                                     score=0.5 if s.how in (WEAK, SURNAME) else 1.0)
                           for s in surfaces)
        mentions.append(Mention(text=span.text, start=span.start_char, end=span.end_char,
                                sentence=sentence_of.get(span.start, 0), kind=_kind_of(surfaces),
                                candidates=candidates))
        covered.update(range(span.start, span.end))
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS or any(t.i in covered for t in ent) \
                or stance_prefix(text, ent.start_char) or ent.text.lower().startswith(("anti-", "pro-")):
            continue
        label = ent.label_
        ent = _strip_possessive(ent)
        if len(ent) == 0:
            continue
        mentions.append(Mention(text=ent.text, start=ent.start_char, end=ent.end_char,
                                sentence=sentence_of.get(ent.start, 0), kind=NER_LABELS[label],
                                candidates=()))
    mentions.sort(key=lambda m: m.start)
    return mentions


# Things a demonym describes that are no one's act or party.
NOT_PEOPLE = {"language", "speaker", "literature", "culture", "cuisine", "food", "music", "film",
              "cinema", "alphabet", "script", "dialect", "accent", "descent", "origin", "heritage",
              "ancestry", "translation", "word", "name", "style", "art", "poetry", "novel"}

STANCE_PREFIXES = ("anti-", "pro-", "anti ", "pro ")


def stance_prefix(text: str, start: int) -> bool:
    before = text[max(0, start - 5):start].lower()
    return any(before.endswith(prefix) and (len(before) == len(prefix) or not before[-len(prefix) - 1].isalpha())
               for prefix in STANCE_PREFIXES)


def _strip_possessive(span: Span) -> Span:
    end = span.end
    while end > span.start and span.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    start = span.start
    while start < end and span.doc[start].lower_ == "the":
        start += 1
    return span.doc[start:end]


class MentionFinder:
    name = "mentions"
    requires = ("parse",)
    assigns = ("mentions",)

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = find_mentions(doc)
        return doc
