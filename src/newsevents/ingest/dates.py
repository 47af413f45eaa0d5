"""Publication dates as written by feeds, pages and exports, read by explicit rules.

A value is read by the first rule that applies, and never by a guess:

1. ISO 8601: `2016-11-24`, `2016-11-24T10:00:00Z`, `2016-11-24 10:00+09:00`.
2. RFC 822 / 2822, the form of RSS feeds and mail: `Thu, 24 Nov 2016 10:00:00 GMT`
   (a two-digit year as Python's email package reads it: 69-99 is 19xx, 00-68 is 20xx).
3. A month written as a word (`24 November 2016`, `Dec 17, 2016`, `APRIL 26, 2016`,
   `Wed Nov 23 10:00:00 2016`, `9:43 PM, Dec 1, 2016`): the day, the month and a
   four-digit year must all be written; a weekday, if written, must be that day's.
4. All numbers with the year last (`04/03/2016`, `4.3.2016`): day first unless the
   caller says month first (`DateOrder.MONTH_FIRST`); nothing is swapped to make an
   impossible reading fit. Year first (`2016/03/04`) is always year, month, day.

The calendar day is kept as written: a time and zone after it do not shift it.
Anything else (`Wed Nov 23` with no year, `4:58 PM ET`, `12 Decembe`) is unreadable:
`DateProblem` says why, and the caller keeps the article without a date.
"""
from __future__ import annotations

import re
import warnings
from datetime import date, datetime
from email.utils import parsedate_tz
from enum import Enum
from typing import Any

from ..errors import RecordError, RecordWarning


class DateOrder(str, Enum):
    """How to read all-numeric dates such as 04/03/2016."""
    DAY_FIRST = "day-first"
    MONTH_FIRST = "month-first"


class DateProblem(ValueError):
    """A date value that none of the rules reads; the message says why."""


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_YEAR_LAST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T,]+\d{1,2}:\d{2}.*)?$")
_RFC822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH_WORD = re.compile(r"\b(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.?(?![a-z])", re.I)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(d[:3] for d in _WEEKDAYS) + r")[a-z]*\b", re.I)
_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def read_date(value: str, order: DateOrder = DateOrder.DAY_FIRST) -> date:
    """The calendar date written in `value`, or DateProblem saying why there is none."""
    text = " ".join(value.split())
    if not text:
        raise DateProblem("empty date")
    if text[:4].isdigit() and ("-" in text[:5]):
        return _iso(text)
    match = _YEAR_FIRST.match(text)
    if match:
        return _checked(int(match[1]), int(match[2]), int(match[3]), text)
    if _RFC822.match(text):
        parsed = parsedate_tz(text)
        if parsed is not None:
            return _checked(parsed[0], parsed[1], parsed[2], text)
    if _MONTH_WORD.search(text):
        return _month_word(text)
    match = _YEAR_LAST.match(text)
    if match:
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        day, month = (first, second) if order is DateOrder.DAY_FIRST else (second, first)
        return _checked(year, month, day, text, f" read {order.value}")
    raise DateProblem("not a date in a known form (ISO 8601, RFC 822, a month name with "
                      "day and year, or day/month/year)")


def parse_date(value: Any, source: str | None = None, line: int | None = None,
               field: str = "published", order: DateOrder = DateOrder.DAY_FIRST) -> date:
    """`read_date` for a record field: an unreadable value is a RecordError naming where."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise RecordError(f"expected a date string, got {_type_name(value)}",
                          source=source, line=line, field=field)
    try:
        return read_date(value, order)
    except DateProblem as e:
        raise RecordError(f"unreadable date {value!r}: {e}", source=source, line=line,
                          field=field) from e


def _iso(text: str) -> date:
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text)
        if _ISO_DATETIME.match(text):
            # 3.11 fromisoformat takes "Z" and offsets; the calendar date is kept as written
            return datetime.fromisoformat(text).date()
    except ValueError as e:
        raise DateProblem(f"not a real date ({e})") from e
    raise DateProblem("not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM...)")


def _month_word(text: str) -> date:
    from dateutil import parser  # imported here: only month-name dates need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # unknown zone names ("ET"): the day is kept anyway
            first = parser.parse(text, default=datetime(1, 1, 1), ignoretz=True)
            second = parser.parse(text, default=datetime(2, 2, 2), ignoretz=True)
    except (ValueError, OverflowError) as e:
        raise DateProblem(f"not a date ({_short(e)})") from e
    years = _FOUR_DIGIT_YEAR.findall(text)
    if first.day != second.day:
        raise DateProblem("no day of the month")
    if first.year != second.year or str(first.year) not in years:
        raise DateProblem("no year (a four-digit year is needed)")
    weekday = _WEEKDAY_WORD.search(text)
    if weekday:
        written = next(i for i, d in enumerate(_WEEKDAYS) if d.startswith(weekday[1].lower()))
        if written != first.weekday():
            raise DateProblem(f"{first.date().isoformat()} is a "
                              f"{_WEEKDAYS[first.weekday()].title()}, not a {_WEEKDAYS[written].title()}")
    return first.date()


def _checked(year: int, month: int, day: int, text: str, how: str = "") -> date:
    try:
        return date(year, month, day)
    except ValueError as e:
        raise DateProblem(f"not a real date{how} ({e})") from e


def _short(error: Exception) -> str:
    return str(error).split(":")[0]


def _type_name(value: Any) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


UNRESOLVED = "kept without a date; its relative dates are left unresolved"


def published_date(value: Any, default: date | None, source: str | None, line: int | None = None,
                   order: DateOrder = DateOrder.DAY_FIRST, field: str = "published",
                   ) -> tuple[date | None, RecordWarning | None]:
    """A record's publication date, or None with a warning naming where and what.

    A record's own value wins over `default` (the date given for inputs that carry
    none); an unreadable value is not replaced by the default, which would be a guess.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is not None:
            return default, None
        return None, RecordWarning(f"no publication date; {UNRESOLVED}",
                                   source=source, line=line, field=field)
    try:
        return parse_date(value, source=source, line=line, field=field, order=order), None
    except RecordError as e:
        return None, RecordWarning(f"{e.reason}; {UNRESOLVED}", source=source, line=line,
                                   field=field)
