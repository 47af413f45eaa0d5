from datetime import date

import pytest

from newsevents.errors import InputError
from newsevents.store import EventFilter, count_events, event_by_id, find_events


def _types(store, **filters):
    return sorted(row["type"] for row in find_events(store, EventFilter(**filters)))


def test_no_filter_returns_every_event_newest_first_with_article_fields(loaded_store):
    rows = find_events(loaded_store)
    assert len(rows) == 5 == count_events(loaded_store)
    assert [r["type"] for r in rows[:2]] == ["CONSULT", "MOBILIZE"]   # July, then April 2025
    assert rows[-1]["input_id"] == "art-sanction"
    meet = next(r for r in rows if r["type"] == "CONSULT")
    assert meet["title"] == "Kim meets Lavrov"
    assert meet["published"] == date(2025, 7, 13)
    assert meet["outlet"] == "Pyongyang Times"
    assert meet["url"] == "https://example.test/meet"
    assert meet["actor"][0]["name"] == "Kim Jong Un"    # JSON columns come back decoded
    assert meet["actor_countries"] == ["PRK"] and meet["recipient_countries"] == ["RUS"]


def test_actor_matches_country_code_case_insensitively(loaded_store):
    assert _types(loaded_store, actor="prk") == ["CONSULT"]
    assert _types(loaded_store, actor="KOR") == ["MOBILIZE", "SIGNAL"]


def test_actor_matches_a_name_substring_of_any_actor(loaded_store):
    # the drill has two actors; the second one's name matches
    assert _types(loaded_store, actor="defence MINISTRY") == ["MOBILIZE", "SIGNAL"]
    assert _types(loaded_store, actor="lavrov") == ["REJECT"]


def test_recipient_filter_looks_only_at_recipients(loaded_store):
    assert _types(loaded_store, recipient="kim") == ["SANCTION"]
    assert _types(loaded_store, recipient="usa") == ["SIGNAL"]
    assert _types(loaded_store, actor="prk", recipient="rus") == ["CONSULT"]
    assert _types(loaded_store, actor="rus", recipient="prk") == []


def test_type_is_exact_and_case_insensitive(loaded_store):
    assert _types(loaded_store, type="consult") == ["CONSULT"]
    assert _types(loaded_store, type="coerce") == []


def test_since_and_until_use_event_dates_overlapping_the_range(loaded_store):
    # the drill spans 2025-04-01..2025-04-30: it overlaps a range inside April
    assert "MOBILIZE" in _types(loaded_store, since=date(2025, 4, 15), until=date(2025, 4, 16))
    # the meeting happened 2025-07-12, the day before its article's date
    assert _types(loaded_store, since=date(2025, 7, 13)) == []
    assert _types(loaded_store, until=date(2025, 7, 12), since=date(2025, 7, 12)) == ["CONSULT"]


def test_events_without_a_date_are_filtered_by_their_article_date(loaded_store):
    # SIGNAL has no date; its article was published 2025-03-01
    assert _types(loaded_store, since=date(2025, 3, 1), until=date(2025, 3, 1)) == ["SIGNAL"]
    assert _types(loaded_store, until=date(2024, 12, 31)) == ["REJECT", "SANCTION"]


def test_dates_may_be_given_as_iso_strings(loaded_store):
    assert _types(loaded_store, since="2025-07-01") == ["CONSULT"]
    with pytest.raises(InputError, match="since"):
        EventFilter(since="July 2025")


def test_place_matches_name_substring_or_country_code(loaded_store):
    assert _types(loaded_store, place="wons") == ["CONSULT"]
    assert _types(loaded_store, place="kor") == ["MOBILIZE"]
    assert _types(loaded_store, place="Pyongyang") == []


def test_source_matches_attribution_name_or_outlet(loaded_store):
    assert _types(loaded_store, source="kcna") == ["CONSULT"]
    assert _types(loaded_store, source="herald") == ["MOBILIZE", "SIGNAL"]   # the outlet
    assert _types(loaded_store, source="lavrov") == ["REJECT"]


def test_modality_is_exact(loaded_store):
    assert _types(loaded_store, modality="negated") == ["SANCTION"]
    assert _types(loaded_store, modality="Future") == ["MOBILIZE"]
    assert len(_types(loaded_store, modality="asserted")) == 2


def test_filters_combine_with_and(loaded_store):
    assert _types(loaded_store, actor="kor", type="mobilize", source="herald") == ["MOBILIZE"]
    assert _types(loaded_store, actor="kor", modality="negated") == []


def test_limit_and_offset_page_through_the_same_order(loaded_store):
    every = [r["id"] for r in find_events(loaded_store)]
    first = [r["id"] for r in find_events(loaded_store, EventFilter(limit=2))]
    second = [r["id"] for r in find_events(loaded_store, EventFilter(limit=2, offset=2))]
    assert first + second == every[:4]
    assert count_events(loaded_store, EventFilter(limit=1)) == 5


def test_blank_filters_mean_no_filter(loaded_store):
    assert count_events(loaded_store, EventFilter(actor="", place="  ", modality="")) == 5


def test_filter_values_are_parameters_not_sql(loaded_store):
    assert count_events(loaded_store, EventFilter(actor="x' OR '1'='1")) == 0
    assert count_events(loaded_store, EventFilter(place="%")) == 0


@pytest.mark.parametrize("kwargs", [{"modality": "maybe"}, {"limit": -1}, {"offset": -3},
                                    {"since": date(2025, 2, 1), "until": date(2025, 1, 1)}])
def test_impossible_filters_raise_input_error(kwargs):
    with pytest.raises(InputError):
        EventFilter(**kwargs)


def test_event_by_id_returns_one_plain_row_or_none(loaded_store):
    row = find_events(loaded_store, EventFilter(type="REJECT"))[0]
    assert event_by_id(loaded_store, row["id"]) == row
    assert event_by_id(loaded_store, "no-such-event") is None


@pytest.mark.parametrize("filters, field, says", [
    ({"type": "ASSUALT"}, "type", "ASSAULT"),
    ({"modality": "maybe"}, "modality", "hypothetical"),
    ({"actor": "KP"}, "actor", "use PRK"),
    ({"recipient": "XYZ"}, "recipient", "alpha-3"),
    ({"place": "GB"}, "place", "use GBR"),
])
def test_filters_refuse_unknown_values_and_say_what_is_allowed(filters, field, says):
    with pytest.raises(InputError) as caught:
        EventFilter(**filters)
    assert caught.value.field == field and says in str(caught.value)


def test_codes_names_and_lower_case_values_pass_the_filter_check():
    for value in ("PRK", "prk", "IGO", "XKX", "UN", "Kim", "kim", "EU"):
        EventFilter(actor=value, place=value)
    assert EventFilter(type="aid").type == "aid"


def test_type_counts_are_remembered_until_the_store_writes_again(store):
    from newsevents.records import Article
    from newsevents.store.queries import event_type_counts
    from store_corpus import make_event
    assert event_type_counts(store) == {}
    text = "Envoys of two governments met in Geneva on Tuesday."
    store.add_article(Article(text=text, id="first"), [make_event(text, "met", "CONSULT")])
    assert event_type_counts(store) == {"CONSULT": 1}
    assert event_type_counts(store) == {"CONSULT": 1}       # answered from memory
    text = "Police dispersed a crowd outside the embassy on Friday."
    store.add_article(Article(text=text, id="second"), [make_event(text, "dispersed", "COERCE")])
    assert event_type_counts(store) == {"COERCE": 1, "CONSULT": 1}


def test_a_code_in_capitals_matches_countries_and_not_names_containing_it(store):
    from newsevents.records import Actor, Article
    from store_corpus import make_event
    text = "The Belarus government protested to Minsk officials on Monday."
    belarus = Actor("Belarus government", "BLR", "GOV", id="country:BLR")
    store.add_article(Article(text=text, id="blr"),
                      [make_event(text, "protested", "DISAPPROVE", actor=(belarus,))])
    assert find_events(store, EventFilter(actor="BLR"))
    assert find_events(store, EventFilter(actor="belarus"))
    assert find_events(store, EventFilter(actor="rus"))          # lower case: part of a name
    assert find_events(store, EventFilter(actor="RUS")) == []    # the code of another country
    assert count_events(store, EventFilter(actor="RUS")) == 0


def test_place_and_source_filters_match_what_their_two_columns_hold(loaded_store):
    """Each reads one joined column (facts.SEARCH_COLUMNS); the answers are those of the
    name-or-country and source-or-outlet rules, also for values across the join."""
    rows = find_events(loaded_store)
    values = ["wons", "WONSAN", "kor", "Kor", "KOR", "PRK", "rus", "o", "n", "1", "-", "ö",
              "kcna", "herald", "Times", "lavrov", "a", "n\x1fp", "n\x1fP", "a\x1fpyong", "y\x1fkorea"]

    def place_matches(row, value):
        return (value.lower() in (row["place_name"] or "").lower()
                or (row["place_country"] or "") == value.upper())

    def source_matches(row, value):
        return any(value.lower() in (text or "").lower()
                   for text in (row["attribution_name"], row["outlet"]))

    for value in values:
        assert _types(loaded_store, place=value) == sorted(
            r["type"] for r in rows if place_matches(r, value)), value
        assert _types(loaded_store, source=value) == sorted(
            r["type"] for r in rows if source_matches(r, value)), value
    assert _types(loaded_store, place="wonsan\x1fprk") == []


def test_a_filter_value_with_undecoded_bytes_is_refused_naming_the_field():
    # a shell argument that was not UTF-8 reaches Python as surrogate escapes
    with pytest.raises(InputError, match="not UTF-8 text: byte 0xff at character 3") as caught:
        EventFilter(place="caf\udcff")
    assert caught.value.field == "place"
