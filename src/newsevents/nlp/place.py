"""Place names in a parsed article, resolved to gazetteer entries, and the place of each event.

`find_places` scans the Doc for the longest gazetteer names that start with a
capitalised word, keeps those that look like places (spaCy calls them GPE, LOC
or FAC, a location preposition stands before them, or the name is a country,
subdivision, curated feature or a major city), then ranks each name's readings
by the countries the article is about, population, kind of place and a
following qualifier ("Alexandria, Virginia"). Every reading is kept as a
Candidate, with an explicit "none" that wins when the best reading is weak.
"""
from __future__ import annotations

import math
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..records import NONE_CANDIDATE, Candidate, Event, Where
from .gazetteer import (ABBREV, ALT, DEMONYM, NAME, Gazetteer, Place, fold, haversine_km,
                        load_common_words, load_gazetteer, same_subdivision, small_towns)
from .doctext import doc_text
from .sites import find_sites

MAX_NAME_TOKENS = 7
MAJOR_CITY = 200_000
LOCATION_PREPOSITIONS = frozenset("""
in at near to into outside inside across along off from around within toward towards
throughout through over via between beyond
""".split())
PLACE_NOUNS = frozenset("""
city town village capital port region province state district county area border
outskirts suburb suburbs neighbourhood neighborhood
""".split())
# Nouns a town's name modifies when it stands for the town: "the Cairns police", "Leeds
# City Council", "Burnley Mayor Ann Smith", "the Selby area".
LOCAL_NOUNS = frozenset("""
police council mayor airport court courts hospital residents resident area district region
county township municipality station harbour harbor port suburb suburbs neighbourhood
neighborhood townspeople sheriff fire firefighters prosecutor prosecutors magistrates
""".split())
SPEECH_VERBS = frozenset("said says told added noted warned argued stated".split())
NONE_SCORE = 0.55
NEARBY_BONUS = 0.4       # a reading near another town the article names
# "Oaxaca" alone is the state; its capital is "Oaxaca City" (a city of millions still
# wins: "New York").
NAMESAKE_PENALTY = 0.1
GOVERNMENT_BONUS = 0.3   # a state or province, not its namesake city, has a government
# Nouns of a state's or province's own government: "the Quebec government", "Sindh's chief
# minister", "Bavarian premier" (titles in between are skipped: "Quebec Health Minister").
GOVERNMENT_NOUNS = frozenset("""
government premier governor legislature minister ministry parliament assembly cabinet
""".split())


@dataclass(frozen=True)
class NameMatch:
    """A stretch of tokens that names something in the gazetteer."""
    span: Span
    readings: tuple[tuple[Place, str], ...]

    @property
    def text(self) -> str:
        return self.span.text


# --- finding names ----------------------------------------------------------------------

def _starts_like_a_name(token: Token) -> bool:
    return token.text[:1].isupper()


def _scan(doc: Doc, gazetteer: Gazetteer) -> list[NameMatch]:
    """Longest gazetteer names beginning at capitalised tokens, left to right."""
    matches = []
    text = doc_text(doc)  # Doc.text joins every token on each call: read it once
    i = 0
    while i < len(doc):
        token = doc[i]
        if not _starts_like_a_name(token):
            i += 1
            continue
        found = None
        for j in range(min(len(doc), i + MAX_NAME_TOKENS), i, -1):
            last = doc[j - 1]
            if last.is_punct and last.text not in (".",) or last.is_space:
                continue
            readings = gazetteer.lookup(text[token.idx:last.idx + len(last.text)])
            if readings:
                found = NameMatch(doc[i:j], tuple(readings))
                break
        if found is None:
            i += 1
            continue
        matches.append(found)
        i = found.span.end
    return matches


def _previous_word(span: Span) -> Token | None:
    """The word before a name, skipping "the" and adjectives: "in the eastern city of"."""
    doc = span.doc
    k = span.start - 1
    while k >= 0 and (doc[k].lower_ in ("the", "a", "an") or doc[k].pos_ in ("ADJ", "NUM")):
        k -= 1
    return doc[k] if k >= 0 else None


def _has_location_context(match: NameMatch) -> bool:
    span = match.span
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in LOCAL_NOUNS:
        return True
    before = _previous_word(span)
    if before is None:
        return False
    if before.lower_ in LOCATION_PREPOSITIONS:
        return True
    # "the city of X", "the town of X"
    if before.lower_ == "of" and before.i > 0 and span.doc[before.i - 1].lower_ in PLACE_NOUNS:
        return True
    # "Alexandria, Virginia": the part after the comma
    return before.text == "," and before.i > 0 and span.doc[before.i - 1].ent_type_ == "GPE"


def _is_place_entity(span: Span) -> bool:
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span)


def _inside_person(span: Span) -> bool:
    return any(t.ent_type_ == "PERSON" for t in span)


def _alone_in_person_entity(span: Span) -> bool:
    ents = [e for e in span.doc.ents if e.label_ == "PERSON" and e.start <= span.start < e.end]
    return all(e.start == span.start and e.end == span.end for e in ents)


def _is_strong(place: Place) -> bool:
    return (place.feature in ("country", "admin1", "feature", "continent")
            or (place.feature == "admin2" and not _second_level(place))
            or place.population >= MAJOR_CITY or place.capital)


def _second_level(place: Place) -> bool:
    """An ISO second-level division ("Kent", "Nord"): named bare, unlike "Laurel County",
    so it needs the same support in the text as a small town."""
    return place.feature == "admin2" and place.key.startswith("adm:")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return load_common_words()


def _keep_readings(match: NameMatch) -> tuple[tuple[Place, str], ...]:
    """Drop readings the text does not support; an empty result means "not a place"."""
    span = match.span
    place_entity = _is_place_entity(span)
    context = _has_location_context(match)
    multiword = sum(1 for t in span if t.is_alpha) >= 2
    after = span.doc[span.end] if span.end < len(span.doc) else None
    said_after = after is not None and after.lower_ in SPEECH_VERBS
    if _inside_person(span) and not place_entity:
        # "Kim said", "Georgia Smith": a person's name; only an explicit location survives,
        # or a major city the model alone calls a person ("shelled Kharkiv").
        if not context and not (_alone_in_person_entity(span) and not said_after and any(
                _is_strong(p) for p, _ in match.readings)):
            return ()
    common = fold(span.text) in _common_words() and len(span) == 1
    named_area = any(k != ALT and p.feature in ("country", "feature", "continent", "admin1")
                     for p, k in match.readings)
    kept = []
    for place, kind in match.readings:
        if named_area and kind == ALT and place.feature == "city":
            continue  # "Africa" is the continent, not Mahdia's old name; "Missouri" the state
        if kind == DEMONYM:
            # "Turkish", "Russians": a place mention, but never a lower-case word.
            kept.append((place, kind))
            continue
        if kind == ABBREV and not (span.text.replace(".", "").isupper()):
            continue
        if place.feature == "city" or _second_level(place):
            weak = not _is_strong(place) or common
            if weak and not (place_entity or context or multiword):
                continue
            if common and not place_entity:
                continue
            if said_after and not place_entity and not _is_strong(place):
                continue
        kept.append((place, kind))
    if any(p.feature == "city" and _is_strong(p) and not common for p, _ in kept):
        # The name is taken as a town: its smaller namesakes stay candidates, for the
        # article's countries, states and nearby towns to choose among.
        kept += [(p, k) for p, k in match.readings
                 if (p.feature == "city" or _second_level(p)) and not _is_strong(p)
                 and k in (NAME, ALT) and (p, k) not in kept]
    return tuple(kept)


_LIST_WORDS = frozenset({",", "and", "or"})


def _listed_with_a_place(scanned: list[NameMatch], kept: list[tuple], position: int) -> bool:
    """"Hilversum and Almelo", "Nitra, Presov and Kosice": a name listed next to a place."""
    span = scanned[position].span
    doc = span.doc
    for other in (position - 1, position + 1):
        if not 0 <= other < len(scanned) or not kept[other]:
            continue
        neighbour = scanned[other].span
        between = doc[neighbour.end:span.start] if other < position else doc[span.end:neighbour.start]
        if 1 <= len(between) <= 2 and all(t.lower_ in _LIST_WORDS for t in between) \
                and any(p.feature in ("city", "admin1", "admin2") for p, _ in kept[other]):
            return True
    return False


def _may_repeat_a_place(span: Span) -> bool:
    """Not part of a longer personal name ("Jordan" in "Michael Jordan") nor speaking ("Mackay said")."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in SPEECH_VERBS:
        return False
    return not _inside_person(span) or _alone_in_person_entity(span)


def _listed_readings(match: NameMatch) -> tuple[tuple[Place, str], ...]:
    """The town readings of a name taken for its place in a list; not for common words or people."""
    span = match.span
    if _inside_person(span) or (fold(span.text) in _common_words() and len(span) == 1):
        return ()
    return tuple((p, k) for p, k in match.readings if p.feature == "city" and k in (NAME, ALT))


# --- resolving ------------------------------------------------------------------------------

def _prior(place: Place, kind: str) -> float:
    if place.feature == "country":
        score = 1.0
    elif place.feature in ("feature", "continent"):
        score = 0.9
    elif place.feature == "admin1":
        score = 0.7
    elif place.feature == "admin2":
        score = 0.6
    else:
        score = 0.15 + 0.1 * math.log10(max(place.population, 10))
        if place.capital:
            score += 0.15
    if kind == ALT:
        score -= 0.1
    return score


def _article_countries(doc: Doc, matches: list[NameMatch]) -> dict[str, float]:
    """How much the article is about each country, 0..1, from its mentions and unambiguous names."""
    counts: Counter[str] = Counter()
    for mention in getattr(doc._, "mentions", None) or []:
        if mention.actor is not None and mention.actor.country:
            counts[mention.actor.country] += 1
    for match in matches:
        if all(p.key.startswith("town:") for p, _ in match.readings):
            continue        # a town only GeoNames' long list knows vouches for no country
        countries = {p.country for p, _ in match.readings if p.country}
        strong = [p for p, _ in match.readings if p.feature in ("country", "admin1", "feature")]
        if len(countries) == 1:
            counts[next(iter(countries))] += 1
        elif strong:
            for place in strong:
                if place.country:
                    counts[place.country] += 0.5
    if not counts:
        return {}
    top = max(counts.values())
    return {country: count / top for country, count in counts.items()}


def _named_subdivision(match: NameMatch) -> str | None:
    """The first-level subdivision a name names outright ("Ky.", "Kentucky"); None for a
    name that may also be a country ("Georgia") or a place elsewhere ("Washington")."""
    if not any(p.feature == "admin1" for p, _ in match.readings):
        return None
    named = {p.admin1 if p.feature != "country" else None
             for p, kind in match.readings if kind != ALT or p.feature == "admin1"}
    return next(iter(named)) if len(named) == 1 else None


def _article_subdivisions(named: list[str | None], names: list[str], leave_out: int) -> dict[str, float]:
    """How much the article is about each first-level subdivision, 0..1, from the
    subdivisions its other names name outright (a name does not vouch for itself, nor do
    its repeats: "Oaxaca" said three times does not make Oaxaca the city)."""
    own = names[leave_out]
    counts: Counter[str] = Counter(n for n, name in zip(named, names) if n and name != own)
    if not counts:
        return {}
    top = max(counts.values())
    return {admin1: count / top for admin1, count in counts.items()}


def _qualifier(matches: list[NameMatch], position: int) -> tuple[set[str], set[str]]:
    """Countries and subdivisions named right after a comma: "Alexandria, Virginia"."""
    match = matches[position]
    if position + 1 >= len(matches):
        return set(), set()
    following = matches[position + 1]
    doc = match.span.doc
    if following.span.start != match.span.end + 1 or doc[match.span.end].text != ",":
        return set(), set()
    countries = {p.country for p, _ in following.readings
                 if p.feature in ("country", "admin1") and p.country}
    admin1 = {p.name for p, _ in following.readings if p.feature == "admin1"}
    return countries, admin1


def _qualifies(matches: list[NameMatch], position: int) -> tuple[set[str], set[str]]:
    """The qualifier after a name, when it ends the phrase: "Richmond, Virginia," but not
    "in Tbilisi, Georgia's president" nor "in Moscow, Georgia said"."""
    countries, admin1 = _qualifier(matches, position)
    if not countries and not admin1:
        return countries, admin1
    following = matches[position + 1].span
    doc = following.doc
    after = doc[following.end] if following.end < len(doc) else None
    if after is not None and (after.tag_ == "POS" or after.pos_ in ("VERB", "AUX")):
        return set(), set()
    return countries, admin1


def _in_qualifier(place: Place, countries: set[str], admin1: set[str]) -> bool:
    if admin1:
        return any(same_subdivision(place.admin1, name) for name in admin1)
    return place.country in countries


def _qualified_towns(doc: Doc, matches: list[NameMatch]) -> list[NameMatch]:
    """"Richmond, Virginia" is the Richmond in Virginia; when the index knows no town of that
    name there, GeoNames' smaller towns may ("Edmonton, Ky.", and names the index lacks)."""
    out = list(matches)
    for position, match in enumerate(matches):
        countries, admin1 = _qualifies(matches, position)
        if not countries and not admin1 or any(p.feature == "country" for p, _ in match.readings):
            continue
        inside = tuple((p, k) for p, k in match.readings
                       if p.feature in ("city", "admin2") and _in_qualifier(p, countries, admin1))
        if not inside:
            inside = tuple((p, NAME) for p in small_towns().get(fold(match.text), ())
                           if _in_qualifier(p, countries, admin1))
        if inside:
            out[position] = NameMatch(match.span, inside)
    out += _small_towns_in_context(doc, matches)
    starts = {m.span.start for m in matches}
    for position, qualifier in enumerate(matches):
        comma = qualifier.span.start - 1
        if comma < 1 or doc[comma].text != "," or position and matches[position - 1].span.end > comma - 1:
            continue
        start = comma
        while start > 0 and comma - start < 3 and doc[start - 1].is_alpha \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].sent == doc[comma].sent:
            start -= 1
        if start == comma or start in starts:
            continue
        unknown = NameMatch(doc[start:comma], ())
        countries, admin1 = _qualifies([unknown, qualifier], 0)
        if not countries and not admin1:
            continue
        towns = tuple((p, NAME) for p in small_towns().get(fold(unknown.text), ())
                      if _in_qualifier(p, countries, admin1))
        if towns:
            out.append(NameMatch(unknown.span, towns))
    return sorted(out, key=lambda m: m.span.start)


def _small_towns_in_context(doc: Doc, matches: list[NameMatch]) -> list[NameMatch]:
    """Place names the model sees after a location preposition ("stuck in Samos") that the
    index lacks, with GeoNames' smaller towns of that name as readings: resolution keeps
    one only where the article is about its country."""
    taken = {t for m in matches for t in range(m.span.start, m.span.end)}
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC") or any(t in taken for t in range(ent.start, ent.end)):
            continue
        towns = small_towns().get(fold(ent.text), ())
        if towns and _has_location_context(NameMatch(ent, ())):
            found.append(NameMatch(ent, tuple((p, NAME) for p in towns)))
    return found


def _label(place: Place) -> str:
    parts = [place.name]
    if place.admin1 and place.admin1 != place.name:
        parts.append(place.admin1)
    if place.country:
        parts.append(place.country)
    return ", ".join(parts)


def _names_a_government(span: Span) -> bool:
    doc = span.doc
    k = span.end
    if k < len(doc) and doc[k].tag_ == "POS":
        k += 1
    for _ in range(3):
        if k >= len(doc):
            return False
        if doc[k].lower_ in GOVERNMENT_NOUNS:
            return True
        if not doc[k].text[:1].isupper():
            return False
        k += 1
    return False


def _score(place: Place, kind: str, about: dict[str, float], qualifier: tuple[set[str], set[str]],
           place_entity: bool, about_admin1: dict[str, float] | None = None) -> float:
    score = _prior(place, kind)
    if place.country and place.country in about:
        score += 0.5 * about[place.country]
    if about_admin1 and place.feature in ("city", "admin2") and place.admin1 in about_admin1:
        # local news: "Glasgow" in a story from Kentucky is Glasgow, Kentucky
        score += 0.4 * about_admin1[place.admin1]
    countries, admin1 = qualifier
    if place.feature != "country" and (place.admin1 in admin1 or
                                       (countries and place.country in countries)):
        score += 0.6 if place.admin1 in admin1 else 0.4
    if place_entity:
        score += 0.1
    return score


def _resolve(match: NameMatch, readings: tuple[tuple[Place, str], ...], about: dict[str, float],
             qualifier: tuple[set[str], set[str]],
             about_admin1: dict[str, float] | None = None,
             nearby: frozenset[str] = frozenset()) -> Where | None:
    place_entity = _is_place_entity(match.span)
    governed = _names_a_government(match.span)
    subdivisions = {p.name for p, k in readings if p.feature == "admin1" and k == NAME}
    scored = sorted(((_score(p, k, about, qualifier, place_entity, about_admin1)
                      + (NEARBY_BONUS if p.key in nearby else 0.0)
                      + (GOVERNMENT_BONUS if governed and p.feature == "admin1" else 0.0)
                      - (NAMESAKE_PENALTY if p.feature == "city" and p.admin1 in subdivisions
                         else 0.0), p)
                     for p, k in readings),
                    key=lambda pair: (-pair[0], -pair[1].population, pair[1].key))
    candidates = [Candidate(key=p.key, label=_label(p), score=s) for s, p in scored[:5]]
    candidates.append(Candidate(key=NONE_CANDIDATE, label="not a place", score=NONE_SCORE))
    candidates.sort(key=lambda c: -c.score)
    best_score, best = scored[0]
    if best_score < NONE_SCORE:
        return None
    return Where(name=best.name, country=best.country, admin1=best.admin1, lat=best.lat,
                 lon=best.lon, text=match.text, geonameid=best.geonameid,
                 feature="feature" if best.feature == "continent" else best.feature,
                 char_start=match.span.start_char, char_end=match.span.end_char,
                 candidates=tuple(candidates))


def find_places(doc: Doc, gazetteer: Gazetteer | None = None) -> list[Where]:
    """Every place mention in the Doc, in text order, resolved to a gazetteer entry."""
    gazetteer = gazetteer or load_gazetteer()
    scanned = _scan(doc, gazetteer)
    kept = [_keep_readings(match) for match in scanned]
    matches = []
    # Words of the article's longer personal names: "Lincoln" after "Abe Lincoln" is him.
    people = {fold(t.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
              for t in ent}
    taken_as_place = {}
    for match, readings in zip(scanned, kept):
        name = fold(match.text)
        if readings and name not in people and any(k == NAME for _, k in readings):
            taken_as_place.setdefault(name, readings)
    for position, (match, readings) in enumerate(zip(scanned, kept)):
        if not readings and _listed_with_a_place(scanned, kept, position):
            readings = _listed_readings(match)
        if not readings and _may_repeat_a_place(match.span):
            # One sense per article: "the Mackay traders" are of the Mackay named before.
            readings = taken_as_place.get(fold(match.text), ())
        if readings:
            matches.append(NameMatch(match.span, readings))
    matches = _qualified_towns(doc, matches)
    about = _article_countries(doc, matches)
    named = [_named_subdivision(match) for match in matches]
    folded = [fold(match.text) for match in matches]
    about_admin1 = [_article_subdivisions(named, folded, position) for position in range(len(matches))]
    qualifiers = [_qualifies(matches, position) for position in range(len(matches))]
    first = [_resolve(match, match.readings, about, qualifiers[position], about_admin1[position])
             for position, match in enumerate(matches)]
    places = []
    # Each town once: a long article names the same towns many times.
    anchors = {(fold(w.text), w.lat, w.lon) for w in first
               if w is not None and w.feature in ("city", "admin2") and w.lat is not None}
    for position, match in enumerate(matches):
        where = first[position]
        if where is not None and len(match.readings) > 1:
            nearby = _near_other_places(match, anchors)
            if nearby:
                where = _resolve(match, match.readings, about, qualifiers[position],
                                 about_admin1[position], nearby)
        if where is not None:
            places.append(where)
    return find_sites(doc, places, gazetteer)


NEARBY_KM = 80.0


def _near_other_places(match: NameMatch,
                       towns: set[tuple[str, float, float]]) -> frozenset[str]:
    """Keys of a name's readings that lie near a town or county the article names under
    another name (`towns`: folded name, lat, lon): "Edmonton, just outside Cairns" is the
    Edmonton by Cairns."""
    name = fold(match.text)
    anchors = {(lat, lon) for text, lat, lon in towns if text != name}
    near = set()
    for place, _ in match.readings:
        if place.lat is None or place.feature not in ("city", "admin2"):
            continue
        if any(haversine_km(place.lat, place.lon, lat, lon) <= NEARBY_KM for lat, lon in anchors):
            near.add(place.key)
    return frozenset(near)


class PlaceTagger:
    """Pipeline component: fills doc._.places."""
    name = "places"
    requires = ("parse", "article")
    assigns = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        doc._.places = find_places(doc, self._gazetteer)
        return doc


def place_report(doc: Doc) -> list[dict]:
    """Rows for `newsevents where`: each place mention with its resolution."""
    places = doc._.places if doc.has_extension("places") and doc._.places is not None \
        else find_places(doc)
    return [{"text": p.text, "start": p.char_start, "end": p.char_end, "name": p.name,
             "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
             "geonameid": p.geonameid} for p in places]


# --- the place of each event ----------------------------------------------------------------

# Prepositions that put an event somewhere; "from" only for withdrawals ("pulled out of X").
EVENT_PREPOSITIONS = frozenset("""
in at near outside inside across along off around within throughout on over into to
""".split())
DEPARTURE_PREPOSITIONS = frozenset({"from", "of"})     # "withdrew from", "pulled out of"
MOTION_ONLY = frozenset({"to", "into"})                 # "deployed to X", not "envoy to X"
# Nouns whose "in X" names what they are about, not where the event happens:
# "support for Russia's war in Ukraine".
TOPIC_NOUNS = frozenset("""
war conflict crisis invasion offensive situation policy peace fighting violence aggression
interests presence role influence intervention relations ties sanctions aid support
""".split())
# Verbs of conflict whose object is a place: "attack the city of El Obeid", "shelled Kharkiv".
TARGET_VERBS = frozenset("""
attack strike shell bomb hit raid storm overrun capture seize take retake besiege encircle
invade occupy target enter
""".split())
# Clauses that stay the trigger's own: relative clauses and noun modifiers describe its
# participants; a complement or adverbial clause is another event.
OWN_CLAUSE = frozenset({"relcl", "acl", "amod", "prep", "pobj", "dobj", "nsubj", "nsubjpass",
                        "compound", "poss", "appos", "npadvmod", "attr", "det", "nummod",
                        "conj", "cc", "advmod", "agent", "dative", "oprd", "pcomp"})


def _clause_root(token: Token) -> Token:
    """The verb whose clause holds the trigger: the trigger itself when it is a verb."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _path_up(token: Token, root: Token) -> list[Token] | None:
    """Tokens from `token` up to `root` (exclusive), or None when root is not above it."""
    path = []
    current = token
    for _ in range(30):
        if current.i == root.i:
            return path
        path.append(current)
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _location_link(span: Span) -> tuple[Token, Token] | None:
    """The preposition introducing a place and the word it attaches to.

    Climbs through "the eastern port city of Wonsan" and "the French Embassy in
    Niamey" to the first location preposition above the name.
    """
    token = span.root
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ == "pobj" and head.dep_ in ("prep", "agent", "dative") or head.pos_ == "ADP":
            preposition = head
            word = preposition.lower_
            if word == "of" and preposition.head.lower_ == "out":
                return preposition, preposition.head.head          # "pulled out of X"
            if word in EVENT_PREPOSITIONS or word in DEPARTURE_PREPOSITIONS:
                if word == "of" and preposition.head.lower_ in PLACE_NOUNS:
                    token = preposition.head                        # "the city of X": go on up
                    continue
                return preposition, preposition.head
            return None
        if token.dep_ in ("compound", "appos", "nmod", "amod", "npadvmod") or token.pos_ == "PROPN":
            token = head
            continue
        return None
    return None


def _direct_target(span: Span, trigger: Token) -> bool:
    """A city or area attacked or seized: the object of the trigger verb."""
    root = span.root
    token = root
    for _ in range(3):
        if token.dep_ in ("dobj", "nsubjpass") and token.head.i == trigger.i:
            return trigger.lemma_.lower() in TARGET_VERBS
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in PLACE_NOUNS:
            token = token.head.head
            continue
        return False
    return False


ENVOYS = frozenset("ambassador ambassadors envoy envoys diplomat diplomats".split())


def _anchors(trigger: Token, root: Token) -> list[Token]:
    """Words whose modifiers place the event: the trigger, its clause verb, and the verb a
    coordinated or participial trigger hangs on ("forced their way in X and arrested")."""
    anchors = [trigger, root]
    if root.dep_ in ("conj", "amod") and root.head.i != root.i:
        anchors.append(root.head)
    return anchors


def _distance_to_clause(attach: Token, trigger: Token, root: Token) -> int | None:
    """Edges from the attachment word up to the trigger's clause, None when outside it."""
    for anchor in _anchors(trigger, root):
        path = _path_up(attach, anchor)
        if path is None:
            continue
        # Another verb in between means another clause, unless it is a relative clause or
        # a noun modifier describing one of the trigger's participants.
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("relcl", "acl") for t in path):
            continue
        if any(t.lemma_.lower() in TOPIC_NOUNS and t.i != trigger.i for t in path):
            continue
        return len(path)
    if attach.i == root.head.i and trigger.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return 1
    return None


def _capital_phrase(span: Span, place: Where, gazetteer: Gazetteer) -> tuple[Where, Span] | None:
    """"the Saudi capital", "Nepal's capital": the country's capital city."""
    head = span.root.head
    if place.feature != "country" or head.lemma_.lower() != "capital" or head.i < span.end - 1:
        return None
    index = gazetteer.capitals.get(place.country or "")
    if index is None:
        return None
    city = gazetteer.places[index]
    phrase = span.doc[span.start:head.i + 1]
    where = Where(name=city.name, country=city.country, admin1=city.admin1, lat=city.lat,
                  lon=city.lon, text=phrase.text, geonameid=city.geonameid, feature="city",
                  char_start=phrase.start_char, char_end=phrase.end_char,
                  candidates=(Candidate(key=city.key, label=_label(city), score=1.0),))
    return where, span.doc[head.i:head.i + 1]


def event_place(event: Event, doc: Doc, places: list[Where], gazetteer: Gazetteer) -> Where | None:
    """The place governing the event's clause, from the same sentence only."""
    trigger_span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger_span is None or len(trigger_span) == 0:
        return None
    trigger = trigger_span.root
    root = _clause_root(trigger)
    sentence = trigger.sent
    withdrawal = event.type == "RETREAT"
    best: tuple[int, int, Where] | None = None
    for place in places:
        if not (sentence.start_char <= place.char_start < sentence.end_char):
            continue
        span = doc.char_span(place.char_start, place.char_end, alignment_mode="expand")
        if span is None:
            continue
        capital = _capital_phrase(span, place, gazetteer)
        if capital is not None:
            place, span = capital
        elif gazetteer.is_demonym(place.text):
            continue
        if any(t.dep_ == "poss" or t.tag_ == "POS" for t in (span.root, *span.root.children)) \
                and span.root.dep_ == "poss":
            continue                                       # "Russia's forces": an actor, not a place
        distance = None
        link = _location_link(span)
        if link is not None:
            preposition, attach = link
            word = preposition.lower_
            if word in DEPARTURE_PREPOSITIONS and not withdrawal:
                link = None
            elif word in MOTION_ONLY and (attach.pos_ not in ("VERB", "AUX") or any(
                    c.dep_ == "dobj" and c.lower_ in ENVOYS for c in attach.children)):
                link = None                     # "its envoy to Mali", "recalled its ambassador to X"
            elif word in ("on", "over") and preposition.i + 1 >= span.start and \
                    span.root.head.i == preposition.i:
                link = None                     # "sanctions on Damascus": a target, not a location
            else:
                distance = _distance_to_clause(attach, trigger, root)
        if distance is None and place.feature != "country" and _direct_target(span, trigger):
            distance = 0
        if distance is None:
            continue
        key = (distance, abs(place.char_start - event.trigger_start))
        if best is None or key < best[:2]:
            best = (*key, place)
    return best[2] if best else None


class EventPlaces:
    """Pipeline component: sets each event's `place` from the places of its sentence."""
    name = "event_places"
    requires = ("events", "places")
    assigns = ("events",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events or []
        if not events:
            return doc
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        places = doc._.places or []
        filed_at = dateline_place(doc, places)
        placed = []
        for ev in events:
            if ev.place is None:
                place = event_place(ev, doc, places, self._gazetteer)
                if place is None and ev.type in PHYSICAL_TYPES:
                    place = _only_town_in_sentence(ev, doc, places)
                if place is None and filed_at is not None and _domestic(ev, filed_at):
                    place = replace(filed_at, candidates=(
                        Candidate(key="dateline", label=f"dateline: {filed_at.name}", score=0.5),
                        Candidate(key="none", label="none", score=0.4)))
                ev = replace(ev, place=place)
            placed.append(ev)
        doc._.events = placed
        return doc


def dateline_place(doc: Doc, places: list[Where]) -> Where | None:
    """The city a story was filed from ("TBILISI, Georgia — ..."), if it has a dateline."""
    from .entities import dateline_end
    end = dateline_end(doc_text(doc))
    for place in places:
        if place.char_start < end and place.feature == "city":
            return place
    return None


# Events that happen at a spot on the ground, as opposed to statements and decisions.
PHYSICAL_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})


def _only_town_in_sentence(event: Event, doc: Doc, places: list[Where]) -> Where | None:
    """A physical event whose sentence names exactly one town or feature happened there
    ("troops fired on a crowd trying to storm the depot in the town of Juliaca")."""
    trigger = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger is None or len(trigger) == 0:
        return None
    sentence = trigger.root.sent
    towns = [p for p in places if sentence.start_char <= p.char_start < sentence.end_char
             and p.feature in ("city", "feature", "admin1", "admin2")]
    if len({p.name for p in towns}) != 1:
        return None
    town = towns[0]
    span = doc.char_span(town.char_start, town.char_end, alignment_mode="expand")
    if span is None or (span.root.dep_ in ("nsubj", "nsubjpass", "poss", "compound")
                        and span.root.head.i == trigger.root.i):
        return None                                   # "Pyongyang supplied ...": an actor
    return replace(town, candidates=(Candidate(key="sentence", label=f"in sentence: {town.name}",
                                               score=0.5), Candidate(key="none", label="none", score=0.4)))


def _domestic(event: Event, filed_at: Where) -> bool:
    """A home event with no place of its own happened where the story was filed: police,
    protesters and governments acting in their own country ("riot police fired water cannon",
    "the ministry rejected the claims" under a Hanoi dateline). The candidates keep "none"."""
    countries = {a.country for a in event.actor}
    return countries == {filed_at.country} and event.modality == "asserted"


__all__ = ["find_places", "place_report", "event_place", "PlaceTagger", "EventPlaces"]
