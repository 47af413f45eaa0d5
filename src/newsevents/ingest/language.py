"""Language check: the pipeline reads English, so other languages are skipped and told.

py3langid's model ships inside the package (nothing is downloaded). Only the
languages with two-letter ISO 639-1 codes are considered, which keeps dialect
labels ("ext" for Spanish, "wuu" for Chinese) from splitting a language's score.
An article is skipped only when another language wins with probability at least
`CONFIDENT`: a short English text full of names ("Shoigu met Kim in Pyongyang.")
scores low for every language and is kept.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import RecordWarning
from ..records import Article

ENGLISH = "en"
CONFIDENT = 0.8
SAMPLE_CHARACTERS = 2000


@dataclass(frozen=True)
class Detected:
    language: str
    probability: float

    @property
    def is_english(self) -> bool:
        return self.language == ENGLISH or self.probability < CONFIDENT


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.labels if len(code) == 2])
    return identifier


def detect(text: str) -> Detected:
    language, probability = _identifier().classify(text[:SAMPLE_CHARACTERS])
    return Detected(language, float(probability))


class NotEnglish(RecordWarning):
    """An article skipped because it is confidently in another language."""


def screen(article: Article, source: str | None = None,
           line: int | None = None) -> Article | NotEnglish:
    """The article, or why it is skipped when another language is confidently detected."""
    found = detect(f"{article.title or ''}\n{article.text}")
    if found.is_english:
        return article
    return NotEnglish(f"article {describe(article)} is in language '{found.language}' "
                      f"(probability {found.probability:.2f}), not English; skipped",
                      source=source, line=line)


def describe(article: Article) -> str:
    """An article's id and the start of its title (or text), to name it in a message."""
    label = " ".join((article.title or article.text).split())
    label = label if len(label) <= 60 else label[:57] + "..."
    return f"{article.id} ({label!r})"
