"""newsevents: source-attributed PLOVER event data from news articles.

`extract`, `extract_batch` and `default_pipeline` load spaCy, so they are
imported on first use: `import newsevents` stays quick for the CLI.
"""
from .errors import (DataError, InputError, ModelError, NewsEventsError, PipelineError,
                     RecordError, StoreError)
from .pipeline import Pipeline
from .records import (Actor, Article, Attribution, Candidate, Event, Evidence, Mention, Quantity,
                      When, Where)

_LAZY = {"extract", "extract_batch", "default_pipeline"}

__all__ = [
    "extract", "extract_batch", "default_pipeline", "Pipeline",
    "Article", "Actor", "Attribution", "Candidate", "Event", "Evidence", "Mention", "Quantity",
    "When", "Where",
    "NewsEventsError", "InputError", "RecordError", "PipelineError", "ModelError", "DataError",
    "StoreError",
]


def __getattr__(name: str):
    if name in _LAZY:
        from . import extraction
        return getattr(extraction, name)
    raise AttributeError(f"module 'newsevents' has no attribute {name!r}")
