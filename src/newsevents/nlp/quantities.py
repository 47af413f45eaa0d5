"""How many: numbers with what they count, and which event each belongs to.

`find_quantities` reads each sentence left to right, token by token: an
optional qualifier ("at least", "some"), an optional currency sign ("$",
"C$"), an amount in digits or words ("6,000", "2.5 billion", "a dozen",
"tens of thousands"), an optional range end ("10-15", "between 10 and 20"),
then a percent sign, a currency word or the noun phrase counted. The parse is
used only to find the head of that noun phrase, its conjuncts and the verb
governing it ("killing 19 people" -> unit "people killed").

Vague plurals get fixed values, with qualifier null: dozens 24, scores 40,
hundreds 200, thousands 2,000, tens of thousands 20,000, hundreds of
thousands 200,000, millions 2,000,000 (the list is in data/quantities).

Skipped (see `SKIP_REASONS`): dates and years, clock times, ages, ordinals,
durations and distances ("18 months", "60 kilometers"), labels
("Resolution 2231"), numbers inside names, hyphenated modifiers
("a 30-day state of emergency"), spelled-out numbers after a definite
determiner ("the two leaders") and parenthetical conversions
("($54 billion)", "(40 miles)"), which restate the quantity before them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..data_files import read_yaml
from ..errors import DataError
from ..records import Event, Quantity
from .doctext import token_lowers
from .syntax import parsed_sentences, trigger_token

SKIP_REASONS = (
    "date", "time", "age", "duration-or-distance", "label", "name", "hyphen-modifier",
    "definite", "bare-word", "year",
)

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
DIGITS_WITH_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(bn|mn|mln|tn|trn|billion|million|thousand|trillion)$")
MONEY_SCALE_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(b|m|k)$")
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")

UNITS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * n for n, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "dozen": 12.0, "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12}
ABBREVIATED_SCALES = {"bn", "mn", "mln", "tn", "trn"}    # "5 bn", never "five bn"
MONEY_SCALES = {"m": 1e6, "b": 1e9, "k": 1e3}
SUFFIX_SCALES = {"bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12, "billion": 1e9,
                 "million": 1e6, "thousand": 1e3, "trillion": 1e12}
FEW = {"several": 3.0, "a few": 3.0, "a couple of": 2.0}
PERCENT_WORDS = ("%", "percent", "pct")
DEFINITE = {"the", "these", "those", "both", "all", "its", "their", "his", "her", "our", "your",
            "my", "whose"}
PARTITIVE_DETERMINERS = {"the", "these", "those", "their", "its", "his", "her", "our", "them"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART",
               "LANGUAGE"}
RANGE_WORDS = {"-", "–", "—", "to", "or"}
CASUALTY_PARTICIPLES = ("killed", "injured", "executed")


# ---------------------------------------------------------------- lexicon

@dataclass(frozen=True)
class Lexicon:
    qualifiers: dict[str, str]
    post_qualifiers: dict[str, str]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    currency_names: dict[str, str]
    skip_units: frozenset[str]
    time_suffixes: frozenset[str]
    label_words: frozenset[str]
    casualty_verbs: dict[str, str]
    casualty_adjectives: dict[str, str]
    vague: dict[str, float]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The curated word lists in data/quantities/lexicon.yaml."""
    return parse_lexicon(read_yaml("quantities", "lexicon.yaml"), "data/quantities/lexicon.yaml")


def parse_lexicon(raw: Any, path: str = "lexicon") -> Lexicon:
    """Check and convert the YAML mapping of word lists; DataError names what is wrong."""
    if not isinstance(raw, dict):
        raise DataError(f"{path}: the quantities lexicon must be a mapping")
    try:
        def mapping(key: str) -> dict[str, Any]:
            value = raw[key]
            if not isinstance(value, dict):
                raise DataError(f"{path}: '{key}' must be a mapping")
            return {str(k).lower(): v for k, v in value.items()}

        def words(key: str) -> frozenset[str]:
            value = raw[key]
            if not isinstance(value, list):
                raise DataError(f"{path}: '{key}' must be a list")
            return frozenset(str(v).lower() for v in value)

        return Lexicon(
            qualifiers=mapping("qualifiers"),
            post_qualifiers=mapping("post_qualifiers"),
            currency_symbols=mapping("currency_symbols"),
            currency_words=mapping("currency_words"),
            currency_names={str(k): str(v) for k, v in raw["currency_names"].items()},
            skip_units=words("skip_units"),
            time_suffixes=words("time_suffixes"),
            label_words=words("label_words"),
            casualty_verbs=mapping("casualty_verbs"),
            casualty_adjectives=mapping("casualty_adjectives"),
            vague={k: float(v) for k, v in mapping("vague").items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise DataError(f"{path}: malformed quantities lexicon ({e!r})") from e


# ---------------------------------------------------------------- amounts

@dataclass(frozen=True)
class _Amount:
    value: float
    end: int            # token index after the amount
    spelled: bool       # written in words ("seven"), not digits
    vague: bool         # "dozens", "thousands"
    scaled: bool        # a scale word followed the leading figure ("10 million")
    year_like: bool
    lead: float = 0.0   # the leading figure before any scale word


def _lower(doc: Doc, start: int, end: int) -> str:
    return " ".join(token_lowers(doc)[start:end])


def _first_words(table: dict[str, Any]) -> frozenset[str]:
    entry = _FIRST_WORDS.get(id(table))
    if entry is None or entry[0] is not table:
        entry = _FIRST_WORDS[id(table)] = (table, frozenset(p.split(" ")[0] for p in table))
    return entry[1]


_FIRST_WORDS: dict[int, tuple[dict[str, Any], frozenset[str]]] = {}


def _longest(doc: Doc, start: int, stop: int, table: dict[str, Any], longest: int = 4):
    """Longest phrase of `table` starting at token `start`: (value, end) or None."""
    # Most tokens start no phrase of the table: no phrase is joined for them.
    if start >= stop or token_lowers(doc)[start] not in _first_words(table):
        return None
    for n in range(min(longest, stop - start), 0, -1):
        phrase = _lower(doc, start, start + n)
        if phrase in table:
            return table[phrase], start + n
    return None


def _read_amount(doc: Doc, i: int, stop: int, money: bool) -> _Amount | None:
    """The number starting at token i, in digits, words or both."""
    lex = load_lexicon()
    tok = doc[i]
    low = tok.lower_
    vague = _longest(doc, i, stop, lex.vague)
    if vague:
        return _Amount(vague[0], vague[1], True, True, False, False)
    few = _longest(doc, i, stop, FEW, 3)
    if few and few[1] < stop and doc[few[1]].lower_ in ("hundred", "thousand", "million", "billion"):
        end = few[1] + 1
        if end < stop and doc[end].lower_ in ("thousand", "million"):
            return _Amount(few[0] * SCALES[doc[few[1]].lower_] * SCALES[doc[end].lower_],
                           end + 1, True, True, True, False)
        return _Amount(few[0] * SCALES[doc[few[1]].lower_], end, True, True, True, False)

    lead: float
    spelled = False
    j = i
    if DIGITS.match(tok.text):
        lead, j = float(tok.text.replace(",", "")), i + 1
    elif m := DIGITS_WITH_SCALE.match(low):
        return _Amount(float(m.group(1)) * SUFFIX_SCALES[m.group(2)], i + 1, False, False, True, False)
    elif money and (m := MONEY_SCALE_SUFFIX.match(low)):
        return _Amount(float(m.group(1)) * MONEY_SCALES[m.group(2)], i + 1, False, False, True, False)
    elif low in ("a", "an") and i + 1 < stop and doc[i + 1].lower_ in SCALES:
        lead, j, spelled = 1.0, i + 1, True
    elif low == "half" and i + 2 < stop and doc[i + 1].lower_ == "a" and doc[i + 2].lower_ in SCALES:
        lead, j, spelled = 0.5, i + 2, True
    elif low in UNITS or low in TENS:
        lead, j, spelled = 0.0, i, True
    else:
        return None

    # Words and scales after the lead: "twenty - five", "two hundred and fifty thousand".
    total, current, scaled = 0.0, lead, False
    first_figure = 0.0
    while j < stop:
        word = doc[j].lower_
        if spelled and word in UNITS and (j == i or doc[j - 1].lower_ in {*TENS, "-", "hundred", "and"}):
            current += UNITS[word]
        elif spelled and word in TENS and (j == i or doc[j - 1].lower_ in ("hundred", "and")):
            current += TENS[word]
        elif word in ("-", "and") and spelled and j + 1 < stop and doc[j + 1].lower_ in (
                UNITS if word == "-" else UNITS | TENS) \
                and doc[j - 1].lower_ in (TENS if word == "-" else {"hundred"}):
            pass
        elif word in SCALES and not (spelled and word in ABBREVIATED_SCALES):
            scale = SCALES[word]
            if not scaled:
                first_figure = current or 1.0
            if scale < 1e3:
                current = (current or 1.0) * scale
            else:
                total += (current or 1.0) * scale
                current = 0.0
            scaled = True
        elif money and not spelled and word in MONEY_SCALES and j == i + 1:
            first_figure = current or 1.0
            total += (current or 1.0) * MONEY_SCALES[word]
            current, scaled = 0.0, True
        else:
            break
        j += 1
    if j == i:
        return None
    year_like = not spelled and not scaled and bool(YEAR.match(tok.text))
    value = total + current
    return _Amount(value, j, spelled, False, scaled, year_like, first_figure if scaled else value)


# ---------------------------------------------------------------- noun phrases

def _np_token(tok: Token) -> bool:
    if tok.like_num or tok.pos_ == "NUM":
        return False
    if tok.pos_ in ("ADJ", "NOUN", "PROPN"):
        return True
    return tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound")


def _noun_phrase(doc: Doc, start: int, stop: int) -> tuple[int, Token] | None:
    """(end, head) of the noun phrase starting at `start`; English noun phrases end at their head.

    The run of adjectives and nouns stops before a date ("224 people Monday") and
    before a name that starts the next phrase ("5,000 troops Russia sent").
    """
    j = start
    while j < stop and (_np_token(doc[j]) or (
            doc[j].text in ("-", "–") and j > start and j + 1 < stop and _np_token(doc[j + 1]))):
        tok = doc[j]
        if j > start and tok.ent_type_ in ("DATE", "TIME"):
            break
        if j > start and tok.pos_ == "PROPN" and doc[j - 1].pos_ == "NOUN" \
                and not start <= tok.head.i < stop:
            break
        j += 1
    nouns = [t for t in doc[start:j] if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    return nouns[-1].i + 1, nouns[-1]


def _extend_conjuncts(doc: Doc, head: Token, end: int, stop: int) -> int:
    """Take in coordinated nouns without their own number: "shells and missiles"."""
    for conj in sorted((c for c in head.conjuncts if c.i >= end), key=lambda c: c.i):
        if conj.i >= stop or conj.pos_ not in ("NOUN", "PROPN") or conj.text[:1].isdigit():
            break
        between = doc[end:conj.i]
        if any(t.like_num or t.pos_ in ("NUM", "VERB", "ADP", "AUX") or t.tag_ == "$"
               or t.text == "(" for t in between):
            break
        if not any(t.lower_ in ("and", "or") for t in between):
            break
        if any(c.dep_ == "nummod" for c in conj.children):
            break
        end = conj.i + 1
    return end


def _skip_determiners(doc: Doc, j: int, stop: int) -> int:
    while j < stop and (doc[j].lower_ in PARTITIVE_DETERMINERS or doc[j].tag_ == "PRP$"):
        j += 1
    return j


def _casualty_participle(head: Token) -> str | None:
    lex = load_lexicon()
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    verb = node.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == node.i:
        return None
    participle = lex.casualty_verbs.get(verb.lemma_.lower())
    if participle is None:
        return None
    if node.dep_ in ("dobj", "nsubjpass") or (node.dep_ == "nsubj" and verb.lemma_ == "die"):
        return participle
    return None


# ---------------------------------------------------------------- the scanner

@dataclass(frozen=True)
class _Found:
    quantity: Quantity | None   # None when skipped
    next_index: int
    reason: str | None = None


def _qualifier_before(doc: Doc, start: int, floor: int) -> tuple[str | None, int]:
    lex = load_lexicon()
    for n in (3, 2, 1):
        if start - n >= floor:
            phrase = _lower(doc, start - n, start)
            if phrase in lex.qualifiers:
                return lex.qualifiers[phrase], start - n
    return None, start


def _skip_parenthesis(doc: Doc, j: int, stop: int) -> int:
    """Index after a "( ... )" starting at j, or j when there is none."""
    if j < stop and doc[j].text == "(":
        for k in range(j + 1, min(stop, j + 15)):
            if doc[k].text == ")":
                return k + 1
    return j


def _read_quantity(doc: Doc, i: int, sent: Span) -> _Found | None:
    lex = load_lexicon()
    stop = sent.end
    start, j, currency = i, i, None
    symbol = doc[i].lower_
    if symbol in lex.currency_symbols and i + 1 < stop and (
            doc[i].tag_ == "$" or not doc[i].is_alpha or doc[i].is_upper):
        currency, j = lex.currency_symbols[symbol], i + 1
    amount = _read_amount(doc, j, stop, money=currency is not None)
    if amount is None:
        return None
    value, value_max, end = amount.value, None, amount.end

    # A range: "10-15", "10 to 15 million", "between 10 and 20".
    between = start > sent.start and doc[start - 1].lower_ == "between"
    link = doc[end].lower_ if end < stop else ""
    from_before = start > sent.start and doc[start - 1].lower_ == "from"
    if (link in RANGE_WORDS and not from_before) or (between and link == "and"):
        k = end + 1
        if currency and k < stop and doc[k].lower_ == symbol:
            k += 1
        other = _read_amount(doc, k, stop, money=currency is not None) if k < stop else None
        if other and not other.vague and other.value > value:
            if other.scaled and not amount.scaled and other.lead and value * 1000 <= other.value:
                value *= other.value / other.lead    # "10 to 15 million": both in millions
            value_max, end = other.value, other.end

    if between:
        qualifier, text_start = None, start - 1
    else:
        qualifier, text_start = _qualifier_before(doc, start, sent.start)

    # What follows the amount: percent, currency word, or the thing counted.
    kind, unit, text_end = "count", None, end
    if currency is None and (word := _longest(doc, end, stop, lex.currency_words, 3)):
        currency, text_end = word[0], word[1]
    if currency:
        kind = "money"
    elif end < stop and (doc[end].lower_ in PERCENT_WORDS or _lower(doc, end, end + 2) == "per cent"):
        kind, text_end = "percent", end + (2 if doc[end].lower_ == "per" else 1)
    elif end < stop and _lower(doc, end, end + 2) == "percentage points":
        kind, text_end, unit = "percent", end + 2, "percentage points"

    reason = _skip_reason(doc, start, amount, kind, sent)
    after = text_end
    head: Token | None = None
    if reason is None and kind == "count":
        unit, head, text_end, qualifier = _count_unit(doc, end, stop, amount, qualifier)
        if head is not None and (head.lemma_.lower() in lex.skip_units
                                 or head.lower_ in lex.skip_units):
            reason = "duration-or-distance"
        elif unit is None and amount.spelled and not amount.scaled and not amount.vague:
            reason = "bare-word"
        after = text_end
    elif reason is None:
        unit = _money_or_percent_unit(doc, kind, currency, start, text_end, stop) if unit is None else unit
    if reason is None and kind == "count" and doc[start].ent_type_ in ("DATE", "TIME") and head is None:
        reason = "date"

    # A conversion in parentheses restates this quantity: never a quantity of its own.
    next_index = max(end, i + 1)
    closed = _skip_parenthesis(doc, after, stop)
    if closed == after and kind == "count":
        closed = _skip_parenthesis(doc, end, stop)
    next_index = max(next_index, closed)
    if reason:
        return _Found(None, next_index, reason)

    span = doc[text_start:text_end]
    return _Found(Quantity(
        value=value, text=span.text, unit=unit, qualifier=qualifier, currency=currency,
        value_max=value_max, char_start=span.start_char, char_end=span.end_char,
    ), next_index)


def _skip_reason(doc: Doc, start: int, amount: _Amount, kind: str, sent: Span) -> str | None:
    lex = load_lexicon()
    first = doc[start]
    prev = doc[start - 1].lower_ if start > sent.start else ""
    nxt = doc[amount.end] if amount.end < sent.end else None
    if kind == "count" and amount.year_like:
        return "year"
    if nxt is not None and (nxt.lower_ in lex.time_suffixes or ":" in nxt.text):
        return "time"
    if prev in lex.label_words:
        return "label"
    number = doc[amount.end - 1]
    if number.ent_type_ in NAME_LABELS and number.ent_iob_ == "I" and first.ent_iob_ == "I":
        return "name"
    if kind == "count" and nxt is not None and nxt.text in ("-", "–") and amount.end + 1 < sent.end:
        after = doc[amount.end + 1]
        if after.is_alpha and after.lower_ not in UNITS and after.lower_ not in TENS \
                and after.lower_ != "strong":
            return "hyphen-modifier"
    if kind == "count" and amount.spelled and not amount.vague and prev in DEFINITE:
        return "definite"
    if kind == "count" and first.lower_ == "one" and amount.value == 1 and (
            prev == "no" or nxt is None or nxt.lower_ in ("of", "another", "or")):
        return "definite"    # "one of the", "no one", "one another": not a count
    if kind == "count" and prev == "," and start - 2 >= sent.start \
            and doc[start - 2].ent_type_ == "PERSON" and amount.value < 120 \
            and (nxt is None or nxt.text in (",", ".")):
        return "age"
    return None


def _count_unit(doc: Doc, end: int, stop: int, amount: _Amount, qualifier: str | None):
    """(unit, head noun, text end, qualifier) for a count."""
    lex = load_lexicon()
    j = end
    if j < stop and doc[j].lower_ in lex.post_qualifiers and not (
            j + 1 < stop and doc[j + 1].lower_ == "than"):
        qualifier = qualifier or lex.post_qualifiers[doc[j].lower_]
        j += 1
    if j < stop and doc[j].lower_ in lex.casualty_adjectives:
        return lex.casualty_adjectives[doc[j].lower_], None, j + 1, qualifier
    if j < stop and doc[j].text in ("-", "–") and j + 1 < stop and doc[j + 1].lower_ == "strong":
        j += 2
    if j < stop and doc[j].lower_ == "of":
        j = _skip_determiners(doc, j + 1, stop)
    phrase = _noun_phrase(doc, j, stop)
    if phrase is None:
        number = doc[end - 1]
        participle = _casualty_participle(number)
        if participle is None and _after_death_toll(doc, end - 1):
            participle = "killed"
        unit = f"people {participle}" if participle else None
        return unit, None, end, qualifier
    np_end, head = phrase
    np_end = _extend_conjuncts(doc, head, np_end, stop)
    unit = doc[j:np_end].text
    participle = _casualty_participle(head)
    if participle:
        unit = f"{unit} {participle}"
    return unit, head, np_end, qualifier


def _after_death_toll(doc: Doc, number: int) -> bool:
    """ "The death toll rose to 27": a bare number shortly after "toll" counts the dead."""
    sent_start = doc[number].sent.start
    return any(t.lemma_.lower() == "toll" for t in doc[max(sent_start, number - 6):number])


def _money_or_percent_unit(doc: Doc, kind: str, currency: str | None, start: int,
                           text_end: int, stop: int) -> str:
    lex = load_lexicon()
    name = lex.currency_names.get(currency or "", currency or "") if kind == "money" else "percent"
    j = _skip_parenthesis(doc, text_end, stop)
    preposition = None
    if j < stop and (doc[j].lower_ == "of" or (kind == "money" and doc[j].lower_ == "in")):
        preposition, j = doc[j].lower_, j + 1
    elif j + 1 < stop and _lower(doc, j, j + 2) == "worth of":
        preposition, j = "of", j + 2
    elif kind == "money" and j < stop and doc[j].lower_ == "worth" and j == text_end:
        return name
    k = _skip_determiners(doc, j, stop)
    phrase = _noun_phrase(doc, k, stop)
    if phrase is None:
        return name
    np_end, head = phrase
    root = doc[start:text_end].root
    if head.ent_type_ in ("DATE", "TIME"):
        return name
    # A percent right before a noun modifies it ("a 25% surcharge"); money only where
    # the parse says so ("a $61 billion aid package", not "C$30 billion last week").
    if preposition is None and kind == "money" and not (k <= root.head.i < np_end):
        return name
    np_end = _extend_conjuncts(doc, head, np_end, stop)
    joiner = f" {preposition} " if preposition else (" of " if kind == "money" else " ")
    return f"{name}{joiner}{doc[k:np_end].text}"


def _is_elliptical(doc: Doc, quantity: Quantity) -> bool:
    """A bare count that leaves its noun to the one before: "40,000 troops, including 2,500 in Iraq"."""
    span = doc.char_span(quantity.char_start, quantity.char_end, alignment_mode="expand")
    if span is None or quantity.unit or quantity.currency:
        return False
    before = doc[span.start - 1].lower_ if span.start > span.sent.start else ""
    after = doc[span.end: span.end + 2]
    placed = len(after) == 2 and after[0].dep_ == "prep" and after[1].pos_ == "PROPN"
    return before == "including" or placed


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity of things, money or percent in the doc, in text order."""
    found: list[Quantity] = []
    # Quantities join events through the parse: an unparsed sentence has none to join.
    for sent in parsed_sentences(doc):
        i = sent.start
        in_sentence: list[Quantity] = []
        while i < sent.end:
            result = _read_quantity(doc, i, sent)
            if result is None:
                i += 1
                continue
            quantity = result.quantity
            if quantity is not None:
                counted = [q for q in in_sentence if q.unit and not q.currency
                           and not q.unit.startswith("percent")]
                if counted and _is_elliptical(doc, quantity):
                    quantity = replace(quantity, unit=counted[-1].unit)
                in_sentence.append(quantity)
            i = max(result.next_index, i + 1)
        found.extend(in_sentence)
    return found


class QuantityTagger:
    """Pipeline component: fills doc._.quantities."""
    name = "quantities"
    requires: tuple[str, ...] = ("parse",)
    assigns: tuple[str, ...] = ("quantities",)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc)
        return doc


# ---------------------------------------------------------------- attachment

# Clause links a quantity's noun may not cross to reach a trigger above it:
# a coordinated, adverbial or relative clause with its own subject is another statement.
CLAUSE_BREAKS = ("conj", "advcl", "parataxis", "relcl")
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


def _anchor(doc: Doc, quantity: Quantity) -> Token | None:
    span = doc.char_span(quantity.char_start, quantity.char_end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _path_up(token: Token, ancestor: Token) -> list[Token] | None:
    """Tokens from `token` up to `ancestor` (exclusive), or None if not below it."""
    path = []
    node = token
    while node.i != ancestor.i:
        path.append(node)
        if node.head.i == node.i:
            return None
        node = node.head
    return path


def _breaks_clause(node: Token) -> bool:
    """A verb heading a separate statement: coordinated, adverbial or relative with its own subject."""
    if node.pos_ not in ("VERB", "AUX") or node.dep_ not in CLAUSE_BREAKS:
        return False
    subjects = [c for c in node.children if c.dep_ in SUBJECTS]
    if node.dep_ == "relcl":
        # "an attack that killed 19 people" stays with "attack"; "electricity his
        # province sells to three states" is a statement of its own.
        return any(c.tag_ not in ("WDT", "WP", "WP$") and c.lower_ != "that" for c in subjects)
    return bool(subjects)


def _coordination(token: Token) -> list[Token]:
    """The token with every noun coordinated or set in apposition with it."""
    root = token
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    group, todo = [], [root]
    while todo:
        node = todo.pop()
        group.append(node)
        todo.extend(c for c in node.children if c.dep_ in ("conj", "appos"))
    return group


def _fit_distance(trigger: Token, anchor: Token) -> int | None:
    """Tree distance when the anchor is in the trigger's clause, else None."""
    path = _path_up(anchor, trigger)
    if path is not None:
        if any(_breaks_clause(node) for node in path[1:]):
            return None
        return len(path)
    # The trigger describes the counted noun: "76 aircraft, 15 ships and four vessels
    # operating around the island", "four boats impounded by its navy".
    # A noun trigger stands for its clause: "the attack destroyed 30 homes",
    # "imposed sanctions on 11 officials".
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") \
            and trigger.head.pos_ in ("VERB", "AUX") and trigger.head.i != trigger.i:
        through_verb = _path_up(anchor, trigger.head)
        if through_verb is not None and not any(_breaks_clause(n) for n in through_verb[1:]):
            return len(through_verb) + 1
    group = {t.i for t in _coordination(anchor)}
    climb, steps = trigger, 0
    while climb.dep_ in ("acl", "relcl", "conj", "xcomp") and climb.head.i != climb.i and steps < 3:
        steps += 1
        if climb.dep_ in ("acl", "relcl") and climb.head.i in group:
            return steps
        climb = climb.head
    return None


def _is_casualty(quantity: Quantity) -> bool:
    return bool(quantity.unit) and quantity.unit.split()[-1] in CASUALTY_PARTICIPLES


def _within(quantity: Quantity, event: Event) -> bool:
    return event.evidence.start <= quantity.char_start and quantity.char_end <= event.evidence.end


def _overlap(a: Event, b: Event) -> bool:
    return a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end


def attach_quantities(doc: Doc, events: list[Event], quantities: list[Quantity]) -> list[Event]:
    """Events with each quantity added to the nearest event whose clause holds it.

    A quantity also goes to any other fitting event whose evidence holds it and overlaps
    the nearest one's (they share the clause words: "demanded that Japan hand back four
    boats impounded by its navy"); casualty counts prefer ASSAULT events.
    """
    triggers = [trigger_token(doc, e) for e in events]
    extra: list[list[Quantity]] = [[] for _ in events]
    for quantity in quantities:
        anchor = _anchor(doc, quantity)
        if anchor is None:
            continue
        fits: list[tuple[int, int]] = []     # (distance, event index)
        for n, (event, trigger) in enumerate(zip(events, triggers)):
            if trigger is None or trigger.sent.start != anchor.sent.start:
                continue
            distance = _fit_distance(trigger, anchor)
            if distance is not None:
                fits.append((distance, n))
        if _is_casualty(quantity):
            assaults = [n for n, (e, t) in enumerate(zip(events, triggers))
                        if e.type == "ASSAULT" and t is not None and t.sent.start == anchor.sent.start]
            fitting_assaults = [f for f in fits if events[f[1]].type == "ASSAULT"]
            if fitting_assaults:
                fits = fitting_assaults
            elif assaults:
                fits = [(abs(triggers[n].i - anchor.i) + 100, n) for n in assaults]
        if not fits:
            continue
        fits.sort()
        best = fits[0][1]
        chosen = {best} | {n for _, n in fits[1:] if _within(quantity, events[n])
                           and _overlap(events[n], events[best])}
        for n in chosen:
            extra[n].append(quantity)
    out = []
    for event, added in zip(events, extra):
        if added:
            known = {(q.char_start, q.char_end) for q in event.quantities}
            new = [q for q in added if (q.char_start, q.char_end) not in known]
            merged = sorted([*event.quantities, *new], key=lambda q: q.char_start)
            event = replace(event, quantities=tuple(merged))
        out.append(event)
    return out


class EventQuantities:
    """Pipeline component: puts doc._.quantities on the events whose clauses hold them."""
    name = "event_quantities"
    requires: tuple[str, ...] = ("events", "quantities")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events or []
        quantities = doc._.quantities or []
        if events and quantities:
            doc._.events = attach_quantities(doc, list(events), list(quantities))
        return doc


__all__ = [
    "EventQuantities", "Lexicon", "QuantityTagger", "SKIP_REASONS", "attach_quantities",
    "find_quantities", "load_lexicon", "parse_lexicon",
]
