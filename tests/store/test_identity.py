"""Article identity: the content key, id conflicts, corrections of title and date."""
from __future__ import annotations

import json
from datetime import date

from newsevents import jobs
from newsevents.records import Article
from newsevents.store import Store

MEETING = "Japan and India held talks in Tokyo on Monday, officials said."
PROTEST = "Egypt accused Israel of shelling the border on Tuesday."


def _jsonl(path, records) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _articles(db) -> list[dict]:
    with Store.open(db, read_only=True) as store:
        return store.query("SELECT id, input_id, title, published FROM articles "
                           "ORDER BY ingested_at, id")


def test_the_key_ignores_spacing_and_follows_text_title_and_outlet():
    base = Article(text="Japan  met\nIndia.", title="Talks", outlet="Wire")
    assert base.key == Article(text=" Japan met India. ", title="Talks ", outlet="wire").key
    assert base.key != Article(text="Japan met India.", title="Other", outlet="Wire").key
    assert base.key != Article(text="Japan met India.", title="Talks", outlet="Gazette").key
    assert base.text_key == Article(text="Japan met India.", title="Other", outlet="Wire").text_key


def test_two_articles_with_one_id_are_both_stored_and_the_conflict_reported(tmp_path):
    db = tmp_path / "ids.duckdb"
    report = jobs.ingest([_jsonl(tmp_path / "a.jsonl", [
        {"id": "dup", "text": MEETING, "published": "2025-03-03"},
        {"id": "dup", "text": PROTEST, "published": "2025-03-04"}])], db)
    assert (report.stored, report.already_stored) == (2, 0)
    [conflict] = report.id_conflicts
    assert "'dup'" in str(conflict) and conflict.field == "id"
    rows = _articles(db)
    assert [r["input_id"] for r in rows] == ["dup", "dup"]
    assert len({r["id"] for r in rows}) == 2


def test_an_id_conflict_across_two_files_keeps_both_articles(tmp_path):
    db = tmp_path / "files.duckdb"
    first = _jsonl(tmp_path / "one.jsonl", [{"id": "x1", "text": MEETING}])
    second = _jsonl(tmp_path / "two.jsonl", [{"id": "x1", "text": PROTEST}])
    jobs.ingest([first], db)
    report = jobs.ingest([second], db)
    assert report.stored == 1 and len(report.id_conflicts) == 1
    assert len(_articles(db)) == 2


def test_the_same_content_again_is_already_stored_without_extraction(tmp_path, monkeypatch):
    db = tmp_path / "same.duckdb"
    path = _jsonl(tmp_path / "a.jsonl", [{"id": "m", "text": MEETING, "published": "2025-03-03"}])
    jobs.ingest([path], db)

    def no_extraction(items, on_error, workers=1):
        extracted = [item for item in items if isinstance(item, Article)]
        assert not extracted, "an unchanged article was extracted again"
        yield from ()

    monkeypatch.setattr(jobs, "extract_articles", no_extraction)
    report = jobs.ingest([path], db)
    assert (report.stored, report.already_stored, report.updated) == (0, 1, 0)


def test_a_corrected_publication_date_updates_the_article_and_its_event_dates(tmp_path):
    db = tmp_path / "dates.duckdb"
    story = tmp_path / "story.txt"
    story.write_text("Talks in Tokyo\n" + MEETING + "\n", encoding="utf-8")
    jobs.ingest([str(story)], db, published=date(2025, 3, 5))
    report = jobs.ingest([str(story)], db, published=date(2025, 6, 11))
    assert (report.stored, report.updated) == (0, 1)
    [row] = _articles(db)
    assert row["published"] == date(2025, 6, 11)
    with Store.open(db, read_only=True) as store:
        starts = {r["date_start"] for r in store.query("SELECT date_start FROM events")}
    assert starts == {date(2025, 6, 9)}      # "on Monday" before Wednesday, June 11


def test_a_corrected_title_for_the_same_text_and_id_updates_the_article(tmp_path):
    db = tmp_path / "titles.duckdb"
    jobs.ingest([_jsonl(tmp_path / "a.jsonl", [{"id": "t", "title": "Tpyo", "text": MEETING}])], db)
    report = jobs.ingest([_jsonl(tmp_path / "b.jsonl",
                                 [{"id": "t", "title": "Talks in Tokyo", "text": MEETING}])], db)
    assert report.updated == 1
    [row] = _articles(db)
    assert row["title"] == "Talks in Tokyo" and row["input_id"] == "t"


def test_an_article_given_without_a_date_keeps_the_stored_date(tmp_path):
    db = tmp_path / "keep.duckdb"
    with Store.open(db) as store:
        assert store.add_article(Article(text=MEETING, id="k", published=date(2025, 3, 3)), [])
        assert not store.add_article(Article(text=MEETING, id="k"), [])
        assert store.query("SELECT published FROM articles")[0]["published"] == date(2025, 3, 3)
