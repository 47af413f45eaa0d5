"""Every input file and every record on its own: a bad one is reported, the rest go on."""
from __future__ import annotations

import json

import pytest

from newsevents import jobs
from newsevents.errors import InputError, RecordError
from newsevents.records import Article


def _good_files(folder, count: int) -> list[str]:
    paths = []
    for i in range(count):
        path = folder / f"good{i}.txt"
        path.write_text(f"Story {i}\nJapan praised India on day {i}.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_latin1_file_among_good_ones_is_reported_and_the_good_ones_are_read(tmp_path):
    paths = _good_files(tmp_path, 4)
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Titre\nLe pr\u00e9sident fran\u00e7ais a parl\u00e9.".encode("latin-1"))
    paths.insert(2, str(bad))
    items = list(jobs.read_inputs(paths))
    assert [type(i) for i in items] == [Article, Article, RecordError, Article, Article]
    assert items[2].source == str(bad) and "not UTF-8" in items[2].reason


def test_a_mistyped_path_stops_the_run_before_any_file_is_read(tmp_path):
    paths = _good_files(tmp_path, 2) + [str(tmp_path / "missing.txt")]
    with pytest.raises(InputError, match="no such file"):
        next(iter(jobs.read_inputs(paths)))


def test_an_article_over_the_hard_limit_is_a_bad_record_and_the_next_is_kept(tmp_path, monkeypatch):
    monkeypatch.setattr("newsevents.sections.MAX_ARTICLE_CHARS", 1000)
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "huge", "text": "Iran warned Iraq. " * 100}) + "\n"
                    + json.dumps({"id": "small", "text": "Iran warned Iraq."}) + "\n",
                    encoding="utf-8")
    items = list(jobs.read_inputs([str(path)]))
    assert isinstance(items[0], RecordError) and items[0].field == "text"
    assert "huge" in items[0].reason and "1,000" in items[0].reason
    assert isinstance(items[1], Article) and items[1].id == "small"



def test_evaluate_reports_gold_lines_with_mistyped_fields_and_scores_the_rest(tmp_path):
    gold = tmp_path / "gold.jsonl"
    event = {"type": "ACCUSE", "actor": [{"name": "China", "country": "CHN"}],
             "recipient": [{"name": "Japan", "country": "JPN"}]}
    lines = [
        {"id": "ok", "published": "2025-03-06", "text": "China condemned Japan on Tuesday.",
         "events": [event]},
        {"id": "no-text", "events": []},
        {"id": "number-text", "text": 42},
        {"id": "actor-string", "text": "x", "events": [dict(event, actor="China")]},
        {"id": "bad-date", "text": "x", "events": [dict(event, date={"start": "soon"})]},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in lines) + "[1]\n", encoding="utf-8")
    bad: list[RecordError] = []
    result = jobs.evaluate(gold, on_error=bad.append)
    assert [(e.line, e.field) for e in bad] == [
        (2, "text"), (3, "text"), (4, "events[0].actor"), (5, "events[0].date"), (6, None)]
    assert result["events"]["gold"] == 1


def test_count_records_counts_jsonl_lines_and_text_files_and_gives_up_on_stdin(tmp_path):
    lines = tmp_path / "a.jsonl"
    lines.write_text('{"text": "a"}\n\n{"text": "b"}\nnot json\n', encoding="utf-8")
    text = tmp_path / "b.txt"
    text.write_text("One story.", encoding="utf-8")
    assert jobs.count_records([str(lines), str(text)]) == 4
    assert jobs.count_records([str(lines), "-"]) is None


def test_an_article_over_the_hard_limit_on_stdin_is_named_as_stdin(monkeypatch):
    import io
    import sys
    monkeypatch.setattr("newsevents.sections.MAX_ARTICLE_CHARS", 1000)
    lines = json.dumps({"id": "huge", "text": "Iran warned Iraq. " * 100}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    items = list(jobs.read_inputs(["-"]))
    assert isinstance(items[0], RecordError) and items[0].source == "<stdin>"
