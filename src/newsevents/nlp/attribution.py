"""Who the text says is the source of each event's claim.

Cues, outermost first: "according to X" anywhere in the sentence; a reporting
verb whose complement holds the event ("X said/announced/confirmed that ...",
"..., state media reported Sunday"); "in a statement" names the sentence's
reporting subject. Nested reports take the outermost source. The article's
own voice gives no attribution.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..records import Actor, Attribution, Event
from .actors import ActorResolver, resolver_for
from .syntax import subject_token
from .doctext import doc_text

REPORTING_VERBS = {
    "say", "announce", "confirm", "report", "claim", "tell", "add", "state", "reveal", "insist",
    "note", "assert", "disclose", "acknowledge", "deny", "write", "post", "brief", "quote",
    "explain", "argue", "declare", "indicate", "suggest", "believe", "estimate", "show",
    "inform", "allege", "maintain", "contend", "stress", "emphasize", "emphasise", "predict",
    "warn", "describe", "cite", "testify", "admit", "broadcast", "publish", "caution",
    "signal", "unveil", "reiterate", "recount", "recall", "mention", "observe",
}
COMPLEMENT_DEPS = {"ccomp", "parataxis", "xcomp", "advcl", "conj", "dobj"}


def according_to(sent: Span) -> Token | None:
    for token in sent:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return obj
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                for obj in nxt.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


def reporting_source(trigger: Token) -> tuple[Token, Token] | None:
    """The outermost reporting verb governing the trigger, with its subject."""
    token = trigger
    found = None
    hops = 0
    while token.head.i != token.i and hops < 8:
        parent = token.head
        hops += 1
        if parent.lemma_.lower() in REPORTING_VERBS and parent.pos_ in ("VERB", "AUX") and (
                token.dep_ in COMPLEMENT_DEPS or token.dep_ in ("nsubj",) and parent.dep_ == "parataxis"):
            subject = subject_token(parent)
            if subject is None:
                agent = next((c for c in parent.children if c.dep_ == "agent"), None)
                subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if subject is not None and subject.i != trigger.i:
                found = (parent, subject)
        token = parent
    if found is None:
        # "Israeli troops fired ..., the Israeli military said, as ...": a bare report
        # hanging off the event clause.
        for child in trigger.children:
            if child.lemma_.lower() in REPORTING_VERBS and child.i > trigger.i and child.dep_ in (
                    "parataxis", "ccomp", "advcl", "conj") and not any(
                    c.dep_ in ("ccomp", "dobj", "xcomp") for c in child.children):
                subject = subject_token(child)
                if subject is not None and subject.i > trigger.i:
                    found = (child, subject)
                    break
    if found is None:
        # "X reaffirmed ..., state media reported Sunday": the report is the root,
        # the event clause hangs off it.
        root = trigger.sent.root
        if root.lemma_.lower() in REPORTING_VERBS and root.i != trigger.i and root.i > trigger.i:
            subject = subject_token(root)
            if subject is not None and subject.i > trigger.i:
                found = (root, subject)
    return found


def attribute(event: Event, doc: Doc, resolver: ActorResolver) -> Event:
    trigger_span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger_span is None:
        return event
    trigger = trigger_span.root
    source = according_to(trigger.sent)
    cue_start = cue_end = None
    if source is not None:
        cue_start = source.left_edge.idx - len("according to ")
        cue_end = source.right_edge.idx + len(source.right_edge)
    else:
        report = reporting_source(trigger)
        if report is None:
            return event
        verb, source = report
        left = min(source.left_edge.i, verb.i)
        right = max(source.i, verb.i)
        cue_start = doc[left].idx
        cue_end = doc[right].idx + len(doc[right])
    actors = resolver.actors_for(source)
    if actors:
        actor = actors[0]
    else:
        # A source the actor index cannot place ("the national ombudsman's office",
        # "U.S. government data") is still the source, with what the text says of it.
        country, sector = resolver.describe(source)
        actor = Actor(name=_source_name(source), country=country or resolver.home, sector=sector)
    cue_start = max(cue_start, 0)
    return replace(event, attribution=Attribution(
        name=actor.name, country=actor.country, sector=actor.sector,
        text=doc_text(doc)[cue_start:cue_end], char_start=cue_start, char_end=cue_end))


def _source_name(token: Token) -> str:
    """The words of a source's noun phrase up to its head: "the national ombudsman's office"."""
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "punct")]
    return "".join(t.text_with_ws for t in words).strip() or token.text


class AttributionFinder:
    name = "attribution"
    requires = ("events",)
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        resolver = resolver_for(doc)
        doc._.events = carry_over([attribute(e, doc, resolver) for e in doc._.events or []], doc)
        return doc


def _continues_report(sent: Span) -> bool:
    """A sentence in reported speech's future-in-the-past ("would") with no cue of its own
    goes on with the previous sentence's report. (A past perfect is too often the
    article's own background to count.)"""
    root = sent.root
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "would" for c in root.children) \
        and according_to(sent) is None and root.lemma_.lower() not in REPORTING_VERBS


def carry_over(events: list[Event], doc: Doc) -> list[Event]:
    """ "The ministry said talks would resume. Both delegations would return on Monday.":
    the second sentence is still the ministry's account."""
    sentences = list(doc.sents)
    starts = [sent.start_char for sent in sentences]

    def sentence_of(event: Event) -> int:
        return bisect_right(starts, event.trigger_start) - 1

    reported = {sentence_of(e): e.attribution for e in events if e.attribution is not None}
    carried = []
    for event in events:
        number = sentence_of(event)
        previous = reported.get(number - 1)
        if event.attribution is None and previous is not None and number not in reported \
                and _continues_report(sentences[number]):
            event = replace(event, attribution=previous)
        carried.append(event)
    return carried
