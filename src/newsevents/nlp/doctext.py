"""The text of a Doc, read once.

spaCy's `Doc.text` joins every token on each access, so reading it once per
event or per time expression makes an article's work grow with the square of
its length. `doc_text` keeps the joined text in `doc.user_data`.
"""
from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsevents.text"


def doc_text(doc: Doc) -> str:
    cached = doc.user_data.get(_KEY)
    # The token count guards against a cache copied into another Doc (Doc.from_docs).
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    text = doc.text
    doc.user_data[_KEY] = (len(doc), text)
    return text
