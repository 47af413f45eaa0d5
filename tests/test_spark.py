"""Spark local[2] against the single-process path, on the same small input (one session)."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from newsevents import jobs
from newsevents.errors import InputError
from newsevents.exchange import event_rows, load_directory
from newsevents.ingest import ReadOptions
from newsevents.store import Store

pytest.importorskip("pyspark")

JSONL_RECORDS = [
    {"id": "sp-supply", "published": "2016-12-17", "outlet": "Courier",
     "text": "Russia supplied weapons to Syria on Monday, the defence ministry said."},
    {"id": "sp-condemn", "published": "Dec 18, 2016", "outlet": "Gazette",
     "text": "China condemned Japan on Tuesday, state media reported."},
    {"id": "sp-undated", "published": "Wed Nov 23", "outlet": "Herald",
     "text": "France and Germany held talks in Paris on Monday. Turkey threatened Syria."},
    {"id": "sp-french", "published": "2016-12-18",
     "text": "La Russie a expulsé deux diplomates allemands lundi, a annoncé le ministère."},
]
PARQUET_ROWS = {
    "guid": ["pq-sanction", "pq-empty", "pq-aid"],
    "body": ["The United States imposed sanctions on Iran on Friday, the Treasury said.", "",
             "Japan sent humanitarian aid to Turkey after the earthquake on Sunday."],
    "date": ["24 November 2016", "2016-11-25", "Thu, 24 Nov 2016 10:00:00 GMT"],
    "source": ["Wire", "Wire", "Wire"],
}
OPTIONS = ReadOptions(columns={"id": "guid", "text": "body", "published": "date",
                               "outlet": "source"})


@pytest.fixture(scope="module")
def spark():
    from newsevents.spark import local_session
    session = local_session("local[2]", "newsevents-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("spark-input")
    lines = [json.dumps(r) for r in JSONL_RECORDS]
    lines.insert(2, '{"id": "sp-broken", "text": ')          # line 3: not JSON
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pq.write_table(pa.table(PARQUET_ROWS), folder / "export.parquet")
    return folder


@pytest.fixture(scope="module")
def extracted(spark, corpus, tmp_path_factory):
    from newsevents.spark import spark_extract
    output = tmp_path_factory.mktemp("spark-output") / "out"
    report = spark_extract(str(corpus), str(output), spark, OPTIONS)
    return output, report


def _rows(folder: Path) -> list[dict]:
    return ds.dataset(str(folder), format="parquet").to_table().to_pylist()


def _single_process(corpus: Path):
    warnings, skipped, errors, events = [], [], [], []
    items = jobs.read_inputs([str(corpus)], options=OPTIONS, on_warning=warnings.append,
                             on_skip=skipped.append)
    articles = []
    for article, found, _ in jobs.extract_articles(items, errors.append):
        articles.append(article)
        events += event_rows(article, found)
    return articles, events, warnings, skipped, errors


def test_spark_events_equal_the_single_process_run_on_the_same_input(extracted, corpus):
    output, report = extracted
    articles, events, _, _, _ = _single_process(corpus)
    spark_events = sorted(_rows(output / "events"), key=lambda r: r["id"])
    assert spark_events == sorted(events, key=lambda r: r["id"])
    assert len(spark_events) >= 4
    assert sorted(r["id"] for r in _rows(output / "articles")) == sorted(a.id for a in articles)
    assert report.counts["articles"] == len(articles) == 5


def test_spark_reports_the_same_problems_with_file_and_line(extracted, corpus):
    output, report = extracted
    _, _, warnings, skipped, errors = _single_process(corpus)

    def where(kind, problems):
        return sorted((kind, Path(str(p.source)).name, p.line, p.field) for p in problems)

    expected = sorted(where("warning", warnings) + where("skipped", skipped)
                      + where("error", errors))
    found = sorted((p["kind"], p["source"].rsplit("/", 1)[-1], p["line"], p["field"])
                   for p in _rows(output / "problems"))
    assert found == expected
    assert ("error", "wire.jsonl", 3, None) in found
    assert ("error", "export.parquet", 2, "body") in found
    assert ("skipped", "wire.jsonl", 5, None) in found
    assert report.errors == 2


def test_load_stores_what_ingest_stores(extracted, corpus, tmp_path):
    output, _ = extracted
    loaded = load_directory(output, tmp_path / "loaded.duckdb")
    assert loaded.stored == 5
    jobs.ingest([str(corpus)], tmp_path / "ingested.duckdb", options=OPTIONS)
    tables = {"articles": "id, title, published, outlet, url, text, group_id",
              "events": "*", "mentions": "*", "event_actors": "*", "actors": "*",
              "event_facts": "*", "cluster_members": "*"}
    for path in ("loaded.duckdb", "ingested.duckdb"):
        with Store.open(tmp_path / path, read_only=True) as store:
            tables_seen = {name: store.query(f"SELECT {cols} FROM {name} ORDER BY ALL")
                           for name, cols in tables.items()}
        if path == "loaded.duckdb":
            first = tables_seen
    assert tables_seen == first
    again = load_directory(output, tmp_path / "loaded.duckdb")
    assert (again.stored, again.already_stored) == (0, 5)


def test_an_existing_output_is_refused_unless_overwritten(spark, corpus, extracted):
    from newsevents.spark import spark_extract
    output, _ = extracted
    with pytest.raises(InputError, match="--overwrite"):
        spark_extract(str(corpus), str(output), spark, OPTIONS)


def test_input_without_jsonl_or_parquet_is_an_input_error(spark, tmp_path):
    from newsevents.spark import spark_extract
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(InputError, match="no .jsonl"):
        spark_extract(str(tmp_path), str(tmp_path / "out"), spark)


def test_the_spark_submit_entry_point_runs_as_a_script():
    import subprocess
    import sys

    import newsevents.spark as module
    result = subprocess.run([sys.executable, module.__file__, "--help"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "--output" in result.stdout and "input" in result.stdout


def test_load_of_a_folder_that_is_no_spark_output_fails_clearly(tmp_path):
    from typer.testing import CliRunner

    from newsevents.cli import app
    result = CliRunner().invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert "no articles/ folder" in " ".join(result.stderr.split())
    assert not (tmp_path / "x.duckdb").exists()
