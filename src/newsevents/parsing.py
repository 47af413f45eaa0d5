"""Turning article texts into spaCy Docs: the full parse, or the parse of selected sentences.

``full_parse`` is ``nlp.pipe`` over whole texts. ``SelectiveParse`` tokenizes each
text, splits it into sentences by punctuation and asks the first pass
(``nlp.prefilter``) which of them could hold an event; only those, with the
sentences around them that the later steps read for context, go through the
tagger, parser and NER. The result is one Doc per article over the whole text
(every character offset as in the text): parsed sentences carry the model's
annotations, the others only their tokens and a sentence boundary.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from .nlp.prefilter import Plan, SentenceFilter, sentence_filter
from .nlp.syntax import UNPARSED

Context = TypeVar("Context")
PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID]


def full_parse(nlp: Language, items: Iterable[tuple[str, Context]],
               batch_size: int = 16) -> Iterator[tuple[Doc, Context]]:
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)


class SelectiveParse:
    """Parses only the sentences the first pass selects (`SentenceFilter.plan`)."""

    def __init__(self, nlp: Language, first_pass: SentenceFilter | None = None,
                 articles_per_batch: int = 32, batch_size: int = 64) -> None:
        self.nlp = nlp
        self.first_pass = first_pass or sentence_filter(nlp)
        self.articles_per_batch = articles_per_batch
        self.batch_size = batch_size

    def __call__(self, items: Iterable[tuple[str, Context]]) -> Iterator[tuple[Doc, Context]]:
        iterator = iter(items)
        while batch := list(islice(iterator, self.articles_per_batch)):
            yield from self._parse_batch(batch)

    def _parse_batch(self, batch: list[tuple[str, Context]]) -> Iterator[tuple[Doc, Context]]:
        docs = [self.nlp.make_doc(text) for text, _ in batch]
        plans = [self.first_pass.plan(doc) for doc in docs]
        pieces = [Doc(self.nlp.vocab, words=[t.text for t in doc[start:end]],
                      spaces=[bool(t.whitespace_) for t in doc[start:end]])
                  for doc, plan in zip(docs, plans) for start, end, parse in plan.chunks() if parse]
        parsed = iter(self.nlp.pipe(pieces, batch_size=self.batch_size))
        for doc, plan, (_, context) in zip(docs, plans, batch):
            yield _annotated(doc, plan, parsed), context


def _annotated(doc: Doc, plan: Plan, parsed: Iterator[Doc]) -> Doc:
    """`doc` with the parsed pieces' annotations in place.

    An unparsed sentence gets only a boundary: its first token is a root of its own
    and the rest have no head or label, so `doc.sents` still finds it; `doc._.unparsed`
    marks its tokens, so that steps reading only the parse pass it by
    (`syntax.parsed_sentences`)."""
    array = numpy.zeros((len(doc), len(PARSE_ATTRS)), dtype="uint64")
    root = doc.vocab.strings.add("ROOT")
    dep = PARSE_ATTRS.index(DEP)
    for start, end, parse in plan.chunks():
        if parse:
            array[start:end] = next(parsed).to_array(PARSE_ATTRS)
    unparsed = bytearray(len(doc))
    for (start, end), parse in zip(plan.sentences, plan.parse):
        if not parse:
            array[start, dep] = root
            unparsed[start:end] = b"\x01" * (end - start)
    doc = doc.from_array(PARSE_ATTRS, array)
    doc._.set(UNPARSED, bytes(unparsed) if any(unparsed) else None)
    return doc
