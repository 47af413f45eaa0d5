from datetime import date

import pytest

from newsevents.errors import RecordError
from newsevents.ingest.dates import DateOrder, DateProblem, parse_date, published_date, read_date


@pytest.mark.parametrize("value, expected", [
    ("24 November 2016", date(2016, 11, 24)),
    ("Dec 17, 2016", date(2016, 12, 17)),
    ("APRIL 26, 2016", date(2016, 4, 26)),
    ("Sept. 3, 2019", date(2019, 9, 3)),
    ("November 24th, 2016", date(2016, 11, 24)),
    ("Wed Nov 23 10:00:00 2016", date(2016, 11, 23)),
    ("9:43 PM, Dec 1, 2016", date(2016, 12, 1)),
    ("Thursday, November 24, 2016 - 10:12", date(2016, 11, 24)),
    ("3 Mar. 2019 14:00 UTC", date(2019, 3, 3)),
])
def test_dates_with_the_month_in_words_are_read_in_any_common_order(value, expected):
    assert read_date(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("Thu, 24 Nov 2016 23:30:00 -0500", date(2016, 11, 24)),   # the day as written, not UTC's
    ("Thu, 24 Nov 16 10:00:00 GMT", date(2016, 11, 24)),
    ("2016-11-24T23:30:00-05:00", date(2016, 11, 24)),
    ("2016/03/04", date(2016, 3, 4)),
])
def test_feed_and_iso_dates_keep_the_calendar_day_written(value, expected):
    assert read_date(value) == expected


def test_all_numeric_dates_follow_the_order_given_and_never_swap_to_fit():
    assert read_date("04/03/2016") == date(2016, 3, 4)
    assert read_date("04/03/2016", DateOrder.MONTH_FIRST) == date(2016, 4, 3)
    assert read_date("4.3.2016") == date(2016, 3, 4)
    with pytest.raises(DateProblem, match="month-first"):
        read_date("13/03/2016", DateOrder.MONTH_FIRST)   # not read as 13 March instead


@pytest.mark.parametrize("value, reason", [
    ("Wed Nov 23", "no year"),
    ("Dec 10 11", "no year"),
    ("November 2016", "no day"),
    ("4:58 PM ET", "known form"),
    ("12 Decembe", "not a date"),
    ("31 Feb 2019", "not a date"),
    ("Thu Nov 23 10:00:00 2016", "Wednesday, not a Thursday"),
    ("", "empty"),
])
def test_incomplete_or_impossible_dates_are_problems_that_say_why(value, reason):
    with pytest.raises(DateProblem, match=reason):
        read_date(value)


def test_parse_date_names_file_line_and_field_of_an_unreadable_value():
    with pytest.raises(RecordError) as info:
        parse_date("Wed Nov 23", "wire.csv", 12, "date")
    assert (info.value.source, info.value.line, info.value.field) == ("wire.csv", 12, "date")
    assert "'Wed Nov 23'" in str(info.value)


def test_published_date_keeps_the_record_with_a_warning_instead_of_the_default():
    day, warning = published_date("Wed Nov 23", date(2016, 1, 1), "a.jsonl", 4)
    assert day is None                                       # the default would be a guess
    assert "line 4" in str(warning) and "'Wed Nov 23'" in str(warning)
    assert "unresolved" in warning.reason


def test_published_date_uses_the_default_only_when_the_record_has_none():
    assert published_date(None, date(2016, 1, 1), "a.jsonl", 4) == (date(2016, 1, 1), None)
    assert published_date("  ", date(2016, 1, 1), "a.jsonl", 4) == (date(2016, 1, 1), None)
    day, warning = published_date(None, None, "a.jsonl", 4)
    assert day is None and "no publication date" in warning.reason
