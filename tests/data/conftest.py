from datetime import date

import pytest

from newsevents.nlp.actors import ActorResolver
from newsevents.records import Article


@pytest.fixture(scope="session")
def resolve(pipeline):
    """The actors a phrase of an invented sentence stands for, as the extractor reads it."""
    def run(text, phrase, published=date(2025, 7, 13), occurrence=0):
        _, doc = next(pipeline.run([Article(text=text, published=published)]))
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        return ActorResolver(doc).actors_for(span.root)
    return run
