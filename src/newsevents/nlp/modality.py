"""Whether an event happened (asserted), is planned (future), is hypothetical or is negated."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..records import Event
from .syntax import trigger_token

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should"}
FUTURE_GOVERNORS = {"plan", "intend", "set", "expect", "prepare", "aim", "agree", "promise",
                    "pledge", "vow", "decide", "seek", "hope", "want", "schedule", "propose",
                    "threaten", "move", "offer", "commit", "go"}
NEGATING_GOVERNORS = {"deny", "refute", "dismiss"}
NEGATIONS = {"not", "n't", "never", "no"}


def _aux_words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _has_negation(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("advmod", "neg", "det"))
               for c in token.children)


def _in_condition(token: Token) -> bool:
    """The trigger sits in an if-clause, or its clause has one (conditionals)."""
    current = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in current.children):
            return True
        if current.dep_ != "advcl" and current.dep_ != "conj":
            break
        current = current.head
    return any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
               for c in token.children)


def modality_of(trigger: Token) -> str:
    chain = [trigger]
    current = trigger
    # A nominal event takes the modality of the verb that governs it ("plans more talks").
    if trigger.pos_ in ("NOUN", "PROPN"):
        head = trigger.head
        if trigger.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            chain.append(head)
            current = head
    while current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
        current = current.head
        chain.append(current)
    if current.dep_ in ("ccomp", "pcomp") and current.head.lemma_.lower() in NEGATING_GOVERNORS:
        return "negated"
    if trigger.dep_ in ("pcomp", "dobj", "xcomp") and trigger.tag_ == "VBG" and (
            trigger.head.lemma_.lower() in NEGATING_GOVERNORS):
        return "negated"
    for token in chain:
        if _has_negation(token):
            return "negated"
    for token in chain:
        aux = _aux_words(token)
        if aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if "would" in aux:
            return "hypothetical" if _in_condition(token) else "future"
        if aux & FUTURE_AUX:
            return "future"
        if token is not trigger and token.lemma_.lower() in FUTURE_GOVERNORS:
            return "future"
        # "forces are to withdraw": be + to-infinitive
        if token.dep_ == "xcomp" and token.head.lemma_ == "be" and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
            return "future"
        if token.dep_ == "xcomp" and token.head.lemma_.lower() == "go" and token.head.tag_ == "VBG":
            return "future"
    if _in_condition(trigger):
        return "hypothetical"
    return "asserted"


def mark(event: Event, doc: Doc) -> Event:
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None:
        return event
    return replace(event, modality=modality_of(span.root))


class ModalityMarker:
    name = "modality"
    requires = ("events",)
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = [mark(e, doc) for e in doc._.events or []]
        return doc


# Material cooperation promised rather than done ("will provide food aid"): PLOVER codes
# the promise as AGREE. Planned meetings and withdrawals stay what they are, marked future,
# as the development articles annotate them.
PROMISABLE_TYPES = {"AID", "COOPERATE"}


# Plans and hopes are no promises: "intended to provide", "hopes to send".
INTENTION_GOVERNORS = {"plan", "intend", "expect", "hope", "want", "seek", "aim", "schedule",
                       "set", "prepare", "go", "move", "consider", "wish"}


def _only_intended(event: Event, doc: Doc | None) -> bool:
    if doc is None:
        return False
    token = trigger_token(doc, event)
    if token is None:
        return False
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in INTENTION_GOVERNORS \
        and not (_aux_words(token.head) & FUTURE_AUX)


def promise_of(event: Event, doc: Doc | None = None) -> Event | None:
    """The AGREE that a promised act of material cooperation implies ("will provide food
    aid"); the act itself stays, marked future."""
    if event.type not in PROMISABLE_TYPES or event.modality != "future" or _only_intended(event, doc):
        return None
    return replace(event, type="AGREE", mode=None, modality="asserted", date=None,
                   confidence=event.confidence * 0.8)


class PromisesAsAgreements:
    name = "promises"
    requires = ("events",)
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        events = []
        for event in doc._.events or []:
            events.append(event)
            promise = promise_of(event, doc)
            if promise is not None and not any(
                    e.type == "AGREE" and e.trigger_start == event.trigger_start for e in doc._.events):
                events.append(promise)
        doc._.events = events
        return doc
