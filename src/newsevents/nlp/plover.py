"""PLOVER type and mode -> CAMEO root code and conflict-cooperation score."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from ..data_files import read_yaml


@lru_cache(maxsize=1)
def _table() -> dict:
    return read_yaml("events", "plover.yaml")


def cameo_and_score(event_type: str, mode: str | None) -> tuple[str | None, float | None]:
    row = _table().get(event_type)
    if row is None:
        return None, None
    refined = (row.get("modes") or {}).get(mode or "")
    if refined:
        return refined["cameo"], refined["score"]
    return row["cameo"], row["score"]


class CameoCoder:
    name = "cameo"
    requires = ("events",)
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        coded = []
        for event in doc._.events or []:
            cameo, score = cameo_and_score(event.type, event.mode)
            coded.append(replace(event, cameo=cameo, score=score))
        doc._.events = coded
        return doc
