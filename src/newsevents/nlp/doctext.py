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


_LOWERS = "newsevents.lowers"


def token_lowers(doc: Doc) -> list[str]:
    """`token.lower_` of every token, by index: slicing a Doc makes a Token object per
    token, and the quantity reader looks up phrases at every token."""
    cached = doc.user_data.get(_LOWERS)
    if cached is not None and len(cached) == len(doc):
        return cached
    lowers = [t.lower_ for t in doc]
    doc.user_data[_LOWERS] = lowers
    return lowers
