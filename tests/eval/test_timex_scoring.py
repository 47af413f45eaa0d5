"""Scoring resolved time expressions against TimeML-valued gold (SCORING.md)."""
import pytest

from newsevents.errors import RecordError
from newsevents.eval.timex import score_article, score_timexes
from newsevents.nlp.timexes_resolve import timeml_value_span

TEXT = "Rain fell on Friday, this week and in March; this year was odd, as it is now."
GOLD = [{
    "id": "a1", "published": "2013-03-22", "text": TEXT,
    "timexes": [
        {"text": "Friday", "start": 13, "end": 19, "value": "2013-03-22"},
        {"text": "this week", "start": 21, "end": 30, "value": "2013-W12"},
        {"text": "March", "start": 38, "end": 43, "value": "2013-03"},
        {"text": "this year", "start": 45, "end": 54, "value": "XXXX-WI"},
        {"text": "now", "start": 73, "end": 76, "value": "PRESENT_REF"},
    ],
}]


def gold_as_prediction(record):
    out = []
    for item in record["timexes"]:
        span = timeml_value_span(item["value"])
        if span:
            out.append({"start": item["start"], "end": item["end"],
                        "start_date": span[0].isoformat(), "end_date": span[1].isoformat()})
    return out


def test_gold_as_prediction_scores_full_recall():
    result = score_timexes(GOLD, gold_as_prediction)
    assert result["recall"] == 1.0
    assert (result["n"], result["gold"], result["scorable"], result["correct"]) == (1, 5, 3, 3)
    assert result["span_found"] == 3 and result["misses"] == []


def test_wrong_dates_on_the_right_words_find_spans_but_score_nothing():
    def shifted(record):
        return [{**p, "start_date": "2013-03-21", "end_date": "2013-03-21"}
                for p in gold_as_prediction(record)]
    result = score_timexes(GOLD, shifted)
    assert result["recall"] == 0.0
    assert result["span_recall"] == 1.0
    assert {m["text"] for m in result["misses"]} == {"Friday", "this week", "March"}


def test_right_dates_on_other_words_do_not_count():
    def elsewhere(record):
        return [{**p, "start": 0, "end": 4} for p in gold_as_prediction(record)]
    result = score_timexes(GOLD, elsewhere)
    assert result["correct"] == 0 and result["span_found"] == 0
    assert result["predicted"] == 3


def test_a_span_containing_the_gold_span_is_not_exact():
    def whole_month(record):
        return [{"start": 10, "end": 19, "start_date": "2013-03-01", "end_date": "2013-03-31"}]
    article = score_article(GOLD[0], whole_month(GOLD[0]))
    assert article["span_found"] == 1 and article["correct"] == 0


def test_quarter_and_season_values_are_scorable():
    gold = [{"id": "q", "text": "x" * 20, "timexes": [
        {"text": "Q4", "start": 0, "end": 2, "value": "2009-Q4"},
        {"text": "summer", "start": 5, "end": 11, "value": "2012-SU"}]}]
    predicted = [{"start": 0, "end": 2, "start_date": "2009-10-01", "end_date": "2009-12-31"},
                 {"start": 5, "end": 11, "start_date": "2012-06-01", "end_date": "2012-08-31"}]
    assert score_timexes(gold, lambda record: predicted)["recall"] == 1.0


def test_no_scorable_gold_gives_zero_not_an_error():
    gold = [{"id": "z", "text": "now", "timexes": [{"text": "now", "start": 0, "end": 3,
                                                    "value": "PRESENT_REF"}]}]
    result = score_timexes(gold, lambda record: [])
    assert result["scorable"] == 0 and result["recall"] == 0.0


def test_malformed_prediction_raises_record_error():
    with pytest.raises(RecordError):
        score_timexes(GOLD, lambda record: [{"start": 13, "end": 19}])
