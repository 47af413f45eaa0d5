import pytest

from newsevents.nlp.cameo import CameoLexicon
from newsevents.nlp.lexicon import Lexicon, Trigger, load_lexicon
from newsevents.nlp.prefilter import SentenceFilter, sentence_filter, sentences
from newsevents.nlp.triggers import find_triggers

EVENT_SENTENCES = [
    "Ruritanian artillery shelled the border town of Vell on Tuesday.",
    "The foreign minister condemned the raid as a violation of sovereignty.",
    "Troops fought the rebels for two days before they withdrew.",
    "Ghana cut ties with the island after the vote.",
    "Police arrested 40 protesters outside the parliament.",
    "The two governments signed a trade agreement in Geneva.",
    "Opposition supporters marched through the capital on Sunday.",
    "The council imposed a curfew on the northern districts.",
    "Both sides said the truce took effect at midnight.",
    "Osterland is ready to send peacekeepers if asked.",
    "The prime minister called on the army to release the detainees.",
    "Rebels seized two villages and burned houses.",
    "Officials stepped down after the scandal broke.",
    "An air strike hit a convoy near the port.",
]

# Each says its event through one of the coder's less direct paths.
INDIRECT_EVENT_SENTENCES = [
    "The protesting teachers sang in the rain.",                  # a participle naming its doer
    "Weeks of protests have left the capital tense.",             # a noun inside a span
    "Riots erupted across the southern provinces overnight.",     # a noun told happening
    "The two navies jointly patrolled the strait.",               # an act done jointly
    "The mayor called for the crossing to be reopened.",          # a phrase with any object
]

FILLER_SENTENCES = [
    "The weather in the capital was mild and sunny.",
    "Its population is about two million people.",
    "The river runs for 300 kilometres through the valley.",
    "Prices of bread and rice were stable last month.",
]


@pytest.fixture(scope="module")
def first_pass(nlp):
    return sentence_filter(nlp)


@pytest.mark.parametrize("text", EVENT_SENTENCES)
def test_a_sentence_with_a_trigger_is_selected(nlp, first_pass, text):
    assert first_pass.may_hold_event(nlp.make_doc(text))


@pytest.mark.parametrize("text", FILLER_SENTENCES)
def test_a_sentence_without_trigger_words_is_skipped(nlp, first_pass, text):
    assert not first_pass.may_hold_event(nlp.make_doc(text))


@pytest.mark.parametrize("text", INDIRECT_EVENT_SENTENCES)
def test_a_sentence_the_coder_reads_an_event_in_indirectly_is_selected(nlp, first_pass, text):
    assert find_triggers(next(nlp(text).sents), load_lexicon())
    assert first_pass.may_hold_event(nlp.make_doc(text))


def test_a_capitalised_word_inside_a_sentence_is_no_verb(nlp, first_pass):
    assert not first_pass.may_hold_event(nlp.make_doc("Prices of rice rose in March."))
    assert first_pass.may_hold_event(nlp.make_doc("Thousands march through the city."))
    # A headline in title case keeps its verbs.
    assert first_pass.may_hold_event(nlp.make_doc("Farmers March On The Capital"))


def test_every_sentence_where_the_coder_finds_a_trigger_is_selected(nlp, first_pass):
    # The first pass may let through more than the coder uses, never less.
    lexicon = load_lexicon()
    for text in EVENT_SENTENCES + INDIRECT_EVENT_SENTENCES + FILLER_SENTENCES:
        for sent in nlp(text).sents:
            if find_triggers(sent, lexicon):
                assert first_pass.may_hold_event(nlp.make_doc(sent.text)), sent.text


def test_inflected_and_irregular_forms_count_as_their_lemma(nlp, first_pass):
    assert first_pass.may_hold_event(nlp.make_doc("They struck."))      # strike
    assert first_pass.may_hold_event(nlp.make_doc("It was seized."))    # seize
    assert first_pass.may_hold_event(nlp.make_doc("Talks resumed."))    # talk (noun)


def test_a_phrase_verb_needs_its_object_in_the_sentence(nlp, first_pass):
    assert not first_pass.may_hold_event(nlp.make_doc("The company cut prices."))
    assert first_pass.may_hold_event(nlp.make_doc("The country cut diplomatic ties."))


def test_a_noun_that_needs_a_light_verb_needs_one_in_the_sentence(nlp, first_pass):
    assert not first_pass.may_hold_event(nlp.make_doc("A curfew is unusual there."))
    assert first_pass.may_hold_event(nlp.make_doc("The army imposed a curfew."))


def test_a_verb_only_trigger_after_an_article_or_possessive_is_no_verb(nlp, first_pass):
    assert not first_pass.may_hold_event(nlp.make_doc("The fund grew by a third."))
    assert first_pass.may_hold_event(nlp.make_doc("Donors fund the clinic."))


def test_the_filter_follows_the_lexicon_it_is_given(nlp):
    lexicon = Lexicon(phrases=(), verbs={"frobnicate": Trigger(type="ASSAULT")}, nouns={})
    custom = SentenceFilter(nlp, lexicon, CameoLexicon({}, {}, {}, {}))
    assert custom.may_hold_event(nlp.make_doc("The militia frobnicated the town."))
    assert not custom.may_hold_event(nlp.make_doc("The militia attacked the town."))


def test_the_filter_takes_participles_from_the_lexicon_it_is_given(nlp):
    lexicon = Lexicon(phrases=(), verbs={}, nouns={},
                      modifiers={"frobnicating": Trigger(type="PROTEST")})
    custom = SentenceFilter(nlp, lexicon, CameoLexicon({}, {}, {}, {}))
    assert custom.may_hold_event(nlp.make_doc("The frobnicating farmers went home."))
    assert not custom.may_hold_event(nlp.make_doc("The striking farmers went home."))


def test_sentences_end_at_full_stops_closing_quotes_and_line_breaks(nlp):
    doc = nlp.make_doc('He said: "We will go." Then he left.\nA title line\n\nThe end')
    texts = [doc[start:end].text_with_ws for start, end in sentences(doc)]
    assert texts == ['He said: "We will go." ', "Then he left.\n", "A title line\n\n", "The end"]


def test_sentences_cover_every_token_once(nlp):
    doc = nlp.make_doc("  One.  Two!\n\n  Three?  ")
    ranges = sentences(doc)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))


def test_an_empty_text_has_no_sentences(nlp):
    assert sentences(nlp.make_doc("")) == []


def test_plan_parses_the_lede_the_event_sentences_and_the_context_they_refer_to(nlp, first_pass):
    text = ("MARLBURG — Ruritania's president visited the border on Monday. "
            "The weather was cold. "
            "Minister Anna Kovacs spoke to reporters there. "
            "The sky was grey. "
            "She accused Osterland of shelling the town. "
            "Kovacs condemned the attacks. "
            "The museum opens at nine.")
    doc = nlp.make_doc(text)
    plan = first_pass.plan(doc)
    parsed = [doc[start:end].text.strip() for (start, end), p in zip(plan.sentences, plan.parse) if p]
    assert parsed == [
        "MARLBURG — Ruritania's president visited the border on Monday.",   # the lede
        "Minister Anna Kovacs spoke to reporters there.",   # gives "Kovacs" its full name
        "The sky was grey.",                                # before "She accused ..."
        "She accused Osterland of shelling the town.",
        "Kovacs condemned the attacks.",
    ]


def test_plan_chunks_join_neighbouring_sentences_with_the_same_decision(nlp, first_pass):
    doc = nlp.make_doc("Troops attacked the town. Rebels shelled the base. The sky was grey. "
                       "The river was high.")
    chunks = first_pass.plan(doc).chunks()
    assert [(doc[s:e].text.strip(), p) for s, e, p in chunks] == [
        ("Troops attacked the town. Rebels shelled the base.", True),
        ("The sky was grey. The river was high.", False)]
