"""The plain functions behind the CLI, called directly as a notebook would."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsevents import jobs
from newsevents.errors import InputError, RecordError
from newsevents.records import Article

SUPPLY = "Russia supplied weapons to Syria on Monday."
CONDEMN = "China condemned Japan on Tuesday."


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("jobs") / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "j-supply", "published": "2025-03-05", "text": SUPPLY}) + "\n"
        + '{"id": "j-broken", "text": \n'
        + json.dumps({"id": "j-condemn", "published": "2025-03-06", "text": CONDEMN}) + "\n",
        encoding="utf-8")
    return path


def test_read_inputs_yields_articles_and_an_error_for_the_bad_line_in_order(batch):
    items = list(jobs.read_inputs([str(batch)]))
    assert [type(i) for i in items] == [Article, RecordError, Article]
    assert items[1].line == 2 and items[1].source == str(batch)
    assert items[0].published == date(2025, 3, 5)


def test_read_inputs_gives_text_files_the_published_date_and_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("First line\n" + SUPPLY + "\n", encoding="utf-8")
    [article] = jobs.read_inputs([str(path)], published=date(2025, 3, 5), title="Given")
    assert article.title == "Given"
    assert article.published == date(2025, 3, 5)
    assert SUPPLY in article.text


def test_extract_articles_sends_bad_records_aside_and_ids_every_event(batch):
    bad: list[RecordError] = []
    results = list(jobs.extract_articles(jobs.read_inputs([str(batch)]), bad.append))
    assert [article.id for article, _, _ in results] == ["j-supply", "j-condemn"]
    assert [e.line for e in bad] == [2]
    for article, events, mentions in results:
        assert events, article.id
        assert all(e.article_id == article.key and e.id for e in events)
        assert mentions
    assert "ACCUSE" in {e.type for e in results[1][1]}


def test_ingest_counts_stored_and_already_stored_articles(batch, tmp_path):
    db = tmp_path / "jobs.duckdb"
    first = jobs.ingest([str(batch)], db)
    assert (first.stored, first.already_stored) == (2, 0)
    assert first.events >= 2
    assert [e.line for e in first.errors] == [2]
    ticks: list[int] = []
    second = jobs.ingest([str(batch)], db, progress=lambda: ticks.append(1))
    assert (second.stored, second.already_stored, second.events) == (0, 2, 0)
    assert len(ticks) == 2


WIRE = ("Russia supplied artillery shells to Syria on Monday, the defence ministry said. "
        "Germany condemned the delivery on Tuesday and summoned the Russian ambassador. "
        "France said it would raise the matter at the United Nations Security Council.")


def test_ingest_skips_other_languages_keeps_undated_articles_and_groups_wire_copies(tmp_path):
    path = tmp_path / "mixed.jsonl"
    records = [
        {"id": "w-courier", "outlet": "Courier", "published": "Dec 17, 2016", "text": WIRE},
        {"id": "w-gazette", "outlet": "Gazette", "published": "Wed Dec 14",
         "text": "BERLIN (Gazette) - " + WIRE},
        {"id": "w-monde", "outlet": "Le Monde", "published": "2016-12-17",
         "text": "La Russie a livré des obus à la Syrie lundi, a annoncé le ministère de la "
                 "Défense. L'Allemagne a condamné la livraison mardi."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = jobs.ingest([str(path)], tmp_path / "mixed.duckdb")
    assert report.stored == 2 and report.errors == []
    [skipped] = report.not_english
    assert "w-monde" in str(skipped) and "'fr'" in str(skipped)
    [warning] = report.warnings
    assert (warning.line, warning.field) == (2, "published") and "'Wed Dec 14'" in str(warning)
    assert report.near_duplicates == 1
    from newsevents.store import Store
    with Store.open(tmp_path / "mixed.duckdb", read_only=True) as store:
        keys = {row["input_id"]: row["id"] for row in store.query(
            "SELECT id, input_id FROM articles")}
        assert store.article_group(keys["w-gazette"])["outlets"] == ["Courier", "Gazette"]
        [undated] = store.query("SELECT published FROM articles WHERE input_id = 'w-gazette'")
        assert undated["published"] is None
        dates = {row["input_id"]: row["date_start"] for row in store.query(
            "SELECT a.input_id, e.date_start FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.trigger_start < 40")}
    assert dates["w-courier"] is not None      # "on Monday" against Dec 17, 2016
    assert dates["w-gazette"] is None          # "on Monday" of an unknown week: not guessed


def test_ingest_of_a_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        jobs.ingest([str(tmp_path / "absent.jsonl")], tmp_path / "db.duckdb")


@pytest.mark.parametrize("records, kind", [
    ([{"id": "a", "text": "t", "events": []}], "events"),
    ([{"id": "a", "text": "t", "timexes": []}], "timexes"),
    ([{"id": "a", "text": "t", "toponyms": []}], "toponyms"),
    ([], "events"),
])
def test_gold_kind_follows_the_annotation_key(records, kind):
    assert jobs.gold_kind(records) == kind


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_evaluate_scores_events_and_names_the_gold_file(tmp_path):
    gold = _write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "g1", "published": "2025-03-06", "text": CONDEMN,
         "events": [{"type": "ACCUSE", "actor": [{"name": "China", "country": "CHN", "sector": "GOV"}],
                     "recipient": [{"name": "Japan", "country": "JPN", "sector": "GOV"}],
                     "date": {"start": "2025-03-04", "end": "2025-03-04"},
                     "evidence": "China condemned Japan on Tuesday"}]},
    ])
    ticks: list[int] = []
    result = jobs.evaluate(gold, by_type=True, progress=lambda: ticks.append(1))
    assert result["kind"] == "events"
    assert result["gold_file"] == str(gold)
    assert result["events"]["gold"] == 1
    assert "ACCUSE" in result["by_type"]
    assert ticks == [1]


def test_evaluate_scores_each_article_of_a_repeated_id_on_its_own_text(tmp_path):
    # Two gold records share an id; each must be scored against its own extraction.
    event = {"type": "ACCUSE", "actor": [{"name": "China", "country": "CHN", "sector": "GOV"}],
             "recipient": [{"name": "Japan", "country": "JPN", "sector": "GOV"}],
             "evidence": "China condemned Japan"}
    other = {"type": "AID", "actor": [{"name": "Russia", "country": "RUS", "sector": "GOV"}],
             "recipient": [{"name": "Syria", "country": "SYR", "sector": "GOV"}],
             "evidence": "Russia supplied weapons to Syria"}
    gold = _write_jsonl(tmp_path / "dup.jsonl", [
        {"id": "same", "text": CONDEMN, "events": [event]},
        {"id": "same", "text": SUPPLY, "events": [other]},
    ])
    result = jobs.evaluate(gold, by_type=True)
    assert result["by_type"]["ACCUSE"]["correct"] == 1
    assert result["by_type"]["AID"]["correct"] == 1


def test_evaluate_scores_a_timex_gold_file_with_timeml_values(tmp_path):
    text = "The ministry said on Friday that talks began in 1997."
    gold = _write_jsonl(tmp_path / "timex.jsonl", [
        {"id": "t1", "published": "2025-03-06", "text": text,
         "timexes": [{"text": "Friday", "start": text.index("Friday"),
                      "end": text.index("Friday") + 6, "value": "2025-02-28"},
                     {"text": "1997", "start": text.index("1997"),
                      "end": text.index("1997") + 4, "value": "1997"}]},
    ])
    result = jobs.evaluate(gold)
    assert result["kind"] == "timexes"
    assert result["gold"] == 2 and result["scorable"] == 2
    assert result["correct"] == 2


def test_evaluate_of_a_malformed_gold_line_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        jobs.evaluate(path)
    assert caught.value.line == 2


def test_require_file_returns_the_path_or_raises_input_error(tmp_path):
    present = tmp_path / "here.jsonl"
    present.write_text("", encoding="utf-8")
    assert jobs.require_file(str(present)) == present
    with pytest.raises(InputError, match="no such file"):
        jobs.require_file(str(tmp_path / "gone.jsonl"))


def test_dump_json_keeps_non_ascii_and_writes_dates_as_iso():
    text = jobs.dump_json({"name": "Sergueï Lavrov", "day": date(2025, 7, 13)})
    assert "Sergueï" in text
    assert json.loads(text)["day"] == "2025-07-13"
