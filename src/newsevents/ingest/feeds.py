"""RSS and Atom feeds, from files or URLs, and web pages fetched by URL.

Each feed item is an article: its title, link, publication date (by the rules of
ingest/dates.py, so an RFC 822 date is read as written), the feed's title as outlet,
and as text the item's content or summary. With `fetch_pages` the item's linked page
is fetched and its main text taken instead; a page that cannot be fetched leaves the
item with its summary and a warning. Network failures are InputErrors that say the
host could not be reached, so an offline run fails clearly, naming the URL.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..errors import InputError, RecordError, RecordWarning
from ..records import Article
from .dates import published_date
from .language import screen
from .options import DEFAULT_OPTIONS, ReadOptions

Item = Article | RecordError | RecordWarning
USER_AGENT = "newsevents/0.1 (+https://github.com/openeventdata/PLOVER)"
FEED_TYPES = ("rss", "atom", "xml")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def http_client(options: ReadOptions = DEFAULT_OPTIONS):
    import httpx

    return httpx.Client(timeout=options.timeout, follow_redirects=True,
                        headers={"User-Agent": USER_AGENT})


def fetch(client, url: str, headers: dict[str, str] | None = None):
    """GET `url`; a network failure or an HTTP error status is an InputError naming it."""
    import httpx

    try:
        response = client.get(url, headers=headers or {})
    except httpx.TimeoutException as e:
        raise InputError(f"cannot fetch: timed out ({type(e).__name__})", source=url) from e
    except httpx.TransportError as e:
        raise InputError(f"cannot fetch: the host cannot be reached (offline, or the address "
                         f"is wrong): {e}", source=url) from e
    if response.status_code >= 400:
        raise InputError(f"cannot fetch: HTTP {response.status_code} {response.reason_phrase}",
                         source=url)
    return response


def read_url(url: str, options: ReadOptions = DEFAULT_OPTIONS, published: date | None = None,
             title: str | None = None, client=None) -> Iterator[Item]:
    """A feed's items, or one article for a web page, by what the server sends."""
    own = client is None
    client = client or http_client(options)
    try:
        response = fetch(client, url)
        if looks_like_feed(response.content, response.headers.get("content-type", "")):
            yield from feed_articles(response.content, url, options, published, client)
        else:
            from .html import html_articles
            yield from html_articles(response.content, url, published, title,
                                     options.date_order, url=str(response.url))
    finally:
        if own:
            client.close()


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    if kind == "text/html":
        return False
    head = content[:1024].lstrip().lower()
    return head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf" in head


def feed_articles(content: bytes, source: str, options: ReadOptions = DEFAULT_OPTIONS,
                  published: date | None = None, client=None) -> Iterator[Item]:
    """Every item of an RSS or Atom document; a document that is no feed is an InputError."""
    import feedparser

    parsed = feedparser.parse(content)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
        raise InputError(f"not an RSS or Atom feed: {reason}", source=source)
    outlet = _clean(parsed.feed.get("title"))
    own = options.fetch_pages and client is None
    if own:
        client = http_client(options)
    try:
        for number, entry in enumerate(parsed.entries, start=1):
            yield from _entry_article(entry, number, source, outlet, options, published, client)
    finally:
        if own:
            client.close()


def _entry_article(entry, number: int, source: str, outlet: str | None, options: ReadOptions,
                   published: date | None, client) -> Iterator[Item]:
    where = f"{source} item {number}"
    title = _clean(entry.get("title"))
    link = _clean(entry.get("link"))
    text = _entry_text(entry)
    if options.fetch_pages and link:
        try:
            page_text = _page_text(client, link)
        except (InputError, RecordError) as e:
            if not text:
                yield RecordError(f"no text in the feed and the page cannot be read: {e}",
                                  source=where, field="link")
                return
            yield RecordWarning(f"page not read ({e}); the feed's summary is used",
                                source=where, field="link")
        else:
            text = page_text if len(page_text) > len(text) else text
    if not text:
        yield RecordError("no text (no content or summary in the item)", source=where,
                          field="description")
        return
    raw_date = entry.get("published") or entry.get("updated") or entry.get("dc_date")
    day, warning = published_date(raw_date, published, where, order=options.date_order)
    if warning:
        yield warning
    yield screen(Article(text=text, id=_clean(entry.get("id")) or "", title=title,
                         published=day, outlet=outlet, url=link), where)


def _entry_text(entry) -> str:
    for content in entry.get("content") or []:
        text = html_to_text(content.get("value") or "")
        if text:
            return text
    return html_to_text(entry.get("summary") or "")


def _page_text(client, url: str) -> str:
    from .html import html_article

    response = fetch(client, url)
    article, _ = html_article(response.content, url, url=str(response.url))
    return article.text


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed's summary), one line per paragraph."""
    import lxml.html

    if "<" not in fragment:
        return " ".join(fragment.split())
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:   # lxml raises ParserError or XMLSyntaxError for empty or broken input
        return ""
    for tag in root.iter(*_BLOCK_TAGS):
        tag.tail = "\n" + (tag.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
