"""Long articles go through in sections and come out as one Doc with article offsets."""
from __future__ import annotations

import logging
from dataclasses import fields, is_dataclass
from datetime import date

import pytest

from newsevents import records
from newsevents.records import Article
from newsevents.sections import (CHAR_OFFSET_FIELDS, MAX_SENTENCE_TOKENS, SECTION_CHARS,
                                 SENTENCE_FIELDS, shifted, split_sections)

PARAGRAPH = ("France condemned Germany in Paris on Monday, officials said. "
             "Markets were calm and trading was light in the afternoon. "
             "Japan sent aid to Egypt last week.\n")


def _covers(text: str, sections) -> bool:
    return (sections[0].start == 0 and sections[-1].end == len(text)
            and all(a.end == b.start for a, b in zip(sections, sections[1:])))


def test_a_short_well_punctuated_text_is_one_section():
    text = PARAGRAPH * 20
    assert len(text) < SECTION_CHARS
    assert [(s.start, s.end, s.cut) for s in split_sections(text)] == [(0, len(text), False)]


def test_a_long_text_is_cut_at_line_breaks_into_sections_under_the_limit():
    text = PARAGRAPH * 400
    sections = split_sections(text)
    assert len(sections) > 1 and _covers(text, sections)
    assert all(s.end - s.start <= SECTION_CHARS for s in sections)
    assert all(text[s.end - 1] == "\n" for s in sections)
    assert not any(s.cut for s in sections)


def test_a_run_without_sentence_ends_is_cut_into_pieces_of_bounded_tokens_between_words():
    words = " ".join(f"word{i}" for i in range(5000))
    text = "Japan praised India. " + words + ". Egypt accused Israel."
    sections = split_sections(text)
    assert _covers(text, sections)
    cut = [s for s in sections if s.cut]
    assert len(cut) >= 5000 // MAX_SENTENCE_TOKENS
    for s in cut:
        piece = text[s.start:s.end]
        assert len(piece.split()) <= MAX_SENTENCE_TOKENS
        assert s.start == 0 or text[s.start - 1] == " "     # no word is split
    assert text[sections[0].start:sections[0].end] == "Japan praised India. "


def test_a_giant_token_is_cut_by_characters():
    text = "Iran warned Iraq. " + "x" * 100_000
    sections = split_sections(text)
    assert _covers(text, sections)
    assert max(s.end - s.start for s in sections) <= MAX_SENTENCE_TOKENS * 20


def test_splitting_five_megabytes_is_contiguous():
    text = (PARAGRAPH * 40_000)[:5_000_000]
    sections = split_sections(text)
    assert _covers(text, sections)
    assert len(sections) >= 500


def test_every_int_field_of_every_record_is_an_offset_a_sentence_or_named_here():
    not_offsets = {("Where", "geonameid")}
    for name in records.__all__:
        cls = getattr(records, name)
        if not (isinstance(cls, type) and is_dataclass(cls)):
            continue
        for f in fields(cls):
            if f.type in ("int", "int | None"):
                assert (f.name in CHAR_OFFSET_FIELDS | SENTENCE_FIELDS
                        or (cls.__name__, f.name) in not_offsets), (cls.__name__, f.name)


def test_shifted_moves_nested_offsets_and_keeps_missing_ones():
    when = records.When(date(2025, 1, 6), date(2025, 1, 6), "Monday", "day", 10, 16)
    quantity = records.Quantity(3, "three", char_start=-1, char_end=-1)
    event = records.Event(type="ACCUSE", evidence=records.Evidence("x", 5, 20), trigger="y",
                          trigger_start=7, trigger_end=9, date=when, quantities=(quantity,))
    moved = shifted(event, 100)
    assert (moved.evidence.start, moved.evidence.end) == (105, 120)
    assert (moved.trigger_start, moved.date.char_start, moved.date.start) == (107, 110, when.start)
    assert moved.quantities[0].char_start == -1
    mention = records.Mention("Japan", 0, 5, sentence=2, kind="name")
    assert shifted(mention, 50, 3) == records.Mention("Japan", 50, 55, sentence=5, kind="name")


@pytest.fixture(scope="module")
def long_run(pipeline):
    text = (PARAGRAPH * 300) + "Finally, Turkey threatened Greece on Friday."
    assert len(text) > 2 * SECTION_CHARS
    article = Article(text=text, id="long", published=date(2025, 3, 5))
    [(out, doc)] = list(pipeline.run([article]))
    return text, out, doc


def test_a_long_article_comes_out_as_one_doc_with_its_whole_text(long_run):
    text, article, doc = long_run
    assert article.text == text and doc.text == text
    assert doc._.article is article


def test_events_of_later_sections_carry_article_offsets(long_run):
    text, _, doc = long_run
    events = doc._.events
    assert len(events) >= 300
    for event in events:
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text
        assert text[event.trigger_start:event.trigger_end] == event.trigger
    last = max(events, key=lambda e: e.evidence.start)
    assert last.type == "THREATEN" and last.evidence.start > len(text) - 100
    for mention in doc._.mentions:
        assert text[mention.start:mention.end] == mention.text
    sentences = list(doc.sents)
    assert max(m.sentence for m in doc._.mentions) == len(sentences) - 1


def test_a_long_article_has_the_events_of_its_paragraphs_parsed_alone(pipeline, long_run):
    _, _, doc = long_run
    [(_, one)] = list(pipeline.run([Article(text=PARAGRAPH.strip(), published=date(2025, 3, 5))]))
    assert len(doc._.events) == 300 * len(one._.events) + 1


def test_a_two_hundred_thousand_character_sentence_is_processed_with_a_warning(pipeline, caplog):
    words = ["Japan", "talks", "aid", "Egypt", "said", "forces", "the", "border", "of", "and"]
    text = " ".join(words[i % len(words)] + ("," if i % 7 == 0 else "") for i in range(40_000))
    text = text[:200_000]
    with caplog.at_level(logging.WARNING, logger="newsevents"):
        [(article, doc)] = list(pipeline.run([Article(text=text, id="run-on")]))
    assert doc.text == text
    assert "run-on" in caplog.text and "without sentence ends" in caplog.text
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS + 50


def test_the_time_limit_stops_an_article_and_says_so(pipeline, caplog, monkeypatch):
    text = PARAGRAPH * 2000
    monkeypatch.setattr(pipeline, "time_limit", 0.0)
    with caplog.at_level(logging.WARNING, logger="newsevents"):
        results = list(pipeline.run([Article(text=text, id="slow"),
                                     Article(text=PARAGRAPH, id="next")]))
    assert [a.id for a, _ in results] == ["slow", "next"]
    assert "slow: time limit" in caplog.text
    slow = results[0][1]
    assert 0 < len(slow.text) < len(text)
    assert results[1][1]._.events
