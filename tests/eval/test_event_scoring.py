"""The event scorer follows shared/gold/SCORING.md; fixtures are invented articles."""
from __future__ import annotations

import copy
from datetime import date

import pytest

from newsevents.errors import InputError, RecordError
from newsevents.eval.events import (
    FIELDS, country_set, evidence_span, format_report, haversine_km, name_matches,
    score_events,
)
from newsevents.eval.gold import parse_articles, read_articles
from newsevents.records import Actor, Attribution, Event, Evidence, Quantity, When, Where

TEXT = ("Chile's president met Peru's foreign minister in Lima on Monday, state media reported. "
        "Chile sent 1,200 tonnes of grain to Peru last month.")
MEETING = "Chile's president met Peru's foreign minister in Lima on Monday"
SHIPMENT = "Chile sent 1,200 tonnes of grain to Peru last month"
LIMA = (-12.0464, -77.0428)


def entity(country, name="x", sector="GOV"):
    return {"name": name, "country": country, "sector": sector}


def meeting_event(**changes):
    event = {
        "type": "CONSULT", "mode": "visit",
        "actor": [entity("CHL", "Chile's president")],
        "recipient": [entity("PER", "Peru's foreign minister")],
        "date": {"start": "2025-03-03", "end": "2025-03-03", "text": "on Monday"},
        "place": {"name": "Lima", "aliases": ["Ciudad de los Reyes"], "country": "PER",
                  "admin1": "Lima", "lat": LIMA[0], "lon": LIMA[1]},
        "quantities": [],
        "attribution": {"name": "Andina", "aliases": ["state media"], "country": "PER"},
        "modality": "asserted",
        "evidence": MEETING,
    }
    event.update(changes)
    return event


def shipment_event(**changes):
    event = {
        "type": "AID", "mode": "humanitarian",
        "actor": [entity("CHL", "Chile")], "recipient": [entity("PER", "Peru")],
        "date": {"start": "2025-02-01", "end": "2025-02-28", "text": "last month"},
        "place": None,
        "quantities": [{"value": 1200, "unit": "tonnes of grain", "qualifier": None,
                        "text": "1,200 tonnes of grain"}],
        "attribution": None,
        "modality": "asserted",
        "evidence": SHIPMENT,
    }
    event.update(changes)
    return event


def article(events, article_id="chile-peru", text=TEXT):
    return {"id": article_id, "published": "2025-03-04", "text": text, "events": events}


def gold_articles():
    return [article([meeting_event(), shipment_event()]),
            article([shipment_event(evidence="Chile sent 1,200 tonnes of grain")],
                    article_id="second")]


def score_one(gold_event, predicted_event, **kwargs):
    return score_events([article([gold_event])], [article([predicted_event])], **kwargs)


def moved(point, km_north):
    """A point `km_north` kilometres due north (1 degree of latitude is ~111.2 km)."""
    return point[0] + km_north / 111.195, point[1]


# --- whole-set behaviour ------------------------------------------------------

def test_gold_scored_against_itself_is_perfect_on_every_measure():
    gold = gold_articles()
    result = score_events(gold, copy.deepcopy(gold), by_type=True)
    for block in ("events", "triples"):
        assert (result[block]["precision"], result[block]["recall"], result[block]["f1"]) == \
            (1.0, 1.0, 1.0)
    for name in FIELDS:
        assert result["fields"][name]["n"] > 0, name
        assert result["fields"][name]["accuracy"] == 1.0, name
    assert set(result["by_type"]) == {"CONSULT", "AID"}
    assert all(row["f1"] == 1.0 for row in result["by_type"].values())
    assert result["events"]["gold"] == 3


def test_an_extra_predicted_event_lowers_precision_only():
    gold = gold_articles()
    predicted = copy.deepcopy(gold)
    predicted[0]["events"].append(meeting_event(type="ACCUSE"))
    result = score_events(gold, predicted)
    assert result["events"]["precision"] == pytest.approx(3 / 4)
    assert result["events"]["recall"] == 1.0
    assert result["triples"]["recall"] == 1.0


def test_a_missing_predicted_article_lowers_recall_and_is_listed():
    gold = gold_articles()
    result = score_events(gold, [copy.deepcopy(gold[0])])
    assert result["events"]["recall"] == pytest.approx(2 / 3)
    assert result["events"]["precision"] == 1.0
    assert result["articles"]["missing"] == ["second"]


def test_predicted_articles_without_gold_are_left_out():
    gold = gold_articles()
    predicted = copy.deepcopy(gold) + [article([meeting_event()], article_id="unannotated")]
    result = score_events(gold, predicted)
    assert result["events"]["precision"] == 1.0
    assert result["articles"]["unannotated"] == 1


def test_repeated_gold_ids_pair_by_occurrence():
    first = article([meeting_event()], article_id="same")
    second = article([meeting_event(evidence="a different story")],
                     article_id="same", text="It was a different story.")
    result = score_events([first, second], [copy.deepcopy(first), copy.deepcopy(second)])
    assert result["events"]["f1"] == 1.0
    assert result["articles"]["duplicate_ids"] == ["same"]


def test_article_without_id_is_an_input_error():
    with pytest.raises(InputError):
        score_events([{"text": TEXT, "events": []}], [])


# --- pairing ------------------------------------------------------------------

def test_different_type_does_not_pair():
    result = score_one(meeting_event(), meeting_event(type="SUPPORT"))
    assert result["events"]["correct"] == 0
    assert result["fields"]["actor"]["n"] == 0


def test_evidence_in_another_sentence_does_not_pair():
    result = score_one(meeting_event(), meeting_event(evidence="state media reported"))
    assert result["events"]["correct"] == 0


def test_one_shared_character_is_enough_to_pair():
    # "Monday," ends at the comma; prediction starts at the final "y" of "Monday".
    start = TEXT.index(MEETING) + len(MEETING) - 1
    predicted = meeting_event(evidence="y, state", evidence_start=start, evidence_end=start + 8)
    assert score_one(meeting_event(), predicted)["events"]["correct"] == 1


def test_given_offsets_win_over_string_search():
    other_chile = TEXT.index("Chile sent")
    predicted = meeting_event(evidence_start=other_chile, evidence_end=other_chile + 10)
    assert score_one(meeting_event(), predicted)["events"]["correct"] == 0


def test_evidence_not_in_text_cannot_pair():
    assert evidence_span({"evidence": "words nowhere in it"}, TEXT) is None
    result = score_one(meeting_event(), meeting_event(evidence="words nowhere in it"))
    assert result["events"]["correct"] == 0


def test_pair_with_agreeing_countries_wins_over_larger_overlap():
    gold = meeting_event()
    wrong_countries = meeting_event(actor=[entity("ARG")])          # full overlap
    right_countries = meeting_event(evidence="Chile's president met")  # partial overlap
    result = score_events([article([gold])], [article([wrong_countries, right_countries])])
    assert result["events"]["correct"] == 1
    assert result["triples"]["correct"] == 1
    assert result["fields"]["actor"]["accuracy"] == 1.0
    assert result["events"]["precision"] == 0.5


def test_larger_overlap_wins_when_countries_agree_equally():
    gold = meeting_event()
    short = meeting_event(evidence="Chile's president", date=None)
    full = meeting_event()
    result = score_events([article([gold])], [article([short, full])])
    assert result["fields"]["date"]["accuracy"] == 1.0


def test_each_event_pairs_at_most_once():
    result = score_events([article([meeting_event()])],
                          [article([meeting_event(), meeting_event()])])
    assert result["events"]["correct"] == 1
    assert result["events"]["precision"] == 0.5


# --- actor and recipient --------------------------------------------------------

def test_wrong_actor_country_pairs_but_misses_the_triple_and_the_actor():
    result = score_one(meeting_event(), meeting_event(actor=[entity("ARG")]))
    assert result["events"]["f1"] == 1.0
    assert result["triples"]["f1"] == 0.0
    assert result["fields"]["actor"]["accuracy"] == 0.0
    assert result["fields"]["recipient"]["accuracy"] == 1.0


def test_country_sets_ignore_order_names_and_repeats():
    gold = meeting_event(actor=[entity("CHL"), entity("BOL")])
    predicted = meeting_event(actor=[entity("BOL", "La Paz"), entity("CHL"), entity("CHL")])
    assert score_one(gold, predicted)["fields"]["actor"]["accuracy"] == 1.0


def test_a_null_country_is_a_value_of_its_own():
    assert country_set([entity(None)]) == frozenset({None})
    result = score_one(meeting_event(recipient=[]), meeting_event(recipient=[entity(None)]))
    assert result["fields"]["recipient"]["accuracy"] == 0.0


# --- date ------------------------------------------------------------------------

def test_date_outside_the_gold_span_is_wrong():
    predicted = meeting_event(date={"start": "2025-03-02", "end": "2025-03-02"})
    assert score_one(meeting_event(), predicted)["fields"]["date"]["accuracy"] == 0.0


def test_date_inside_the_gold_span_is_right():
    predicted = shipment_event(date={"start": "2025-02-10", "end": "2025-02-12"})
    assert score_one(shipment_event(), predicted)["fields"]["date"]["accuracy"] == 1.0


def test_date_wider_than_the_gold_span_is_wrong():
    predicted = meeting_event(date={"start": "2025-03-01", "end": "2025-03-31"})
    assert score_one(meeting_event(), predicted)["fields"]["date"]["accuracy"] == 0.0


def test_null_predicted_date_is_wrong_and_null_gold_date_is_not_counted():
    assert score_one(meeting_event(), meeting_event(date=None))["fields"]["date"] == \
        {"correct": 0, "n": 1, "accuracy": 0.0}
    assert score_one(meeting_event(date=None), meeting_event())["fields"]["date"]["n"] == 0


# --- place -----------------------------------------------------------------------

def far_place(km, name="Somewhere Else", country="PER"):
    lat, lon = moved(LIMA, km)
    return {"name": name, "country": country, "lat": lat, "lon": lon}


def test_place_100_km_away_with_another_name_is_wrong():
    predicted = meeting_event(place=far_place(100))
    assert score_one(meeting_event(), predicted)["fields"]["place"]["accuracy"] == 0.0


def test_place_20_km_away_with_another_name_is_right():
    predicted = meeting_event(place=far_place(20))
    assert score_one(meeting_event(), predicted)["fields"]["place"]["accuracy"] == 1.0


def test_place_name_or_alias_matches_at_any_distance():
    for name in ("LIMA", "Lima Province", "Ciudad de los Reyes"):
        predicted = meeting_event(place=far_place(500, name=name))
        assert score_one(meeting_event(), predicted)["fields"]["place"]["accuracy"] == 1.0, name


def test_place_in_another_country_is_wrong_even_when_close_and_same_name():
    predicted = meeting_event(place=far_place(1, name="Lima", country="CHL"))
    assert score_one(meeting_event(), predicted)["fields"]["place"]["accuracy"] == 0.0


def test_null_gold_place_is_not_counted():
    result = score_one(shipment_event(), shipment_event(place=far_place(0)))
    assert result["fields"]["place"]["n"] == 0


def test_haversine_of_one_degree_of_latitude_is_about_111_km():
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.19, abs=0.01)


# --- attribution -------------------------------------------------------------------

def test_attribution_matches_an_alias_case_insensitively_by_containment():
    predicted = meeting_event(attribution={"name": "Peruvian State Media", "country": "PER"})
    assert score_one(meeting_event(), predicted)["fields"]["attribution"]["accuracy"] == 1.0


def test_attribution_with_matching_name_but_other_country_is_wrong():
    predicted = meeting_event(attribution={"name": "Andina", "country": "CHL"})
    assert score_one(meeting_event(), predicted)["fields"]["attribution"]["accuracy"] == 0.0


def test_attribution_where_gold_states_it_in_its_own_voice():
    assert score_one(shipment_event(), shipment_event())["fields"]["attribution"]["accuracy"] == 1.0
    predicted = shipment_event(attribution={"name": "officials", "country": "CHL"})
    assert score_one(shipment_event(), predicted)["fields"]["attribution"]["accuracy"] == 0.0
    no_key = shipment_event()
    del no_key["attribution"]
    assert score_one(shipment_event(), no_key)["fields"]["attribution"]["accuracy"] == 1.0


def test_attribution_is_not_counted_when_gold_lacks_the_key():
    gold = meeting_event()
    del gold["attribution"]
    assert score_one(gold, meeting_event())["fields"]["attribution"]["n"] == 0


def test_empty_names_never_match():
    assert not name_matches("", ["Lima"])
    assert not name_matches("Lima", ["", None])


# --- modality ---------------------------------------------------------------------

def test_missing_predicted_modality_counts_as_asserted():
    predicted = meeting_event()
    del predicted["modality"]
    assert score_one(meeting_event(), predicted)["fields"]["modality"]["accuracy"] == 1.0


def test_different_modality_is_wrong():
    predicted = meeting_event(modality="future")
    assert score_one(meeting_event(), predicted)["fields"]["modality"]["accuracy"] == 0.0


# --- quantities --------------------------------------------------------------------

def with_value(value):
    return shipment_event(quantities=[{"value": value, "text": str(value)}])


def test_quantity_within_one_percent_is_right():
    assert score_one(shipment_event(), with_value(1210))["fields"]["quantities"]["accuracy"] == 1.0


def test_quantity_two_percent_off_is_wrong():
    assert score_one(shipment_event(), with_value(1224))["fields"]["quantities"]["accuracy"] == 0.0


def test_quantities_count_over_gold_quantities_of_paired_events_only():
    gold = shipment_event(quantities=[{"value": 1200}, {"value": 7}])
    result = score_one(gold, with_value(1200))
    assert result["fields"]["quantities"] == {"correct": 1, "n": 2, "accuracy": 0.5}
    unpaired = score_one(gold, with_value(1200) | {"type": "ASSAULT"})
    assert unpaired["fields"]["quantities"]["n"] == 0


# --- system output and report -------------------------------------------------------

def test_system_event_records_score_against_gold():
    start = TEXT.index(MEETING)
    event = Event(
        type="CONSULT", evidence=Evidence(MEETING, start, start + len(MEETING)),
        trigger="met", trigger_start=start + 18, trigger_end=start + 21,
        actor=(Actor("Gabriel Boric", "CHL", "GOV"),),
        recipient=(Actor("Peru's foreign minister", "PER", "GOV"),),
        date=When(date(2025, 3, 3), date(2025, 3, 3), "on Monday", "day"),
        place=Where("Lima", "PER", "Lima", LIMA[0], LIMA[1], "Lima"),
        quantities=(Quantity(3.0, "three"),),
        attribution=Attribution("state media", "PER", "MED", "state media reported"))
    result = score_events([article([meeting_event()])], [article([event.to_dict()])])
    assert result["triples"]["f1"] == 1.0
    for name in ("actor", "recipient", "date", "place", "attribution", "modality"):
        assert result["fields"][name]["accuracy"] == 1.0, name


def test_report_shows_measures_fields_and_type_rows():
    gold = gold_articles()
    report = format_report(score_events(gold, copy.deepcopy(gold), by_type=True))
    lines = report.splitlines()
    assert any(line.startswith("events") and "1.000" in line for line in lines)
    assert any(line.startswith("triples") for line in lines)
    for name in FIELDS:
        assert any(line.startswith(name) for line in lines), name
    assert any(line.startswith("CONSULT") for line in lines)
    no_types = format_report(score_events(gold, copy.deepcopy(gold)))
    assert "CONSULT" not in no_types


def test_report_marks_fields_with_nothing_to_score():
    result = score_one(shipment_event(date=None), shipment_event())
    date_line = next(l for l in format_report(result).splitlines() if l.startswith("date"))
    assert date_line.split()[1] == "-"


# --- reading files -------------------------------------------------------------------

def test_read_articles_reads_json_lines_and_skips_blank_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "t", "events": []}\n\n{"id": "b", "text": "u"}\n',
                    encoding="utf-8")
    assert [a["id"] for a in read_articles(path)] == ["a", "b"]


def test_a_bad_line_is_reported_with_its_number():
    with pytest.raises(RecordError) as caught:
        parse_articles(['{"id": "a", "text": "t"}', "{not json"], source="pred.jsonl")
    assert caught.value.line == 2


def test_a_line_without_id_is_a_record_error():
    with pytest.raises(RecordError) as caught:
        parse_articles(['{"text": "no id"}'])
    assert caught.value.field == "id"


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        read_articles(tmp_path / "absent.jsonl")
