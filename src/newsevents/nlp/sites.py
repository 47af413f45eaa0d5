"""Local sites no gazetteer lists: streets, buildings, stadiums, neighbourhoods, villages.

News names places far smaller than any town list ("the Fairmount Heights neighborhood of
Pittsburgh", "410 West Maple Street in Wichita", "Pittsburgh's Carnegie Arena"). Such
a name is found from spaCy's place entities (GPE, LOC, FAC) or from a capitalised name
ending in a word for a site ("Street", "Stadium", "Tower"), and it is placed only where
the text puts it: in the town named right after it ("X, Town", "X in Town", "the X
neighborhood of Town") or the town it belongs to ("Town's X"); the same name later in
the story is the same site. A site the text puts nowhere is left out: the nearest or the
most named town of the story is too often somewhere else.

A gazetteer name found only as a piece of a longer site name ("Newington" in "Lower
Hornby Newington", "Street" in "Maple Street") gives way to the site; one the site is named
after ("Dover" in "Dover Castle") stands for it unless the text places the site.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..records import Candidate, Where
from .doctext import doc_text
from .gazetteer import Gazetteer, fold

SITE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The last word of a capitalised name that makes it a site.
SITE_WORDS = frozenset("""
street st avenue ave road rd drive boulevard blvd lane way place square plaza park heights
center centre tower towers castle chapel cathedral church mosque temple hall stadium arena
airport bridge hospital prison jail mall market station terminal port harbour harbor
mountains mountain hills river lake bay beach island islands valley canyon forest camp
neighborhood neighbourhood village county township district quarter
""".split())
# Words that make a preceding capitalised word a direction, not part of a site's name.
DIRECTIONS = frozenset("""
north south east west northern southern eastern western central northeast northwest
southeast southwest upper lower greater
""".split())
# Places a site can lean on: towns and their subdivisions, not countries or seas.
LOCAL_FEATURES = frozenset({"city", "admin1", "admin2"})
CONTAINER_WORDS = frozenset("""
, in of near at outside the city town neighborhood neighbourhood district area county village
suburb section borough province region state
""".split())
_NOT_A_NAME = re.compile(r"^[\d\W]+$")


def _is_site_span(span: Span) -> bool:
    """A name: capitalised or a street number, not bare digits, not a short acronym."""
    text = span.text
    if _NOT_A_NAME.match(text) or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    return not (text.isupper() and len(text) <= 4)


def _site_word_names(doc: Doc, place_ends: set[int]) -> list[Span]:
    """Capitalised runs ending in a site word: "West Maple Street", "Carnegie Arena";
    a town's possessive ends the run ("Pittsburgh's Carnegie Arena")."""
    spans = []
    for token in doc:
        if token.lower_.rstrip(".") not in SITE_WORDS or not token.text[:1].isupper():
            continue
        start = token.i
        while start > 0 and doc[start - 1].sent == token.sent:
            previous = doc[start - 1]
            if previous.text in ("'s", "’s"):
                if start < 2 or doc[start - 2].idx + len(doc[start - 2].text) in place_ends:
                    break
            elif not (previous.text[:1].isupper() or previous.like_num):
                break
            start -= 1
        while start < token.i and doc[start].text in ("'s", "’s"):
            start += 1
        # A site word alone ("Street", "the Park") names nothing.
        if start < token.i and not (start == token.sent.start and token.i - start == 1
                                    and doc[start].lower_ in ("the",)):
            spans.append(doc[start:token.i + 1])
    return spans


def _candidate_spans(doc: Doc, places: list[Where]) -> list[Span]:
    spans = [ent for ent in doc.ents if ent.label_ in SITE_LABELS]
    spans += _site_word_names(doc, {p.char_end for p in places})
    spans = [_trim(span) for span in spans]
    spans = [s for s in spans if len(s) and _is_site_span(s)]
    # Longest first, then leftmost; no overlaps.
    spans.sort(key=lambda s: (-(s.end_char - s.start_char), s.start_char))
    taken: list[Span] = []
    for span in spans:
        if all(span.end <= t.start or span.start >= t.end for t in taken):
            taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def _inside(place: Where, site: Span) -> str | None:
    """How a gazetteer name sits inside a longer site name: "head" when the site is named
    after it ("Dover Castle"), "part" when it is a piece of another name ("Newington" in
    "Lower Hornby Newington", "Street" in "Maple Street"), None when the name stands on its own
    (the same span, "Northern Ireland", "Washington D.C.")."""
    if not (site.start_char <= place.char_start and place.char_end <= site.end_char):
        return None
    if (place.char_start, place.char_end) == (site.start_char, site.end_char):
        return None
    text = doc_text(site.doc)
    before = text[site.start_char:place.char_start].split()
    after = text[place.char_end:site.end_char].split()
    if before and all(w.lower() in DIRECTIONS for w in before) and not after:
        return None
    if after and not before:
        return "head" if after[-1].lower().rstrip(".") in SITE_WORDS else None
    return "part"


def _container(site: Span, places: list[Where]) -> Where | None:
    """The town a site is put in: "X, Town", "X in Town", "X of Town", "Town's X"."""
    doc = site.doc
    text = doc_text(doc)
    following = text[site.end_char:site.end_char + 40]
    preceding = text[max(0, site.start_char - 40):site.start_char]
    for place in places:
        if place.feature not in LOCAL_FEATURES:
            continue
        if 0 <= place.char_start - site.end_char <= 30:
            between = following[:place.char_start - site.end_char].strip().lower().split()
            if between and between[-1] in (",", "in", "of", "near", "at", "outside") and all(
                    w in CONTAINER_WORDS for w in between):
                return place
        if 0 <= site.start_char - place.char_end <= 4:
            gap = preceding[len(preceding) - (site.start_char - place.char_end):]
            if gap.strip() in ("'s", "’s", "'", "’", "-based"):
                return place
    return None


def find_sites(doc: Doc, places: list[Where], gazetteer: Gazetteer) -> list[Where]:
    """`places` with local sites added (and the gazetteer names they swallow removed),
    in text order."""
    sites = []
    swallowed: set[int] = set()
    placed: dict[str, Where] = {}
    for span in _candidate_spans(doc, places):
        overlapping = [i for i, p in enumerate(places)
                       if p.char_start < span.end_char and span.start_char < p.char_end]
        how = {i: _inside(places[i], span) for i in overlapping}
        if any(h is None for h in how.values()):
            continue
        if not overlapping and gazetteer.lookup(span.text):
            continue            # a gazetteer name the place finder chose to leave out
        container = _container(span, [p for i, p in enumerate(places) if i not in overlapping])
        if container is None and any(h == "head" for h in how.values()):
            continue            # the place found stands for it: "Dover Castle"
        anchor = container or placed.get(fold(span.text))
        if anchor is None or anchor.lat is None:
            continue
        parts = list(how)       # "Fairmount Heights neighborhood of Pittsburgh": not Fairmount
        placed.setdefault(fold(span.text), anchor)
        swallowed.update(parts)
        sites.append(Where(
            name=span.text, country=anchor.country, admin1=anchor.admin1, lat=anchor.lat,
            lon=anchor.lon, text=span.text, feature="site", char_start=span.start_char,
            char_end=span.end_char,
            candidates=(Candidate(key=f"near:{fold(anchor.name)}", label=f"in {anchor.name}",
                                  score=0.5),)))
    kept = [p for i, p in enumerate(places) if i not in swallowed]
    return sorted([*kept, *sites], key=lambda p: p.char_start)


__all__ = ["find_sites"]
