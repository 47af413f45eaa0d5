"""Long articles in sections, so that work grows linearly with length.

An article of up to SECTION_CHARS characters is parsed whole, as one Doc. A
longer one is cut into sections at sentence ends (preferring paragraph
breaks), each parsed and run through the components on its own; the section
Docs are then joined into one Doc for the article and their records shifted
to the article's character offsets. spaCy's `max_length` is never reached.

A run of text with no sentence end for more than MAX_SENTENCE_TOKENS tokens
(an unpunctuated dump, a table flattened to one line) would make one huge
sentence: it is cut into pieces of at most that many tokens, each its own
section, with a warning. Articles longer than MAX_ARTICLE_CHARS are not
processed at all: readers report them as bad records.
"""
from __future__ import annotations

import logging
import re
import time
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from spacy.tokens import Doc

from .records import Article

SECTION_CHARS = 10_000
MAX_SENTENCE_TOKENS = 300
MAX_ARTICLE_CHARS = 10_000_000
# Seconds an article may take before its remaining sections are left unread.
ARTICLE_TIME_LIMIT = 600.0

log = logging.getLogger("newsevents")

# Where a sentence may end: after . ! ? (and closing quotes or brackets) before a space,
# or at a line break.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+|\n\s*")
# Roughly spaCy's tokens: runs of word characters, or single other characters.
_TOKEN = re.compile(r"\w+|[^\w\s]")
# Record fields holding character offsets into the article text, and sentence numbers.
CHAR_OFFSET_FIELDS = frozenset({"start", "end", "char_start", "char_end",
                                "trigger_start", "trigger_end"})
SENTENCE_FIELDS = frozenset({"sentence"})


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    cut: bool = False       # a piece of an over-long sentence


def split_sections(text: str, section_chars: int = SECTION_CHARS,
                   max_tokens: int = MAX_SENTENCE_TOKENS) -> list[Section]:
    """Contiguous sections covering `text`; one section when it is short and well punctuated."""
    units = list(_units(text, max_tokens))
    if len(text) <= section_chars and not any(u.cut for u in units):
        return [Section(0, len(text))]
    sections: list[Section] = []
    start = end = 0
    for unit in units:
        if unit.cut:
            if end > start:
                sections.append(Section(start, end))
            sections.append(unit)
            start = end = unit.end
            continue
        if end > start and unit.end - start > section_chars:
            cut = _paragraph_break(text, start, end)
            sections.append(Section(start, cut))
            start = cut
        end = unit.end
    if end > start:
        sections.append(Section(start, end))
    return sections


def _units(text: str, max_tokens: int) -> Iterator[Section]:
    """Sentence-like runs ending at a sentence end; over-long runs cut into pieces."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start:
            yield from _pieces(text, start, match.end(), max_tokens)
            start = match.end()
    if start < len(text):
        yield from _pieces(text, start, len(text), max_tokens)


def _pieces(text: str, start: int, end: int, max_tokens: int) -> Iterator[Section]:
    # Cheap test first: a run this short cannot hold more tokens than characters.
    if end - start <= max_tokens:
        yield Section(start, end)
        return
    tokens = [m.start() for m in _TOKEN.finditer(text, start, end)]
    if len(tokens) <= max_tokens and end - start <= max_tokens * 20:
        yield Section(start, end)
        return
    piece_start = start
    count = 0
    for index, token_start in enumerate(tokens):
        count += 1
        too_long = token_start - piece_start > max_tokens * 20
        if (count > max_tokens or too_long) and token_start > piece_start:
            cut = _space_before(text, piece_start, token_start)
            yield Section(piece_start, cut, cut=True)
            piece_start, count = cut, 1
    # A single giant token (an inline blob) is cut by characters.
    while end - piece_start > max_tokens * 20:
        cut = piece_start + max_tokens * 20
        yield Section(piece_start, cut, cut=True)
        piece_start = cut
    if end > piece_start:
        yield Section(piece_start, end, cut=True)


def _space_before(text: str, lo: int, position: int) -> int:
    """Cut just after the whitespace before `position`, so no word is split."""
    space = max(text.rfind(" ", lo, position), text.rfind("\n", lo, position))
    return space + 1 if space >= lo and space + 1 > lo else position


def _paragraph_break(text: str, start: int, end: int) -> int:
    """The last line break in the second half of [start, end), else `end`."""
    newline = text.rfind("\n", (start + end) // 2, end)
    return newline + 1 if newline > start else end


# --- feeding sections to spaCy and joining them again ------------------------------------

@dataclass
class Part:
    """One section of one article, as passed through nlp.pipe."""
    article: Article
    serial: int                 # which article of the run
    index: int
    count: int
    section: Section


def article_parts(articles: Iterable[Article],
                  time_limit: float = ARTICLE_TIME_LIMIT) -> Iterator[tuple[str, Part]]:
    """(text, Part) for each section; a slow article's remaining sections are dropped."""
    for serial, article in enumerate(articles):
        sections = split_sections(article.text)
        if len(sections) == 1:
            yield article.text, Part(article, serial, 0, 1, sections[0])
            continue
        pieces = sum(1 for s in sections if s.cut)
        if pieces:
            log.warning("article %s: text without sentence ends (%d characters) cut into %d "
                        "pieces of at most %d tokens", article.id,
                        sum(s.end - s.start for s in sections if s.cut), pieces,
                        MAX_SENTENCE_TOKENS)
        started = time.monotonic()
        for index, section in enumerate(sections):
            if index and time.monotonic() - started > time_limit:
                log.warning("article %s: time limit of %.0f s reached; events of the last "
                            "%d of %d sections (from character %d on) not extracted",
                            article.id, time_limit, len(sections) - index, len(sections),
                            section.start)
                break
            yield article.text[section.start:section.end], Part(article, serial, index,
                                                                len(sections), section)


class Assembler:
    """Collects the section Docs of each article and yields (article, Doc) when complete."""

    def __init__(self, attributes: Iterable[str]) -> None:
        self.attributes = [a for a in attributes if a != "article"]
        self._parts: list[tuple[Doc, Part]] = []

    def add(self, doc: Doc, part: Part) -> Iterator[tuple[Article, Doc]]:
        if part.count == 1:
            yield from self.finish()
            yield part.article, doc
            return
        if self._parts and self._parts[0][1].serial != part.serial:
            yield from self.finish()     # the previous article stopped short (time limit)
        self._parts.append((doc, part))
        if part.index == part.count - 1:
            yield from self.finish()

    def finish(self) -> Iterator[tuple[Article, Doc]]:
        if self._parts:
            parts, self._parts = self._parts, []
            yield parts[0][1].article, self._join(parts)

    def _join(self, parts: list[tuple[Doc, Part]]) -> Doc:
        docs = [doc for doc, _ in parts]
        with warnings.catch_warnings():
            # spaCy warns that Doc-level extensions are not merged: they are, below.
            warnings.simplefilter("ignore")
            joined = Doc.from_docs(docs, ensure_whitespace=False)
        joined._.article = parts[0][1].article
        sentences = 0
        shifted_values: dict[str, list | None] = {name: None for name in self.attributes}
        for doc, part in parts:
            for name in self.attributes:
                values = getattr(doc._, name)
                if values is None:
                    continue
                target = shifted_values[name]
                if target is None:
                    target = shifted_values[name] = []
                target.extend(shifted(v, part.section.start, sentences) for v in values)
            sentences += sum(1 for _ in doc.sents) if len(doc) else 0
        for name, values in shifted_values.items():
            setattr(joined._, name, values)
        return joined


def shifted(record: Any, chars: int, sentences: int = 0) -> Any:
    """A record (and the records in it) with offsets moved by `chars` and `sentences`."""
    if not is_dataclass(record) or (chars == 0 and sentences == 0):
        return record
    changes: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, bool):
            continue
        if f.name in CHAR_OFFSET_FIELDS and isinstance(value, int):
            if value >= 0:          # -1 means "no offset"
                changes[f.name] = value + chars
        elif f.name in SENTENCE_FIELDS and isinstance(value, int):
            changes[f.name] = value + sentences
        elif is_dataclass(value):
            changes[f.name] = shifted(value, chars, sentences)
        elif isinstance(value, tuple) and any(is_dataclass(v) for v in value):
            changes[f.name] = tuple(shifted(v, chars, sentences) for v in value)
    return replace(record, **changes) if changes else record
