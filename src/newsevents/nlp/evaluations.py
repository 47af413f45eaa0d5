"""Criticism and demands stated as judgements, not by verbs of criticism or demand.

"The sanctions imposed by Washington are illegal," the minister said; she called
Ottawa's offer "insulting"; he described the recount as a scam; the attitude of the
ministry "is not productive". A speaker who judges a party, or a party's act, with a
strongly negative word accuses that party (PLOVER ACCUSE, disapprove). The words and
their valence are data/events/evaluations.json (tools/build_evaluation_lexicon.py).

A demand can be said the same way: "the Red Cross said the occupying forces must
ensure security" is a request to those forces (REQUEST), by `find_obligations`.

Only a judgement someone is said to make counts: the article's own adjectives ("the
illegal crossing") and judgements of no party ("the situation is dangerous") are no
event. The speech act is the event, so its verb is the trigger and the speaker is no
separate source (attribution stays with any outer report).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..data_files import data_file
from ..errors import DataError
from .attribution import REPORTING_VERBS
from .syntax import first_child, subject_token

COPULAS = {"be", "seem", "remain", "become", "look", "sound", "appear", "prove"}
# Verbs that predicate a judgement of their object: "called the move irresponsible".
NAMING_VERBS = {"call", "describe", "term", "brand", "label", "deem", "consider", "dub",
                "characterize", "characterise", "portray", "slam", "dismiss"}
# A judgement is said when a verb of saying governs it, or when its own verb names it.
SPEECH_VERBS = REPORTING_VERBS | {"call", "describe", "term", "brand", "label", "dub", "tweet"}
EXPLETIVES = {"it", "this", "that"}
# The least valence, either way, of a word that judges (VADER's scale runs from -4 to 4).
JUDGEMENT_STRENGTH = 2.0


@dataclass(frozen=True)
class Judgement:
    speech: Token      # the verb of saying or naming: the event's trigger
    speaker: Token     # who judges
    judged: Token      # the head of what is judged
    word: Token        # the judging word


@lru_cache(maxsize=1)
def load_valences() -> dict[str, float]:
    try:
        data = json.loads(data_file("events", "evaluations.json").read_text(encoding="utf-8"))
        return {word: float(v) for word, v in data["words"].items()}
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise DataError(f"data/events/evaluations.json cannot be read: {e}") from e


def find_judgements(sent: Span, strong: float = JUDGEMENT_STRENGTH) -> list[Judgement]:
    valences = load_valences()
    found: list[Judgement] = []
    seen: set[int] = set()
    for token in sent:
        valence = valences.get(token.lower_, valences.get(token.lemma_.lower()))
        if valence is None or token.pos_ not in ("ADJ", "NOUN"):
            continue
        placed = _predicate(token)
        if placed is None:
            continue
        verb, judged = placed
        if _negated(verb) or _negated(token):
            valence = -valence          # "is not productive"
        if valence > -strong:
            continue
        said = _said_by(verb)
        if said is None or said[0].i in seen:
            continue
        seen.add(said[0].i)
        found.append(Judgement(speech=said[0], speaker=said[1], judged=judged, word=token))
    return found


OBLIGING_MODALS = {"must", "should"}
# What one must be, know or feel is a warning or an opinion, not an act asked for:
# "the regime must understand that ...", "Canada should become a state".
NOT_ACTS = COPULAS | {"understand", "know", "realize", "realise", "recognize", "recognise",
                      "remember", "learn", "expect", "feel", "think", "see", "bear", "face",
                      "pay", "suffer", "have", "get"}


def find_obligations(sent: Span) -> list[Judgement]:
    """ "X said Y must/should do ...": X asks Y to do it. `judged` is Y."""
    found = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() in NOT_ACTS or not any(
                c.dep_ == "aux" and c.lower_ in OBLIGING_MODALS for c in token.children):
            continue
        subject = first_child(token, ("nsubj", "nsubjpass"))
        said = _said_by(token)
        if subject is None or said is None or said[0].lemma_.lower() in NAMING_VERBS:
            continue
        found.append(Judgement(speech=said[0], speaker=said[1], judged=subject, word=token))
    return found


def _predicate(word: Token) -> tuple[Token, Token] | None:
    """The verb that predicates the word and the head of what it is said of."""
    if word.dep_ == "amod" and word.head.dep_ in ("attr", "oprd", "acomp"):
        word = word.head                # "is a dangerous provocation"
    if word.dep_ == "conj":
        return None                     # "illegal and unacceptable": the first word speaks
    head = word.head
    if word.dep_ in ("acomp", "attr") and head.lemma_.lower() in COPULAS:
        judged = first_child(head, ("nsubj", "nsubjpass"))
        if judged is not None and judged.lower_ in EXPLETIVES:
            # "it was outrageous for the government to arrest them": the clause is judged.
            clause = next((c for c in list(word.children) + list(head.children)
                           if c.dep_ in ("xcomp", "ccomp", "advcl")), None)
            judged = subject_token(clause) if clause is not None else None
        return (head, judged) if judged is not None else None
    if word.dep_ in ("oprd", "xcomp", "ccomp", "dobj") and head.lemma_.lower() in NAMING_VERBS:
        judged = first_child(head, ("dobj",))
        return (head, judged) if judged is not None and judged.i != word.i else None
    if word.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in NAMING_VERBS:
        judged = first_child(head.head, ("dobj",))
        return (head.head, judged) if judged is not None else None
    return None


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _said_by(verb: Token) -> tuple[Token, Token] | None:
    """The verb of saying a judgement is made in, and its subject."""
    if verb.lemma_.lower() in NAMING_VERBS:
        subject = subject_token(verb)
        return (verb, subject) if subject is not None else None
    token = verb
    for _ in range(4):
        parent = token.head
        if parent.i == token.i:
            break
        if parent.lemma_.lower() in SPEECH_VERBS and parent.pos_ == "VERB" and token.dep_ in (
                "ccomp", "parataxis", "xcomp", "advcl", "conj"):
            subject = subject_token(parent)
            if subject is not None:
                return parent, subject
        token = parent
    # '"The sanctions are illegal," the minister said': the report hangs off the judgement.
    for child in verb.children:
        if child.lemma_.lower() in SPEECH_VERBS and child.dep_ in ("parataxis", "ccomp", "advcl"):
            subject = subject_token(child)
            if subject is not None and subject.i > verb.i:
                return child, subject
    return None


# The ways a noun phrase says whose act or self it is: "Washington's decision", "the
# U.S. move", "the decision of the court", "sanctions imposed by Washington".
OWNER_DEPS = {"poss", "compound", "amod", "nmod", "acl", "agent", "appos", "conj"}
OWNER_PREPOSITIONS = {"by", "of", "from"}


def judged_parties(judged: Token) -> list[Token]:
    """Tokens of what is judged that may name its party, nearest the head first: the
    head itself, its owner and modifiers, its by-, of- and from- phrases; never the
    party something is done to or a place ("the sanctions against Iran", "in Sudan")."""
    order = [judged]
    for token in judged.subtree:
        if token.i == judged.i:
            continue
        path = [token]
        node = token
        while node.head.i != judged.i and node.head.i != node.i:
            node = node.head
            path.append(node)
        if all(_owner_link(t) for t in path):
            order.append(token)
    return order


def _owner_link(token: Token) -> bool:
    if token.dep_ == "pobj":
        return token.head.lower_ in OWNER_PREPOSITIONS
    if token.dep_ == "prep":
        return token.lower_ in OWNER_PREPOSITIONS
    return token.dep_ in OWNER_DEPS
