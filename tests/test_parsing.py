from datetime import date

from newsevents.nlp.prefilter import sentence_filter
from newsevents.parsing import SelectiveParse, full_parse
from newsevents.records import Article

ARTICLE = ("VELL, Ruritania — Osterland's army shelled the border town of Vell on Tuesday, "
           "the defence ministry said.\n\n"
           "The town has a cathedral and a small museum of clocks.\n"
           "Its market is busy every Thursday.\n\n"
           "Ruritania's foreign minister, Anna Kovacs, condemned the attack on Wednesday. "
           "The river was high after the rain.")


def test_the_selective_parse_keeps_every_character_and_token(nlp):
    (doc, context), = SelectiveParse(nlp)([(ARTICLE, "ctx")])
    assert context == "ctx"
    assert doc.text == ARTICLE
    assert [t.text for t in doc] == [t.text for t in nlp.make_doc(ARTICLE)]


def test_only_selected_sentences_carry_the_models_annotations(nlp):
    (doc, _), = SelectiveParse(nlp)([(ARTICLE, None)])
    plan = sentence_filter(nlp).plan(nlp.make_doc(ARTICLE))
    for (start, end), parsed in zip(plan.sentences, plan.parse):
        words = [t for t in doc[start:end] if not t.is_space]
        if parsed:
            assert all(t.pos_ for t in words)
        else:
            assert not any(t.pos_ or t.ent_type_ or t.lemma_ for t in words)
    assert {e.text for e in doc.ents} >= {"Osterland", "Anna Kovacs"}
    assert "museum" not in {t.text for t in doc if t.pos_}


def test_skipped_sentences_are_still_sentences(nlp):
    (doc, _), = SelectiveParse(nlp)([(ARTICLE, None)])
    sents = [s.text.strip() for s in doc.sents]
    assert "The town has a cathedral and a small museum of clocks." in sents
    assert "Its market is busy every Thursday." in sents


def test_the_selective_parse_reads_the_same_events_as_the_full_parse(pipeline):
    article = Article(text=ARTICLE, published=date(2025, 3, 4))
    (_, full), = pipeline.run([article], every_sentence=True)
    (_, selective), = pipeline.run([article])
    assert pipeline.first_pass
    assert [e.to_dict() for e in selective._.events] == [e.to_dict() for e in full._.events]
    assert {e.type for e in full._.events} >= {"ASSAULT", "ACCUSE"}


def test_articles_come_back_in_order_across_batches(nlp):
    texts = [f"Troops attacked village number {i}. The sky was grey." for i in range(7)]
    parse = SelectiveParse(nlp, articles_per_batch=3, batch_size=2)
    results = list(parse((text, i) for i, text in enumerate(texts)))
    assert [i for _, i in results] == list(range(7))
    assert [doc.text for doc, _ in results] == texts


def test_empty_and_blank_texts_parse_to_empty_docs(nlp):
    results = list(SelectiveParse(nlp)([("", 0), ("   \n ", 1)]))
    assert [doc.text for doc, _ in results] == ["", "   \n "]
    assert [list(doc.ents) for doc, _ in results] == [[], []]


def test_the_full_parse_is_nlp_pipe(nlp):
    (doc, context), = full_parse(nlp, [("The sky was grey.", 1)])
    assert context == 1 and all(t.pos_ for t in doc)
