"""Ordered pipeline components with declared contracts, run over spaCy Docs.

A component is a callable ``Doc -> Doc`` with a ``name``, the Doc attributes
it ``requires`` and those it ``assigns``. Attributes live on ``Doc._``:

    article     Article            set before any component runs
    mentions    list[Mention]      entities: named, described and referring mentions
    timexes     list[When]         time expressions resolved against the article date
    places      list[Where]        place names resolved to gazetteer entries
    quantities  list[Quantity]     numbers with what they count
    events      list[Event]        events, filled in stage by stage

``parse`` stands for spaCy's own sentences, tags, parse and NER.
``Pipeline`` refuses to build when a component needs what only a later one
assigns, so a wrong order fails at construction, not halfway through a batch.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from .errors import PipelineError
from .parsing import SelectiveParse, full_parse
from .records import Article, Event
from .sections import ARTICLE_TIME_LIMIT, Assembler, article_parts

DOC_ATTRIBUTES = ("article", "mentions", "timexes", "places", "quantities", "events")
PROVIDED = frozenset({"parse", "article"})


def register_doc_attributes() -> None:
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


@dataclass
class Pipeline:
    """spaCy's parse followed by newsevents components, checked for order."""
    nlp: Language
    components: Sequence[Component] = field(default_factory=tuple)
    batch_size: int = 16
    time_limit: float = ARTICLE_TIME_LIMIT     # seconds per article; see sections.py
    # Parse only the sentences the first pass selects (parsing.SelectiveParse).
    first_pass: bool = False

    def __post_init__(self) -> None:
        register_doc_attributes()
        available = set(PROVIDED)
        for component in self.components:
            missing = [r for r in component.requires if r not in available]
            if missing:
                later = [c.name for c in self.components if set(c.assigns) & set(missing)]
                hint = f" (assigned by {', '.join(later)}, which must come first)" if later else ""
                raise PipelineError(
                    f"component '{component.name}' requires {', '.join(missing)}, "
                    f"which nothing before it assigns{hint}")
            available.update(component.assigns)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def run(self, articles: Iterable[Article],
            every_sentence: bool = False) -> Iterator[tuple[Article, Doc]]:
        """Parse articles in batches with nlp.pipe, then run each component.

        Long articles go through in sections (sections.py) and come out as one Doc.
        `every_sentence` parses the whole text even when the pipeline has a first pass:
        `when` and `where` report every expression, not only those near events.
        """
        assembler = Assembler(DOC_ATTRIBUTES)
        parts = article_parts(articles, time_limit=self.time_limit)
        if self.first_pass and not every_sentence:
            parsed = self._selective_parse(parts)
        else:
            parsed = full_parse(self.nlp, parts, batch_size=self.batch_size)
        for doc, part in parsed:
            doc._.article = part.article if part.count == 1 else replace(
                part.article, text=doc.text)
            yield from assembler.add(self._components(doc), part)
        yield from assembler.finish()

    def _components(self, doc: Doc) -> Doc:
        for component in self.components:
            result = component(doc)
            if not isinstance(result, Doc):
                raise PipelineError(
                    f"component '{component.name}' returned {type(result).__name__}, not a Doc")
            doc = result
        return doc

    @cached_property
    def _selective_parse(self) -> SelectiveParse:
        return SelectiveParse(self.nlp)

    def events(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article, doc in self.run(articles):
            events = [e.with_id(article.key) for e in (doc._.events or [])]
            yield article, events
