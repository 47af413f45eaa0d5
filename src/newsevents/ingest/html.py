"""Saved web pages: the story's text without navigation, ads and footers, with its metadata.

trafilatura finds the main text on lxml's HTML parser, which repairs what browsers
repair (an unclosed <p> ends where the next begins, so no paragraph is read twice).
The publication date is the one the page declares in its metadata, read by the
rules of ingest/dates.py; a declared date that cannot be read is reported, never
replaced by a guess. Only when the page declares none is htmldate's reading of the
page's own date markup (without its search of the free text) taken.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from ..errors import RecordError, RecordWarning
from ..records import Article
from .dates import DateOrder, published_date
from .language import screen

# Metadata where publishers declare when a story was first published.
_DATE_META = ("article:published_time", "og:article:published_time", "datepublished",
              "pubdate", "publishdate", "publication_date", "dc.date", "dc.date.issued",
              "dcterms.created", "date")


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    # Short stories (a wire brief, a test page) are still stories: trafilatura's default
    # of 250 characters sends them to a cruder fallback that keeps menus.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def html_articles(content: bytes | str, source: str, published: date | None = None,
                  title: str | None = None, order: DateOrder = DateOrder.DAY_FIRST,
                  url: str | None = None) -> Iterator[Article | RecordError | RecordWarning]:
    """The page's article, with a warning first when its date is missing or unreadable."""
    try:
        article, warning = html_article(content, source, published, title, order, url)
    except RecordError as e:
        yield e
        return
    if warning is not None:
        yield warning
    yield screen(article, source)


def html_article(content: bytes | str, source: str, published: date | None = None,
                 title: str | None = None, order: DateOrder = DateOrder.DAY_FIRST,
                 url: str | None = None) -> tuple[Article, RecordWarning | None]:
    """Main text, title, outlet, URL and publication date of one page."""
    import trafilatura

    tree = trafilatura.load_html(content)
    if tree is None:
        raise RecordError("not an HTML page (nothing to parse)", source=source, field="text")
    declared = _declared_date(tree)
    document = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        deduplicate=False, config=_config())
    text = _body_text(document)
    page_title = _clean(document.title) if document is not None else None
    if not text:
        raise RecordError("no article text in the page", source=source, field="text")
    first, _, rest = text.partition("\n")
    if page_title and first.strip() == page_title and rest.strip():
        text = rest.strip()          # the headline is the title, not a sentence of the story
    value = declared if declared is not None else getattr(document, "date", None)
    day, warning = published_date(value, published, source, order=order)
    return Article(text=text, title=title or page_title, published=day,
                   outlet=_clean(getattr(document, "sitename", None)),
                   url=_clean(getattr(document, "url", None)) or url), warning


def _body_text(document) -> str:
    if document is None or not document.text:
        return ""
    lines = (" ".join(line.split()) for line in document.text.split("\n"))
    return "\n".join(line for line in lines if line)


def _declared_date(tree) -> str | None:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_META and (meta.get("content") or "").strip():
            return meta.get("content").strip()
    for tag in tree.iter("time"):
        if tag.get("pubdate") is not None or (tag.get("itemprop") or "").lower() == "datepublished":
            value = (tag.get("datetime") or tag.text_content() or "").strip()
            if value:
                return value
    return None


def _clean(value: str | None) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
