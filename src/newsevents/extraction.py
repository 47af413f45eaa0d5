"""The default pipeline and the plain functions over it: extract one article or many."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from .errors import InputError
from .nlp.actors import ActorResolution
from .nlp.attribution import AttributionFinder
from .nlp.entities import MentionFinder
from .nlp.events import EventCoder
from .nlp.modality import ModalityMarker, PromisesAsAgreements
from .nlp.model import load_spacy
from .nlp.place import EventPlaces, PlaceTagger
from .nlp.plover import CameoCoder
from .nlp.quantities import EventQuantities, QuantityTagger
from .nlp.time import EventDates, TimeTagger
from .pipeline import Pipeline
from .records import Article, Event


def default_components() -> list:
    return [
        MentionFinder(), PlaceTagger(), ActorResolution(), TimeTagger(), QuantityTagger(),
        EventCoder(), AttributionFinder(), ModalityMarker(), PromisesAsAgreements(), EventDates(), EventPlaces(),
        EventQuantities(), CameoCoder(),
    ]


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline(load_spacy(), default_components(), first_pass=True)


def _as_date(published: str | date | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published)
    except ValueError as e:
        raise InputError(f"published is not an ISO date: {published!r}", field="published") from e


def extract(text: str, published: str | date | None = None, title: str | None = None) -> list[Event]:
    """Events stated in one article's text, dates resolved against `published`."""
    article = Article(text=text, title=title, published=_as_date(published))
    for _, events in default_pipeline().events([article]):
        return events
    return []


def extract_batch(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """Events of many articles, parsed in batches."""
    return default_pipeline().events(articles)
