"""The project's labelled corpus (corpus/) is valid gold and in step with its sources."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"corpus_{name}", CORPUS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def check():
    return _module("check")


@pytest.fixture(scope="module")
def build():
    return _module("build")


def _problems(check, path: Path) -> list[str]:
    problems: list[str] = []
    check.check_file(path, set(), problems, Counter())
    return problems


@pytest.mark.parametrize("name", ["phrasings.jsonl", "articles.jsonl"])
def test_corpus_files_pass_the_format_check(check, name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    assert _problems(check, path) == []


def test_written_files_match_their_sources(build):
    for name, records in build.build().items():
        if records:
            assert (CORPUS / name).read_text(encoding="utf-8") == build.render(records), \
                f"{name} is out of date: run python corpus/build.py"


def test_every_plover_type_has_at_least_35_phrasings_and_150_non_events(check):
    sentences_per_type: Counter = Counter()
    non_events = 0
    for line in (CORPUS / "phrasings.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        sentences_per_type.update({event["type"] for event in record["events"]})
        non_events += not record["events"]
    assert {t: sentences_per_type[t] for t in check.MODES if sentences_per_type[t] < 35} == {}
    assert non_events >= 150


def test_check_reports_evidence_that_is_not_in_the_text(check, tmp_path):
    event = {"type": "ACCUSE", "mode": "disapprove",
             "actor": [{"name": "Chile", "country": "CHL", "sector": "GOV"}], "recipient": [],
             "date": None, "place": None, "quantities": [], "attribution": None,
             "modality": "asserted", "evidence": "Chile condemned Peru"}
    article = {"id": "a-1", "title": None, "published": "2020-01-02", "outlet": None, "url": None,
               "text": "Chile criticised the decision.", "events": [event]}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    problems = _problems(check, path)
    assert len(problems) == 1 and "evidence" in problems[0] and "bad.jsonl:1" in problems[0]


def test_check_reports_bad_codes_repeated_ids_and_events_dated_after_publication(check, tmp_path):
    event = {"type": "ATTACK", "mode": None,
             "actor": [{"name": "X", "country": "XX", "sector": "ARMY"}], "recipient": [],
             "date": {"start": "2020-02-01", "end": "2020-02-01", "text": "on Saturday"},
             "place": None, "quantities": [], "attribution": None,
             "modality": "asserted", "evidence": "X struck"}
    article = {"id": "a-1", "title": None, "published": "2020-01-02", "outlet": None, "url": None,
               "text": "X struck on Saturday.", "events": [event]}
    path = tmp_path / "bad.jsonl"
    path.write_text((json.dumps(article) + "\n") * 2, encoding="utf-8")
    problems = " | ".join(_problems(check, path))
    for expected in ("type", "country", "sector", "after published", "id: repeated"):
        assert expected in problems


def test_check_finds_a_sentence_shared_with_gold_text(check, tmp_path, monkeypatch):
    gold = tmp_path / "gold"
    gold.mkdir()
    shared = "The harbour master closed the northern pier to all fishing boats."
    (gold / "set.jsonl").write_text(json.dumps({"id": "g", "text": "Intro. " + shared}) + "\n", encoding="utf-8")
    monkeypatch.setenv("NEWSEVENTS_GOLD", str(gold))
    problems: list[str] = []
    ours = [{"_where": "x.jsonl:1: a", "text": shared + " Then it rained."}]
    assert check.check_against_gold(ours, problems) == 1
    assert len(problems) == 2  # ours found in gold, and gold's found in ours


@pytest.mark.parametrize("text, published, modality, span", [
    ("on Tuesday", "2019-03-14", "asserted", ("2019-03-12", "2019-03-12")),  # a Thursday
    ("on Thursday", "2019-03-14", "asserted", ("2019-03-14", "2019-03-14")),
    ("on Saturday", "2019-06-26", "future", ("2019-06-29", "2019-06-29")),
    ("last week", "2017-02-15", "asserted", ("2017-02-06", "2017-02-12")),
    ("last month", "2022-01-10", "asserted", ("2021-12-01", "2021-12-31")),
    ("late June", "2016-08-01", "asserted", ("2016-06-21", "2016-06-30")),
    ("in March", "2016-02-01", "asserted", ("2015-03-01", "2015-03-31")),
    ("in March", "2016-02-01", "future", ("2016-03-01", "2016-03-31")),
    ("on 12 February", "2018-03-01", "asserted", ("2018-02-12", "2018-02-12")),
    ("in 2012", "2018-08-22", "asserted", ("2012-01-01", "2012-12-31")),
])
def test_build_resolves_time_expressions_against_publication(build, text, published, modality, span):
    start, end = build.resolve_date(text, date.fromisoformat(published), modality)
    assert (start.isoformat(), end.isoformat()) == span


def test_build_refuses_a_time_expression_it_cannot_read(build):
    assert build.resolve_date("around the time of the harvest", date(2020, 5, 5), "asserted") is None
