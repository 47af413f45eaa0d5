"""Triggers from the CAMEO verb dictionary (PETRARCH2), read over the parse; sentences of our own."""
from datetime import date

import pytest

from newsevents.nlp.cameo import load_cameo
from newsevents.records import Article
from test_lexicon import MODES


@pytest.fixture(scope="module")
def code(pipeline):
    def run(text):
        _, doc = next(pipeline.run([Article(text=text, published=date(2024, 5, 6))]))
        return [(e.type, tuple(sorted({a.country for a in e.actor})),
                 tuple(sorted({r.country for r in e.recipient}))) for e in doc._.events]
    return run


def test_a_verb_only_the_dictionary_knows_is_coded_with_its_blocks_type(code):
    # "admonish" sits in CAMEO's DENOUNCE block (111), not in the project's own lexicon.
    assert ("ACCUSE", ("FIN",), ("EST",)) in code("Finland admonished Estonia over the border dispute.")


def test_a_verb_with_a_default_sense_takes_it(code):
    events = code("Uruguay's foreign minister attended the summit in Quito on Monday.")
    assert [e[0] for e in events] == ["CONSULT"]


def test_a_pattern_coded_as_no_event_overrides_the_verbs_default(code):
    # "attend" is a visit (042) by default, but "attend court" is coded "---".
    assert code("The two suspects attended court in Lisbon on Monday.") == []


def test_a_verb_whose_default_is_marked_too_vague_is_no_event_alone(code):
    # "consider" (CAMEO 040) is listed under no_default: considering is not consulting.
    assert code("Norway's government considered the Swedish proposal.") == []


def test_the_dictionary_adds_nothing_where_the_projects_lexicon_found_an_event(code):
    events = code("Peru condemned Bolivia and admonished Chile.")
    assert {e[0] for e in events} == {"ACCUSE"}
    assert ("ACCUSE", ("PER",), ("BOL",)) in events


def test_every_mapped_code_gives_a_plover_type_with_one_of_its_modes_or_no_event():
    lexicon = load_cameo()
    for code in lexicon.codes:
        trigger = lexicon.plover(code)
        if trigger is not None:
            assert trigger.type in MODES, code
            assert trigger.mode is None or trigger.mode in MODES[trigger.type], (code, trigger.mode)


def test_a_finer_code_the_map_does_not_list_takes_its_nearest_listed_parent():
    lexicon = load_cameo()
    for code in lexicon.codes:
        finer = code + "x"  # no CAMEO code has a letter, so the map never lists it
        assert lexicon.plover(finer) == lexicon.plover(code), code
    assert lexicon.plover(None) is None and lexicon.plover("x") is None
