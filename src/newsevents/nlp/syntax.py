"""Small readings of the dependency parse shared by the event steps: subjects, agents,
prepositional objects, possessors and the tokens of a trigger's own clause."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..records import Event

SUBJECT_DEPS = {"nsubj", "csubj"}
RELATIVE_WORDS = {"who", "which", "that", "whom", "whose"}
CLAUSE_BOUNDARIES = {"relcl", "ccomp", "advcl", "parataxis", "nsubj", "nsubjpass", "csubj", "agent",
                     "acl", "xcomp", "mark", "punct"}
# Tokens the first pass left unparsed (parsing.SelectiveParse): a byte per token, 1 when
# unparsed; None when the whole Doc was parsed.
UNPARSED = "unparsed"
if not Doc.has_extension(UNPARSED):
    Doc.set_extension(UNPARSED, default=None)


def parsed_sentences(doc: Doc) -> Iterator[Span]:
    """The Doc's sentences that carry the model's parse: all of them, unless the first
    pass left some unparsed, which hold no tags, no parse and no entities to read."""
    unparsed = doc._.get(UNPARSED)
    for sent in doc.sents:
        if unparsed is None or not unparsed[sent.start]:
            yield sent


def subject_token(verb: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp, conj, participles and relatives."""
    seen = 0
    while seen < 6:
        seen += 1
        # The subject nearest the verb: a dateline ("ALGIERS, Algeria —") can parse as a second one.
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            child = subjects[-1]
            if child.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl":
                return verb.head
            return child
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return None
        # Object control: "urged X to ...", "prompting Mexico to break off ties".
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ == "VERB":
            controller = first_child(verb.head, ("dobj",))
            if controller is not None and controller.i < verb.i:
                return controller
        if verb.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "acomp", "oprd") or (
                verb.dep_ == "ccomp" and verb.tag_ == "VBG"):
            if verb.dep_ == "acl":
                # "airstrikes killing eight people" / "airstrikes killed eight people" (active,
                # with an object): the noun acts; "rifles seized by ..." is passive.
                if verb.tag_ == "VBG" or first_child(verb, ("dobj",)) is not None:
                    return verb.head
                return None
            verb = verb.head
            if verb.dep_ == "prep":
                verb = verb.head
            continue
        return None
    return None


def agent_token(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def pobj(token: Token, preposition: str) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == preposition:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def first_child(token: Token, deps: tuple[str, ...]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def possessor(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "poss":
            return child
    for child in token.children:
        if child.dep_ == "compound" and child.ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
            return child
    return None


def clause_tokens(token: Token, purpose: bool = False) -> list[Token]:
    """Tokens under the trigger that belong to its own clause, in text order; with
    `purpose`, also its to-infinitive ("blocked a road to show disapproval of the U.S.")."""
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ not in CLAUSE_BOUNDARIES
             or (purpose and c.dep_ in ("xcomp", "advcl") and any(
                 a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if c.dep_ not in CLAUSE_BOUNDARIES - {"nsubj"})
    return sorted(out, key=lambda t: t.i)


def trigger_token(doc: Doc, event: Event) -> Token | None:
    """The token an event's trigger stands on (the root of its span), if the Doc has it."""
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
