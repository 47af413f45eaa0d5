"""What time expressions mean: calendar arithmetic (the spans that days, weeks,
months, quarters, seasons and years cover, and the TimeML values naming them)
and one resolver per grammar rule of newsevents.nlp.time, turning a matched
expression into a span given the publication date, the tense of its clause and
the expression before it.

Every span is closed: (first day, last day, granularity). The scorer reads
TimeML values through `timeml_value_span`, and the resolver builds the same
spans through the helpers here, so both agree on what "2013-W11" or
"2012-SU" covers.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .time import Context, Found

CalendarSpan = tuple[date, date, str]

# Meteorological seasons: a season named for year Y starts in that year
# (winter Y runs from December Y to the end of February Y+1).
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
QUARTER_START_MONTH = {1: 1, 2: 4, 3: 7, 4: 10}


def day_span(day: date) -> CalendarSpan:
    return day, day, "day"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> CalendarSpan:
    return date(year, month, 1), month_end(year, month), "month"


def year_span(year: int) -> CalendarSpan:
    return date(year, 1, 1), date(year, 12, 31), "year"


def week_span(day: date) -> CalendarSpan:
    """The ISO week (Monday to Sunday) holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6), "week"


def iso_week_span(year: int, week: int) -> CalendarSpan:
    return week_span(date.fromisocalendar(year, week, 1))


def quarter_span(year: int, quarter: int) -> CalendarSpan:
    first = QUARTER_START_MONTH[quarter]
    return date(year, first, 1), month_end(year, first + 2), "quarter"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def season_span(year: int, season: str) -> CalendarSpan:
    first = SEASON_START_MONTH[season]
    start = date(year, first, 1)
    last_year, last_month = shift_month(year, first, 2)
    return start, month_end(last_year, last_month), "season"


def season_containing(day: date) -> tuple[int, str]:
    """(year, season code) of the meteorological season holding `day`."""
    if day.month in (1, 2):
        return day.year - 1, "WI"
    code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[day.month - (day.month - 3) % 3]
    return day.year, code


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> date:
    year, month = shift_month(day.year, day.month, months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_before(anchor: date, weekday: int) -> date:
    """The latest `weekday` strictly before `anchor`."""
    return weekday_on_or_before(anchor - timedelta(days=1), weekday)


def weekday_after(anchor: date, weekday: int) -> date:
    """The earliest `weekday` strictly after `anchor`."""
    return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)


def month_part_span(year: int, month: int, part: str) -> CalendarSpan:
    """early 1-10, mid 11-20, late 21-end of a month."""
    if part == "early":
        return date(year, month, 1), date(year, month, 10), "span"
    if part == "mid":
        return date(year, month, 11), date(year, month, 20), "span"
    return date(year, month, 21), month_end(year, month), "span"


def year_part_span(year: int, part: str) -> CalendarSpan:
    """early January-April, mid May-August, late September-December."""
    first = {"early": 1, "mid": 5, "late": 9}[part]
    return date(year, first, 1), month_end(year, first + 3), "span"


_VALUE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "day"),
    (re.compile(r"(\d{4})-W(\d{2})"), "week"),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"(\d{4})-(\d{2})"), "month"),
    (re.compile(r"(\d{4})"), "year"),
)


def timeml_value_span(value: str) -> CalendarSpan | None:
    """The calendar span a TimeML `value` names, or None when it names none
    (PRESENT_REF, XXXX-WI, durations such as P1D, centuries, weekends)."""
    for pattern, kind in _VALUE_PATTERNS:
        match = pattern.fullmatch(value.strip())
        if not match:
            continue
        try:
            return _value_span(kind, match.groups())
        except ValueError:
            return None
    return None


def _value_span(kind: str, groups: tuple[str, ...]) -> CalendarSpan:
    year = int(groups[0])
    if kind == "day":
        return day_span(date(year, int(groups[1]), int(groups[2])))
    if kind == "week":
        return iso_week_span(year, int(groups[1]))
    if kind == "quarter":
        return quarter_span(year, int(groups[1]))
    if kind == "season":
        return season_span(year, groups[1])
    if kind == "month":
        return month_span(year, int(groups[1]))
    return year_span(year)


# ================================================================ expressions

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "ninety": 90, "hundred": 100,
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


# ---------------------------------------------------------------- helpers

def _number(word: str | None) -> int | None:
    if word is None:
        return None
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    if word == "a hundred":
        return 100
    return NUMBER_WORDS.get(word)


def _month(found: Found) -> int | None:
    name = found.group("mon")
    return MONTHS.get(name[:3]) if name else None


def _weekday(found: Found) -> int | None:
    name = found.group("wd")
    return WEEKDAYS.index(name) if name else None


def _capitalised(found: Found, group: str) -> bool:
    value = found.match.group(group) if group in found.match.groupdict() else None
    return value is None or value[:1].isupper()


def _year_from(found: Found) -> int | None:
    value = found.match.groupdict().get("year")
    return int(value) if value else None


def _part_span(year: int, month: int | None, found: Found, timeml: bool = False) -> CalendarSpan:
    """Apply early/mid/late or "the end of" to a month (month given) or a year.

    TimeML values name the whole month or year ("early December" is 2012-12).
    """
    part, edge = found.group("part"), found.group("edge")
    if timeml:
        return year_span(year) if month is None else month_span(year, month)
    if month is None:
        if part in ("early", "mid", "late"):
            return year_part_span(year, part)
        if edge == "first half":
            return date(year, 1, 1), date(year, 6, 30), "span"
        if edge == "second half":
            return date(year, 7, 1), date(year, 12, 31), "span"
        if edge in ("beginning", "start"):
            return year_part_span(year, "early")
        if edge == "end":
            return year_part_span(year, "late")
        return year_span(year)
    if part in ("early", "mid", "late"):
        return month_part_span(year, month, part)
    if edge in ("beginning", "start"):
        return month_part_span(year, month, "early")
    if edge == "middle":
        return month_part_span(year, month, "mid")
    if edge == "end":
        return month_part_span(year, month, "late")
    return month_span(year, month)


def _nearest_year(published: date, month: int, day: int, when: str) -> int | None:
    """The year putting month/day nearest the publication date, moved by tense."""
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        distance = abs((candidate - published).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    if best is None:
        return None
    year = best[1]
    candidate = date(year, month, min(day, 28))
    if when == "future" and candidate < published - timedelta(days=1):
        year += 1
    elif when == "past" and candidate > published + timedelta(days=1):
        year -= 1
    return year


# ---------------------------------------------------------------- resolvers

def since_span(found: Found, resolved: CalendarSpan, published: date | None) -> CalendarSpan:
    """"since X" runs from the start of X to publication."""
    if found.group("pre") == "since" and published and resolved[0] < published:
        return resolved[0], published, "span"
    return resolved


def resolve_month_day(found: Found, ctx: Context) -> CalendarSpan | None:
    month, day = _month(found), int(found.match.group("day"))
    if month is None or not _capitalised(found, "mon") or not 1 <= day <= 31:
        return None
    year = _year_from(found)
    if year is None:
        if ctx.published is None:
            return None
        year = _nearest_year(ctx.published, month, day, ctx.tense())
        if year is None:
            return None
    try:
        day_date = date(year, month, day)
    except ValueError:
        return None
    part = found.group("dpart")
    if part in ("night", "evening"):
        return day_date, day_date + timedelta(days=1), "span"
    last_day = found.match.groupdict().get("day2")
    if last_day and int(last_day) > day:
        try:
            return day_date, date(year, month, int(last_day)), "span"    # "March 5-7"
        except ValueError:
            return day_span(day_date)
    return day_span(day_date)


def resolve_numeric_date(found: Found, ctx: Context) -> CalendarSpan | None:
    year = int(found.match.group("y"))
    if year < 100:
        year += 2000 if year <= ((ctx.published.year % 100) + 1 if ctx.published else 30) else 1900
    try:
        return day_span(date(year, int(found.match.group("m")), int(found.match.group("d"))))
    except ValueError:
        return None


def resolve_month_year(found: Found, ctx: Context) -> CalendarSpan | None:
    month, year = _month(found), _year_from(found)
    if month is None or year is None or not _capitalised(found, "mon"):
        return None
    return _part_span(year, month, found, ctx.timeml)


def resolve_month_relative(found: Found, ctx: Context) -> CalendarSpan | None:
    """"January last year", "October of next year", "last July", "late this June"."""
    month, rel = _month(found), found.group("rel")
    if month is None or ctx.published is None or not _capitalised(found, "mon"):
        return None
    pub = ctx.published
    if found.group("unit_year"):
        year = pub.year + {"last": -1, "next": 1}.get(rel or "", 0)
    elif rel == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    else:
        year = pub.year
    return _part_span(year, month, found, ctx.timeml)


_NOT_MONTH_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s+$")


def resolve_month_bare(found: Found, ctx: Context) -> CalendarSpan | None:
    month = _month(found)
    if month is None or ctx.published is None or not _capitalised(found, "mon"):
        return None
    name = found.match.group("mon")
    if len(name) <= 4 and not name.endswith(".") and name.lower() not in ("may", "june", "july"):
        return None         # "Mar", "Jun" alone are too often something else
    before = doc_text(ctx.doc)[max(0, found.start - 30):found.start]
    lead = found.group("pre") or found.group("part") or found.group("edge")
    previous_word = before.split()[-1].lower() if before.split() else ""
    if not lead and previous_word not in ("between", "and", "or", "to", "through", "-", "until"):
        if name.lower() in ("may", "march") or _NOT_MONTH_BEFORE.search(before):
            return None
    after = doc_text(ctx.doc)[found.end:found.end + 2]
    if re.match(r"\s[A-Z]", after) and not lead:
        return None
    pub, when = ctx.published, ctx.tense()
    if when == "present" and found.group("pre") in ("by", "until", "till"):
        when = "future"
    if when == "future":
        year = pub.year if month >= pub.month else pub.year + 1
    elif when == "past":
        year = pub.year if month <= pub.month else pub.year - 1
    else:
        # no tense to go by: the nearer one, the past one on a tie
        ahead = (month - pub.month) % 12
        year = pub.year if month <= pub.month else pub.year - 1
        if 0 < ahead < 12 - ahead:
            year = pub.year if month > pub.month else pub.year + 1
    return _part_span(year, month, found, ctx.timeml)


_NOT_A_DAY_BEFORE = re.compile(r"(?:\b(?:the|a|an)|Good|Black|Holy|Bloody|Ash|Cyber|Super|Easter|Palm)\s+$",
                               re.I)


def resolve_weekday(found: Found, ctx: Context) -> CalendarSpan | None:
    weekday = _weekday(found)
    if weekday is None or ctx.published is None or not _capitalised(found, "wd"):
        return None
    pub, rel, pre = ctx.published, found.group("rel"), found.group("pre")
    before = doc_text(ctx.doc)[max(0, found.start - 12):found.start]
    if not pre and not rel and _NOT_A_DAY_BEFORE.search(before):
        return None     # "the Sunday Times", "Good Friday"
    if rel in ("last", "this past") or pre == "since":
        day = weekday_before(pub, weekday)      # "since Friday" on a Friday is a week back
    elif rel == "next":
        day = weekday_after(pub, weekday)
    elif rel == "this":
        day = week_span(pub)[0] + timedelta(days=weekday)
    elif pre in ("for", "starting") or ctx.future():
        # wire copy names today's weekday too: "will meet on Friday" on a Friday is today
        day = weekday_after(pub - timedelta(days=1), weekday)
    else:
        day = weekday_on_or_before(pub, weekday)
    if found.group("dpart") in ("night", "evening"):
        return day, day + timedelta(days=1), "span"
    return day_span(day)


def resolve_the_weekend(found: Found, ctx: Context) -> CalendarSpan | None:
    """"over the weekend": the one just gone (or under way), the next one in a future clause."""
    if ctx.published is None:
        return None
    pub = ctx.published
    saturday = week_span(pub)[0] + timedelta(days=5)
    if ctx.future():
        if pub > saturday + timedelta(days=1):
            saturday += timedelta(days=7)
    elif pub < saturday:
        saturday -= timedelta(days=7)
    return saturday, saturday + timedelta(days=1), "span"


def resolve_hours_to_weekday(found: Found, ctx: Context) -> CalendarSpan | None:
    """"in the 24 hours to 8 a.m. on Friday": the day before through that day."""
    resolved = resolve_weekday(found, ctx)
    if resolved is None:
        return None
    hours = _number(found.group("n")) or 24
    days = max(1, -(-hours // 24))
    return resolved[0] - timedelta(days=days), resolved[0], "span"


def resolve_deictic(found: Found, ctx: Context) -> CalendarSpan | None:
    if ctx.published is None:
        return None
    word = found.group("word") or ""
    offset = {"yesterday": -1, "tomorrow": 1}.get(word.split()[-1], 0)
    if word.startswith("last"):
        offset = -1         # "last night"
    if "day before yesterday" in word:
        offset = -2
    elif "day after tomorrow" in word:
        offset = 2
    return day_span(ctx.published + timedelta(days=offset))


def resolve_relative_unit(found: Found, ctx: Context) -> CalendarSpan | None:
    """last/this/next/the past/earlier this ... week|weekend|month|quarter|year."""
    if ctx.published is None:
        return None
    pub = ctx.published
    mod = " ".join((found.group("mod") or "").split())
    unit = found.group("unit")
    edge = found.group("edge2")
    shift = 0
    if mod in ("last", "the last", "previous", "the previous", "this past"):
        shift = -1
    elif mod in ("next", "the next", "coming", "the coming"):
        shift = 1
    if mod in ("the past", "past", "over the past"):
        # a stretch ending at publication
        start = {"week": pub - timedelta(days=7), "weekend": pub - timedelta(days=7),
                 "month": add_months(pub, -1), "quarter": add_months(pub, -3),
                 "year": add_years(pub, -1)}[unit]
        return start, pub, "span"
    if unit == "week":
        monday = week_span(pub)[0] + timedelta(days=7 * shift)
        span: CalendarSpan = week_span(monday)
    elif unit == "weekend":
        saturday = week_span(pub)[0] + timedelta(days=7 * shift + 5)
        span = saturday, saturday + timedelta(days=1), "span"
    elif unit == "month":
        first = add_months(date(pub.year, pub.month, 1), shift)
        span = month_span(first.year, first.month)
    elif unit == "quarter":
        first = add_months(date(pub.year, 3 * (quarter_of(pub) - 1) + 1, 1), 3 * shift)
        span = quarter_span(first.year, quarter_of(first))
    else:
        span = year_span(pub.year + shift)
    if ctx.timeml and mod in ("earlier this", "earlier in the", "later this", "later in the"):
        return span     # TimeML values name the whole unit: "earlier this year" is the year
    if mod in ("earlier this", "earlier in the") and unit != "weekend":
        return span[0], max(span[0], pub - timedelta(days=1)), "span"
    if mod in ("later this", "later in the") and unit != "weekend":
        return min(span[1], pub + timedelta(days=1)), span[1], "span"
    if edge and unit in ("month", "year") and not ctx.timeml:
        # "the end of last month"; TimeML's reading keeps the whole month or year
        part = {"end": "late", "middle": "mid"}.get(edge.split()[-2], "early")
        if unit == "month":
            return month_part_span(span[0].year, span[0].month, part)
        return year_part_span(span[0].year, part)
    return span


def resolve_anchor_unit(found: Found, ctx: Context) -> CalendarSpan | None:
    """"the previous day", "the following week", "the next year": from the last expression."""
    mod, unit = found.group("mod") or "", found.group("unit")
    base = ctx.base if unit in ("day", "morning", "afternoon", "evening", "night") else ctx.coarse_base
    if base is None:
        return None
    step = -1 if mod in ("previous", "preceding", "prior", "before", "earlier") else 1
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return day_span(base + timedelta(days=step))
    if unit == "week":
        return week_span(base + timedelta(days=7 * step))
    if unit == "month":
        first = add_months(date(base.year, base.month, 1), step)
        return month_span(first.year, first.month)
    return year_span(base.year + step)


def resolve_same_period_before(found: Found, ctx: Context) -> CalendarSpan | None:
    """"the same period last year", "the same month a year earlier": the span of the last
    expression (its month, quarter or day) one year back."""
    anchor = ctx.anchor
    if anchor is None:
        return year_span(ctx.published.year - 1) if ctx.published else None
    start, end, granularity = anchor
    if granularity == "day" or start == end:
        moved = add_years(start, -1)
        return day_span(moved)
    if granularity == "month":
        return month_span(start.year - 1, start.month)
    if granularity == "quarter":
        return quarter_span(start.year - 1, quarter_of(start))
    if granularity == "week":
        return week_span(add_years(start, -1))
    return year_span(start.year - 1)


def resolve_edge_of_unit(found: Found, ctx: Context) -> CalendarSpan | None:
    """"the end of the year", "year-end", "the start of the month": the current year or month,
    or the one before when a past clause puts an end that has not come yet ("sales peaked by
    the end of the year" in an article of March is last year's end)."""
    if ctx.published is None:
        return None
    pub, unit = ctx.published, found.group("unit") or "year"
    edge = "end" if found.group("yearend") else (found.group("edge") or "end")
    past = ctx.tense() == "past"
    if unit == "year":
        year = pub.year - 1 if past and edge == "end" and pub.month < 12 else pub.year
        if ctx.timeml:
            return year_span(year)
        return year_part_span(year, {"end": "late", "middle": "mid"}.get(edge, "early"))
    first = date(pub.year, pub.month, 1)
    if past and edge == "end" and pub.day < 21:
        first = add_months(first, -1)
    if ctx.timeml:
        return month_span(first.year, first.month)
    return month_part_span(first.year, first.month, {"end": "late", "middle": "mid"}.get(edge, "early"))


def resolve_same_day(found: Found, ctx: Context) -> CalendarSpan | None:
    base = ctx.base
    return day_span(base) if base is not None else None


def resolve_ago(found: Found, ctx: Context) -> CalendarSpan | None:
    if ctx.published is None:
        return None
    n, unit = _number(found.group("n")), found.group("unit")
    if n is None:
        return None
    pub = ctx.published
    if unit == "day":
        return day_span(pub - timedelta(days=n))
    if unit == "week":
        return day_span(pub - timedelta(days=7 * n))
    if unit == "month":
        first = add_months(date(pub.year, pub.month, 1), -n)
        return month_span(first.year, first.month)
    if unit == "year":
        return year_span(pub.year - n)
    if unit in ("hour", "minute"):
        return day_span(pub)
    return None


def resolve_offset(found: Found, ctx: Context) -> CalendarSpan | None:
    """"two days earlier", "a day after", "six months later", "hours later".

    "X, a day after Y happened" dates Y, the clause that follows: one day
    before the last expression; "a day later" is one day after it.
    """
    unit, direction = found.group("unit"), found.group("dir")
    base = ctx.coarse_base if unit in ("month", "year") else ctx.base
    if base is None:
        return None
    n = _number(found.group("n"))
    sign = 1 if direction in ("later", "afterwards", "afterward", "before") else -1
    if unit in ("hour", "minute"):
        if n is not None and n >= 24:
            days = n // 24 if unit == "hour" else 0
            return day_span(base + timedelta(days=sign * days))
        if direction in ("later", "afterwards", "afterward"):
            return base, base + timedelta(days=1), "span"
        if direction in ("earlier", "before"):
            return base - timedelta(days=1), base, "span"
        return day_span(base)       # "hours after Y": Y happened that same day
    if n is None:
        return None
    if unit == "day":
        return day_span(base + timedelta(days=sign * n))
    if unit == "week":
        return day_span(base + timedelta(days=sign * 7 * n))
    if unit == "month":
        moved = add_months(base, sign * n)
        return month_span(moved.year, moved.month)
    if unit == "year":
        return year_span(base.year + sign * n)
    return None


def resolve_within_hours(found: Found, ctx: Context) -> CalendarSpan | None:
    base = ctx.base
    if base is None:
        return None
    return base, base + timedelta(days=1), "span"


def resolve_over_n(found: Found, ctx: Context) -> CalendarSpan | None:
    """"are to withdraw over 60 days": a stretch from the day in play, future clauses only."""
    base, n = ctx.base, _number(found.group("n"))
    if base is None or n is None or not ctx.future():
        return None
    unit = found.group("unit")
    if unit == "day":
        end = base + timedelta(days=n)
    elif unit == "week":
        end = base + timedelta(days=7 * n)
    elif unit == "month":
        end = add_months(base, n)
    else:
        end = add_years(base, n)
    return base, end, "span"


def resolve_past_n(found: Found, ctx: Context) -> CalendarSpan | None:
    """"over the past two days", "the last three weeks": a stretch ending at publication;
    "in the next 30 days": one starting there."""
    if ctx.published is None:
        return None
    n, unit, pub = _number(found.group("n")), found.group("unit"), ctx.published
    if n is None:
        return None
    sign = 1 if found.group("dir") in ("next", "coming") else -1
    if unit == "hour":
        other = pub + timedelta(days=sign * max(1, -(-n // 24)))
    elif unit == "day":
        other = pub + timedelta(days=sign * n)
    elif unit == "week":
        other = pub + timedelta(days=sign * 7 * n)
    elif unit == "month":
        other = add_months(pub, sign * n)
    elif unit == "year":
        other = add_years(pub, sign * n)
    elif unit == "decade":
        other = add_years(pub, sign * 10 * n)
    else:
        return None
    return min(pub, other), max(pub, other), "span"


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "final": 4, "last": 4}


def resolve_quarter(found: Found, ctx: Context) -> CalendarSpan | None:
    quarter = int(found.group("q")) if found.group("q") else _ORDINALS.get(found.group("ord") or "")
    if quarter is None:
        return None
    year = _year_from(found)
    rel = found.group("rel")
    if year is None:
        if ctx.published is None:
            return None
        pub = ctx.published
        if rel in ("this", "the"):
            year = pub.year
        elif rel == "last":
            year = pub.year - 1
        elif rel == "next":
            year = pub.year + 1
        elif ctx.future():
            year = pub.year if quarter_span(pub.year, quarter)[1] >= pub else pub.year + 1
        else:
            year = pub.year if quarter_span(pub.year, quarter)[0] <= pub else pub.year - 1
    return quarter_span(year, quarter)


def resolve_current_unit(found: Found, ctx: Context) -> CalendarSpan | None:
    """"for a third straight day", "the best week since 2009": the day, week, month, quarter
    or year the story is published in (a run or a record that reaches publication)."""
    if ctx.published is None:
        return None
    pub, unit = ctx.published, found.group("unit") or found.group("unit2")
    if unit in ("day", "session"):
        return day_span(pub)
    if unit == "week":
        return week_span(pub)
    if unit == "month":
        return month_span(pub.year, pub.month)
    if unit == "quarter":
        return quarter_span(pub.year, quarter_of(pub))
    return year_span(pub.year)


# Words before a season that make it something else: "a spring", "the Arab Spring".
_NOT_A_SEASON_BEFORE = re.compile(r"(?:\b(?:an?|hot|mineral|its|their|his|her)|[A-Z][\w'’-]*)\s+$")


def _bare_season(found: Found, ctx: Context) -> bool:
    """"sales plunged in the spring", "spring was wet": a season named on its own is the time
    it names, unless it is a count ("a summer"), someone's ("their winter") or part of a name
    ("the Arab Spring")."""
    text = doc_text(ctx.doc)
    word = found.match.group("season")
    start = found.match.start("season")
    if word[:1].isupper() and start > 0 and text[:start].rstrip()[-1:] not in (".", "\n", '"', "“", ""):
        return False
    if _NOT_A_SEASON_BEFORE.search(text[max(0, start - 20):start]):
        return False
    span = ctx.doc.char_span(start, found.match.end("season"), alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("the", "this", "that") for c in token.children)


def resolve_season(found: Found, ctx: Context) -> CalendarSpan | None:
    season = SEASONS[found.group("season") or ""]
    year, rel, pre = _year_from(found), found.group("rel"), found.group("pre")
    if year is None and rel is None and pre not in ("in", "during", "since", "by", "until") \
            and not _bare_season(found, ctx):
        return None
    if year is None:
        if ctx.published is None:
            return None
        current_year, current = season_containing(ctx.published)
        order = ["WI", "SP", "SU", "FA"]
        # index seasons on one line: (year, position) with winter first in its year
        now_index = current_year * 4 + (order.index(current) - 1) % 4
        target_pos = (order.index(season) - 1) % 4
        this_index = current_year * 4 + target_pos
        if rel == "last":
            index = this_index if this_index < now_index else this_index - 4
        elif rel == "next" or (rel is None and ctx.future()):
            index = this_index if this_index > now_index else this_index + 4
        elif rel == "this":
            index = this_index
        else:
            index = this_index if this_index <= now_index else this_index - 4
        year = index // 4
    return season_span(year, season)


_YEAR_BAD_BEFORE = re.compile(r"(?:[$£€#№]\s*|No\.\s*|[\d.,:/])$")   # "$2024", "No. 2019", "3.2019"
_YEAR_BAD_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s+cent\b|GMT\b|UTC\b|hours?\b|[ap]\.?m\.?(?!\w)|\d)", re.I)


def resolve_year(found: Found, ctx: Context) -> CalendarSpan | None:
    if found.match.group("yy"):
        yy = int(found.match.group("yy"))
        pub_yy = ctx.published.year % 100 if ctx.published else 30
        return year_span((2000 if yy <= pub_yy else 1900) + yy)
    text, year_start = doc_text(ctx.doc), found.match.start("year")
    before, after = text[max(0, year_start - 4):year_start], text[found.end:found.end + 12]
    if _YEAR_BAD_BEFORE.search(before) or _YEAR_BAD_AFTER.match(after):
        return None
    lead = found.group("pre") or found.group("part") or found.group("edge")
    if not lead and _counts_something(ctx.doc, found.end):
        return None
    return _part_span(int(found.match.group("year")), None, found, ctx.timeml)


def _counts_something(doc: Doc, end: int) -> bool:
    """"2000 troops": a number before a plural noun is a count, not a year."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return False
    token = span[-1]
    if token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    return following.tag_ in ("NNS", "NNPS") and following.dep_ != "npadvmod"


def resolve_iso(found: Found) -> CalendarSpan | None:
    try:
        return day_span(date(int(found.match.group("y2")), int(found.match.group("m2")),
                             int(found.match.group("d2"))))
    except ValueError:
        return None


def resolve_quarter_any(found: Found, ctx: Context) -> CalendarSpan | None:
    qyear = found.match.group("qyear")
    if qyear:
        return quarter_span(int(qyear), int(found.match.group("q")))
    return resolve_quarter(found, ctx)


__all__ = [
    "MONTHS", "NUMBER_WORDS", "SEASONS", "WEEKDAYS",
    "CalendarSpan", "add_months", "add_years", "day_span", "iso_week_span", "month_end",
    "month_part_span", "month_span", "quarter_of", "quarter_span", "season_containing",
    "season_span", "shift_month", "timeml_value_span", "week_span", "weekday_after",
    "weekday_before", "weekday_on_or_before", "year_part_span", "year_span",
]
