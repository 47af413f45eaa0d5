"""newsevents: source-attributed PLOVER event data from news articles.

`extract`, `extract_batch` and `default_pipeline` load spaCy, so they are
imported on first use: `import newsevents` stays quick for the CLI. So is `Store`, the
notebook view of a database (frames.py): `newsevents.Store(path).timeline().plot()`.
"""
from .errors import (DataError, InputError, ModelError, NewsEventsError, PipelineError,
                     RecordError, StoreError)
from .pipeline import Pipeline
from .records import (Actor, Article, Attribution, Candidate, Event, Evidence, Mention, Quantity,
                      When, Where)

_LAZY = {"extract", "extract_batch", "default_pipeline"}

__all__ = [
    "extract", "extract_batch", "default_pipeline", "Pipeline", "Store",
    "Article", "Actor", "Attribution", "Candidate", "Event", "Evidence", "Mention", "Quantity",
    "When", "Where",
    "NewsEventsError", "InputError", "RecordError", "PipelineError", "ModelError", "DataError",
    "StoreError",
]


def __getattr__(name: str):
    if name == "Store":            # pandas and DuckDB load with it, not with the package
        from .frames import Store
        return Store
    if name in _LAZY:
        from . import extraction
        return getattr(extraction, name)
    raise AttributeError(f"module 'newsevents' has no attribute {name!r}")
