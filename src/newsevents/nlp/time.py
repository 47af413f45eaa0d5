"""Time expressions: find them in a parsed article, resolve them to calendar spans
against the publication date, and date events by the expression that governs them.

The grammar is a set of regular expressions over the article text (spaCy's small
model misses and mis-bounds many dates); spaCy's parse only decides tense ("will
meet on Thursday" is the next Thursday, "met on Thursday" the last one) and,
in `EventDates`, which clause an expression belongs to. Expressions that lean
on an earlier one ("hours later", "the same day", "that afternoon") are resolved
against the nearest preceding resolved expression, else the publication date.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..records import Event, When
from .syntax import trigger_token
from .doctext import doc_text
from .timexes_resolve import (
    CalendarSpan, resolve_ago, resolve_edge_of_unit, resolve_same_period_before, resolve_the_weekend, resolve_current_unit, resolve_anchor_unit, resolve_deictic, resolve_hours_to_weekday,
    resolve_iso, resolve_month_bare, resolve_month_day, resolve_month_relative, resolve_month_year,
    resolve_numeric_date, resolve_offset, resolve_over_n, resolve_past_n, resolve_quarter_any,
    resolve_relative_unit, resolve_same_day, resolve_season, resolve_weekday, resolve_within_hours,
    resolve_year, since_span,
)


# Regular-expression pieces. Month and weekday names must be capitalised in the
# text; that is checked after matching (the patterns are case-insensitive so
# that "Last month" and "last month" read alike).
_MON = (r"(?P<mon>january|february|march|april|may|june|july|august|september|october|"
        r"november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|"
        r"oct\.?|nov\.?|dec\.?)(?![a-z])")
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
_PRE = (r"(?:(?P<pre>on|in|since|by|until|till|from|for|during|starting|through|as\s+of|"
        r"before|after)\s+)?")
_NUM = (r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"fifteen|twenty|thirty|forty|fifty|sixty|ninety|a\s+hundred)")
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d,.]\d)(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_PART_OF_DAY_OF = (r"(?:the\s+(?P<dpart>night|morning|afternoon|evening|early\s+hours|small\s+hours)"
                   r"\s+of\s+)?")
_PART = (r"(?:(?P<part>early|mid|late|earlier|later)(?:\s+in|-|\s+)\s*|(?:the\s+)?(?P<edge>end|"
         r"beginning|start|middle|first\s+half|second\s+half)\s+of\s+)?")
_UNIT = r"(?P<unit>hour|day|week|month|year|decade|minute)s?"


@dataclass(frozen=True)
class Found:
    """One expression in the text: where, which rule matched, and its groups."""
    start: int
    end: int
    rule: "Rule"
    match: re.Match[str]

    @property
    def text(self) -> str:
        return self.match.group(0)

    def group(self, name: str) -> str | None:
        value = self.match.groupdict().get(name)
        return " ".join(value.lower().split()) if value else None


@dataclass
class Context:
    """What resolving one expression may look at."""
    doc: Doc
    published: date | None
    found: Found
    anchor: CalendarSpan | None = None       # the last expression resolved
    day_anchor: date | None = None           # the last one that named a day
    timeml: bool = False                     # TimeML's reading: see find_timexes

    @property
    def base(self) -> date | None:
        """The day "hours later" or "the same day" counts from: the last day named, else publication."""
        return self.day_anchor if self.day_anchor is not None else self.published

    @property
    def coarse_base(self) -> date | None:
        """What "six months later" counts from: the last expression of any grain."""
        return self.anchor[0] if self.anchor is not None else self.published

    def future(self) -> bool:
        return self.tense() == "future"

    def tense(self) -> str:
        return tense(self.doc, self.found.start, self.found.end)


Resolver = Callable[[Found, Context], CalendarSpan | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


# ---------------------------------------------------------------- tense

FUTURE_AUX = {"will", "'ll", "shall", "would", "'d", "wo", "going"}
FUTURE_LEMMAS = {"schedule", "slate", "plan", "due", "expect", "set"}


def _governing_verb(token: Token) -> Token | None:
    seen = 0
    while seen < 12:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head == token:
            return None
        token = token.head
        seen += 1
    return None


def tense(doc: Doc, start: int, end: int) -> str:
    """"future", "past" or "present": the tense of the clause holding [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "present"
    verb = _governing_verb(span.root)
    if verb is None:
        return "present"
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxiliaries}
    if words & FUTURE_AUX or "to" in words:
        return "future"
    if words & {"could", "might", "may", "should", "must"}:
        return "future"
    if words & {"is", "are", "am", "'s", "'re"} and verb.tag_ == "VBG":
        return "future"
    if verb.lemma_ in FUTURE_LEMMAS and verb.tag_ in ("VBN", "VBZ", "VBP", "JJ"):
        return "future"
    # "the talks are to resume on Monday"
    if verb.lemma_ == "be" and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children):
        return "future"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "was", "were", "'s", "'ve", "'d"}:
        return "past"
    if verb.tag_ == "VBN" and not words:
        return "past"
    return "present"


def is_future(doc: Doc, start: int, end: int) -> bool:
    """Does the clause holding the characters [start, end) speak of the future?"""
    return tense(doc, start, end) == "future"


# ---------------------------------------------------------------- rules

def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’])" + pattern, re.I)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The grammar, compiled once on first use."""
    return (
        Rule("month_day", _rx(_PRE + _PART_OF_DAY_OF + _MON + r"\s+" + _DAY
                              + r"(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?!\d))?"
                              + r"(?:\s*,?\s*" + _YEAR + r")?"), resolve_month_day),
        Rule("day_month", _rx(_PRE + _PART_OF_DAY_OF + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?"
                              + _MON + r"(?:\s*,?\s*" + _YEAR + r")?"), resolve_month_day),
        Rule("numeric_date", _rx(_PRE + r"(?:(?P<m>1[0-2]|0?[1-9])/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)"
                                 r"(?![\d/])|(?P<y2>\d{4})-(?P<m2>\d\d)-(?P<d2>\d\d)(?!\d))"),
             lambda f, c: resolve_iso(f) if f.match.group("y2") else resolve_numeric_date(f, c)),
        Rule("month_year", _rx(_PRE + _PART + _MON + r"(?:\s+of)?\s*,?\s*" + _YEAR),
             resolve_month_year),
        Rule("month_relative_year", _rx(_PRE + _PART + _MON + r"(?:\s+of)?\s+(?P<rel>last|next|this)"
                                        r"\s+(?P<unit_year>year)"), resolve_month_relative),
        Rule("relative_month", _rx(_PRE + _PART + r"(?P<rel>last|next|this)\s+" + _MON),
             resolve_month_relative),
        Rule("month", _rx(_PRE + _PART + _MON + r"(?!\s*\d)"), resolve_month_bare),
        Rule("weekday", _rx(_PRE + r"(?:(?P<rel>last|next|this\s+past|this|early|late|earlier|later|"
                            r"overnight)"
                            r"\s+(?:on\s+)?)?" + _PART_OF_DAY_OF + _WD
                            + r"(?:\s+(?P<tod>morning|afternoon|evening|night))?"), resolve_weekday),
        Rule("hours_to_weekday", _rx(r"(?:in|over|during)\s+the\s+(?:past\s+|last\s+)?" + _NUM
                                     + r"\s+hours\s+(?:to|until|before|ending)\s+(?:[^.;]|[ap]\.m\.){0,30}?(?:on\s+)?"
                                     + _WD), resolve_hours_to_weekday),
        Rule("the_weekend", _rx(r"(?:over|during|at|on|for)\s+the\s+weekend(?![\w'’])"),
             resolve_the_weekend),
        Rule("deictic", _rx(r"(?:(?:earlier|later)\s+)?(?P<word>the\s+day\s+before\s+yesterday|last\s+night|"
                            r"the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|"
                            r"this\s+(?:morning|afternoon|evening))(?![\w'’])"), resolve_deictic),
        Rule("relative_unit", _rx(_PRE + r"(?:(?P<edge2>the\s+(?:end|beginning|start|middle)\s+of)\s+)?"
                                  r"(?P<mod>earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|"
                                  r"this\s+past|over\s+the\s+past|the\s+past|"
                                  r"the\s+last|the\s+previous|the\s+coming|the\s+current|last|this|"
                                  r"next|past|coming|current)\s+(?:fiscal\s+)?"
                                  r"(?P<unit>week|weekend|month|quarter|year)(?![\w'’])"),
             resolve_relative_unit),
        Rule("anchor_unit", _rx(r"(?:the\s+)?(?P<mod>previous|preceding|prior|next|following)\s+"
                                r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)(?![\w'’])"),
             resolve_anchor_unit),
        Rule("day_before_after", _rx(r"the\s+(?P<unit>day|night|evening|week|month|year)\s+"
                                     r"(?P<mod>before|after|previous|prior|earlier|later)"
                                     r"(?=\s*[,.;:)]|\s*$)"),
             resolve_anchor_unit),
        Rule("same_day", _rx(r"(?:(?:later|earlier)\s+)?(?:on\s+)?(?:the\s+same|that\s+same|that)\s+"
                             r"(?:day|morning|afternoon|evening|night)(?![\w'’])"
                             r"|(?:later|earlier|late|early)\s+in\s+the\s+day|(?<=for\s)the\s+day(?![\w'’])"
                             r"|(?:(?<=end\s)|(?<=ended\s)|(?<=ending\s)|(?<=ends\s))the\s+day(?![\w'’])"),
             resolve_same_day),
        Rule("same_period_before", _rx(r"the\s+same\s+(?P<unit>period|day|week|month|quarter|time)"
                                       r"\s+(?:of\s+)?(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|last\s+year|"
                                       r"the\s+(?:previous|prior|preceding)\s+year)(?![\w'’])"),
             resolve_same_period_before),
        Rule("edge_of_unit", _rx(r"(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+(?:the\s+)?"
                                 r"(?P<unit>year|month)(?![\w'’])|(?P<yearend>year[-\s]end)(?![\w'’])"),
             resolve_edge_of_unit),
        Rule("ago", _rx(_NUM + r"\s+" + _UNIT + r"\s+ago(?![\w'’])"), resolve_ago),
        Rule("offset", _rx(r"(?:" + _NUM + r"\s+)?(?P<unit>hour|minute|day|week|month|year)s?\s+"
                           r"(?P<dir>later|earlier|after|before|afterwards|afterward)(?![\w'’])"),
             resolve_offset),
        Rule("within_hours", _rx(r"within\s+(?:a\s+few\s+|several\s+)?hours(?![\w'’])"),
             resolve_within_hours),
        Rule("over_n", _rx(r"(?:over|within)\s+(?:the\s+(?:next|coming)\s+)?" + _NUM + r"\s+"
                           r"(?P<unit>day|week|month|year)s?(?![\w'’])"), resolve_over_n),
        Rule("past_n", _rx(r"(?:(?:over|in|during|for|within)\s+)?the\s+(?P<dir>past|last|previous|next|"
                           r"coming)\s+" + _NUM
                           + r"\s+" + _UNIT + r"(?![\w'’])"), resolve_past_n),
        Rule("quarter", _rx(_PRE + r"(?:(?:the\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|"
                            r"4th)\s+(?:fiscal\s+)?quarter(?:\s+of\s+(?:(?:fiscal\s+)?" + _YEAR
                            + r"|(?P<rel>this|last|next|the)\s+year))?|Q(?P<q>[1-4])(?:\s+(?:FY)?(?P<qyear>"
                            r"(?:19|20)\d\d))?(?!\w))"), resolve_quarter_any),
        Rule("current_unit", _rx(r"(?:(?:an?|the|its|their)\s+)?(?:(?P<ord>\d{1,2}(?:st|nd|rd|th)|second|"
                                 r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:straight|"
                                 r"consecutive|successive)\s+(?P<unit>day|session|week|month|quarter|year)"
                                 r"|(?P<best>best|worst|biggest|largest|strongest|weakest|sharpest|"
                                 r"steepest|busiest|deadliest)\s+(?P<unit2>day|session|week|month|quarter|"
                                 r"year)(?=\s+since\b))(?![\w'’])"), resolve_current_unit),
        Rule("season", _rx(_PRE + r"(?:the\s+)?(?:(?P<rel>last|this|next|early|late|mid)[\s-]+)?"
                           r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?" + _YEAR
                           + r")?(?![\w'’])"), resolve_season),
        Rule("year", _rx(_PRE + _PART + r"(?:fiscal\s+(?:year\s+)?)?(?:" + _YEAR
                         + r"|'(?P<yy>\d\d)(?![\w'’]))"), resolve_year),
    )


# ---------------------------------------------------------------- finding

def find_expressions(text: str) -> list[Found]:
    """Every rule's matches, longest first (then leftmost, then rule order)."""
    candidates: list[Found] = []
    for rule in rules():
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                candidates.append(Found(match.start(), match.end(), rule, match))
    order = {rule.name: i for i, rule in enumerate(rules())}
    candidates.sort(key=lambda f: (-(f.end - f.start), f.start, order[f.rule.name]))
    return candidates


def find_timexes(doc: Doc, published: date | None, *, timeml: bool = False) -> list[When]:
    """Time expressions of `doc` resolved against `published`, in text order.

    The longest reading that resolves wins; expressions that cannot be resolved
    ("March" the verb, a weekday with no publication date) are left out. The
    readings are then resolved again in text order, so that "hours later"
    counts from the expression before it.

    By default expressions are read as the time they give an event: "since
    Sunday" runs to publication, "early June" is 1-10 June. `timeml=True` reads
    them as TimeML values instead ("since 1997" is 1997, "early June" is June),
    the convention of shared/gold/timex.jsonl.
    """
    taken: list[Found] = []
    for found in find_expressions(doc_text(doc)):
        if any(found.start < t.end and t.start < found.end for t in taken):
            continue
        if _resolve_found(Context(doc, published, found, timeml=timeml)) is not None:
            taken.append(found)
    whens: list[When] = []
    anchor: CalendarSpan | None = None
    day_anchor: date | None = None
    for found in sorted(taken, key=lambda f: f.start):
        ctx = Context(doc, published, found, anchor=anchor, day_anchor=day_anchor, timeml=timeml)
        raw = found.rule.resolve(found, ctx)
        if raw is None:
            continue
        start, end, granularity = raw if timeml else since_span(found, raw, published)
        whens.append(When(start=start, end=end, text=found.text, granularity=granularity,
                          char_start=found.start, char_end=found.end))
        anchor = raw
        if raw[2] == "day" or (raw[1] - raw[0]).days <= 1:
            day_anchor = raw[0]
    return whens


def _resolve_found(ctx: Context) -> CalendarSpan | None:
    return ctx.found.rule.resolve(ctx.found, ctx)


# ---------------------------------------------------------------- components

class TimeTagger:
    """Finds and resolves the article's time expressions into doc._.timexes."""
    name = "timexes"
    requires = ("parse", "article")
    assigns = ("timexes",)

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        published = article.published if article is not None else None
        doc._.timexes = find_timexes(doc, published)
        return doc


REPORTING_LEMMAS = frozenset({
    "say", "report", "announce", "tell", "confirm", "state", "add", "claim", "note",
    "write", "declare", "insist", "warn", "disclose", "reveal", "acknowledge", "admit",
    "allege", "quote", "cite", "post", "publish", "show", "indicate", "explain",
})
# Clauses that share the time of the clause they hang from when they have none of
# their own: "demanded ... and threatened" (conj), "agreed to meet" (xcomp).
# Relative clauses ("rifles seized by the coast guard") tell of another time: no inheriting.
INHERITING_DEPS = frozenset({"conj", "xcomp", "ccomp", "advcl", "pcomp", "parataxis", "dep"})


# verbs that do not head a clause of their own: "including X", "armed trucks", "kept it closed"
NON_CLAUSE_DEPS = frozenset({"aux", "auxpass", "prep", "amod", "compound", "oprd", "acomp", "det"})
# prepositions that make an expression a limit, not the time of the event: "until 2028"
LIMIT_WORDS = ("until ", "till ", "by ", "before ", "after ")


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in NON_CLAUSE_DEPS


def _clause_head(token: Token) -> Token:
    """The verb a token's clause hangs from: the token itself if a verb, else the
    first verb above it (the root when there is none)."""
    current = token
    for _ in range(30):
        if _is_verb(current) or current.head == current:
            return current
        current = current.head
    return current


def _timex_heads(doc: Doc, whens: list[When]) -> list[tuple[When, Token]]:
    """Each expression with the token it hangs from the parse by."""
    heads = []
    for when in whens:
        span = doc.char_span(when.char_start, when.char_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        heads.append((when, span.root))
    return heads


def _owner(root: Token) -> tuple[Token, list[Token]]:
    """The first verb above an expression's root, and the words passed on the way."""
    passed: list[Token] = []
    current = root
    for _ in range(30):
        if current.head == current:
            return current, passed
        current = current.head
        if _is_verb(current):
            return current, passed
        passed.append(current)
    return current, passed


def _own_when(trigger: Token, clause: Token, heads: list[tuple[When, Token]]) -> When | None:
    """The expression governed by the trigger itself or by the trigger's clause."""
    best: tuple[int, int, When] | None = None
    for when, root in heads:
        if root.sent != trigger.sent or when.text.lower().startswith(LIMIT_WORDS):
            continue
        owner, passed = _owner(root)
        if trigger in passed:            # a noun trigger: "talks in Doha on Saturday"
            rank = 0
        elif owner == clause and not (trigger != clause and _passes_other_noun(passed, trigger)):
            rank = 1
        else:
            continue
        candidate = (rank, abs(root.i - trigger.i), when)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return best[2] if best else None


def _passes_other_noun(passed: list[Token], trigger: Token) -> bool:
    """For a noun trigger, an expression under another noun of the clause is not its own."""
    return trigger.pos_ in ("NOUN", "PROPN") and any(
        t.pos_ in ("NOUN", "PROPN") and t != trigger and t.dep_ in ("dobj", "nsubj", "pobj")
        for t in passed)


def _past_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def event_date(doc: Doc, event: Event, timexes: list[When]) -> When | None:
    """The time expression (of `timexes`) that governs an event's clause, or None.

    The event's own clause comes first; failing that, the clause it hangs from
    (a conjoined verb, "agreed to meet", a reported clause). A reported clause
    in the past perfect ("said on Monday that forces had pulled out") gets the
    day before the report through the report day. None when the sentence
    says nothing about the event's time.
    """
    return _event_date(doc, event, _timex_heads(doc, timexes))


def _event_date(doc: Doc, event: Event, heads: list[tuple[When, Token]]) -> When | None:
    trigger = trigger_token(doc, event)
    if trigger is None:
        return None
    clause = _clause_head(trigger)
    own = (_own_when(trigger, clause, heads) or _misattached_when(clause, heads)
           or _conjunct_when(clause, heads))
    reporter = _reporting_parent(clause)
    if own is not None:
        return _clip_to_report(own, reporter, heads)
    if clause.dep_ in ("relcl", "acl"):
        # "an interview on June 2 in which she urged ...", "the court's order of May 2
        # rejecting the plea": the time of the noun the clause describes.
        return _antecedent_when(clause, heads)
    current = clause
    for _ in range(4):
        if current.head == current or current.dep_ not in INHERITING_DEPS:
            return None
        parent = _clause_head(current.head)
        inherited = _own_when(parent, parent, heads)
        if inherited is not None:
            if parent.lemma_ in REPORTING_LEMMAS and _past_perfect(current) \
                    and inherited.granularity == "day":
                return replace(inherited, start=inherited.start - timedelta(days=1),
                               granularity="span")
            return inherited
        current = parent
    return None


def _conjunct_when(clause: Token, heads: list[tuple[When, Token]]) -> When | None:
    """"had rammed and boarded the boats on Monday": the later conjunct's time is the first's."""
    for conjunct in clause.children:
        if conjunct.dep_ == "conj" and _is_verb(conjunct):
            when = _own_when(conjunct, conjunct, heads)
            if when is not None:
                return when
    return None


def _antecedent_when(relative: Token, heads: list[tuple[When, Token]]) -> When | None:
    """"an interview on June 2 in which she urged ...": a relative clause takes the time
    of the noun it describes (attached to it, or standing between it and the clause),
    never that of the main clause."""
    antecedent = relative.head
    for when, root in heads:
        if root.sent != relative.sent:
            continue
        if when.char_start <= antecedent.idx < when.char_end or antecedent in _owner(root)[1]:
            return when
        if antecedent.i < root.i < relative.left_edge.i:
            return when
    return None


def _misattached_when(clause: Token, heads: list[tuple[When, Token]]) -> When | None:
    """A bare day name ("last Thursday", no preposition) that the parser hung
    deep inside the clause's object; the small model often does."""
    for when, root in heads:
        if root.sent != clause.sent or root.dep_ != "npadvmod":
            continue
        owner, _ = _owner(root)
        if owner != clause and clause in owner.ancestors and not any(
                _is_verb(t) and t.dep_ in ("ccomp", "advcl", "conj", "parataxis")
                for t in [owner, *owner.ancestors] if t != clause and clause in t.ancestors):
            return when
    return None


def _reporting_parent(clause: Token) -> Token | None:
    if clause.dep_ in ("ccomp", "parataxis") and clause.head != clause:
        parent = _clause_head(clause.head)
        if parent.lemma_ in REPORTING_LEMMAS:
            return parent
    return None


def _clip_to_report(when: When, reporter: Token | None, heads: list[tuple[When, Token]]) -> When:
    """"said on Tuesday that fighters had killed 460 people since Sunday": the
    stretch ends at the report, not at publication."""
    if reporter is None or when.granularity != "span" or not when.text.lower().startswith("since"):
        return when
    reported = _own_when(reporter, reporter, heads)
    if reported is None or reported.granularity != "day" or not when.start <= reported.end < when.end:
        return when
    return replace(when, end=reported.end)


class EventDates:
    """Sets each event's date to the time expression governing its clause."""
    name = "event_dates"
    requires = ("events", "timexes")
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events or []
        # Every rule reads the event's own sentence only: group the expressions by it once,
        # so a long article costs no more per event than a short one.
        by_sentence: dict[int, list[tuple[When, Token]]] = {}
        for when, root in _timex_heads(doc, doc._.timexes or []):
            by_sentence.setdefault(root.sent.start, []).append((when, root))
        article = doc._.article
        published = article.published if article is not None else None
        dated = []
        for ev in events:
            if ev.date is None:
                trigger = trigger_token(doc, ev)
                heads = by_sentence.get(trigger.sent.start, []) if trigger is not None else []
                ev = replace(ev, date=_event_date(doc, ev, heads) or _happening_now(doc, ev, published))
            dated.append(ev)
        doc._.events = dated
        return doc


def _happening_now(doc: Doc, event: Event, published: date | None) -> When | None:
    """ "Provincial ministers are criticizing the offer": what the story tells in the present
    progressive, outside quotes, is going on the day it was published."""
    if published is None:
        return None
    verb = trigger_token(doc, event)
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("is", "are", "am")]
    if verb.tag_ != "VBG" or not aux or _quoted(verb):
        return None
    return When(start=published, end=published, text=f"{aux[0].text} {verb.text}",
                granularity="day", char_start=aux[0].idx, char_end=verb.idx + len(verb))


def _quoted(token: Token) -> bool:
    before = token.doc[token.sent.start:token.i].text
    return sum(before.count(q) for q in ('"', '“', '”')) % 2 == 1


def timex_report(doc: Doc, timeml: bool = False) -> list[dict[str, object]]:
    """The doc's time expressions as plain dicts, for `newsevents when` and JSON output.

    With `timeml`, values follow TimeML's conventions (what the timex gold is annotated
    in: "since 1997" is 1997) rather than the span an event covers (1997 to publication).
    """
    whens = doc._.timexes if Doc.has_extension("timexes") and not timeml else None
    if whens is None:
        article = doc._.article if Doc.has_extension("article") else None
        whens = find_timexes(doc, article.published if article is not None else None,
                             timeml=timeml)
    return [{"text": w.text, "start": w.char_start, "end": w.char_end,
             "start_date": w.start.isoformat(), "end_date": w.end.isoformat(),
             "granularity": w.granularity} for w in whens]


__all__ = ["EventDates", "TimeTagger", "event_date", "find_expressions", "find_timexes",
           "is_future", "rules", "tense", "timex_report"]
