"""Who says so, and whether it happened."""
from datetime import date

import pytest

from newsevents.records import Article


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text):
        _, doc = next(pipeline.run([Article(text=text, published=date(2025, 3, 16))]))
        return doc._.events
    return run


@pytest.mark.parametrize("text,name,country", [
    ("Iran supplied Russia with drones, Ukraine's military intelligence said.", "intelligence", "UKR"),
    ("According to Yonhap, North Korea fired two missiles into the sea.", "Yonhap", "KOR"),
    ("South Korea's spy agency said North Korea had sent troops to Russia.", "agency", "KOR"),
    ("TASS reported that Russian forces shelled Kharkiv.", "TASS", "RUS"),
    ("Sergei Lavrov announced that Serbia had agreed to buy more Russian gas.", "Lavrov", "RUS"),
    ("Kim Jong Un pledged support for Russia, state media reported Sunday.", "media", None),
])
def test_reporting_frame_gives_the_source(code, text, name, country):
    event = code(text)[0]
    assert event.attribution is not None
    assert name.lower() in event.attribution.name.lower() or name.lower() in event.attribution.text.lower()
    if country:
        assert event.attribution.country == country


def test_the_articles_own_voice_has_no_attribution(code):
    assert code("Germany expelled two Russian diplomats on Monday.")[0].attribution is None


def test_nested_report_takes_the_outer_source(code):
    event = code("According to Kyodo, Japan said China had seized a Japanese fishing boat.")[0]
    assert event.type == "COERCE" and event.attribution.country == "JPN" or "Kyodo" in event.attribution.name


@pytest.mark.parametrize("text,modality", [
    ("Germany expelled two Russian diplomats.", "asserted"),
    ("Germany will expel two Russian diplomats.", "future"),
    ("Germany plans to expel two Russian diplomats.", "future"),
    ("Ethiopian soldiers are to withdraw from the Somali border region.", "future"),
    ("Russia could attack Moldova.", "hypothetical"),
    ("Russia might attack Moldova, analysts said.", "hypothetical"),
    ("Germany did not expel the Russian diplomats.", "negated"),
    ("The UAE denied supplying weapons to the RSF.", "negated"),
    ("The Taliban have not attacked Pakistani posts since the ceasefire started.", "negated"),
])
def test_modality(code, text, modality):
    events = code(text)
    assert events, text
    assert events[0].modality == modality


def test_a_report_carries_over_into_a_backshifted_next_sentence(code):
    events = code("Ukraine's military said Russian forces would attack Kharkiv. "
                  "Russian drones would also strike the port of Odesa.")
    assert len(events) >= 2
    assert all(e.attribution is not None and e.attribution.country == "UKR" for e in events)


def test_a_report_does_not_carry_into_a_sentence_in_the_articles_own_voice(code):
    events = code("Ukraine's military said Russian forces had shelled Kharkiv overnight. "
                  "Germany expelled two Russian diplomats on Monday.")
    assert [e.attribution for e in events if e.type == "SANCTION"] == [None]


def test_promised_cooperation_is_also_coded_as_agree(code):
    events = code("The United Nations will provide food aid to refugees in Liberia.")
    types = {(e.type, e.modality) for e in events}
    assert ("AID", "future") in types and ("AGREE", "asserted") in types


def test_cooperation_already_given_is_no_promise(code):
    events = code("The United Nations provided food aid to refugees in Liberia.")
    assert "AGREE" not in {e.type for e in events}
