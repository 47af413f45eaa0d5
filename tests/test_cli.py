"""The `newsevents` command line, run for real: Typer's CliRunner and one subprocess.

Articles here are short invented sentences; the pipeline loads once per process.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents.cli import app

SRC = Path(__file__).resolve().parents[1] / "src"

SUPPLY = "Russia supplied weapons to Syria on Monday."
CONDEMN = "China condemned Japan on Tuesday, state media reported."
TALKS = "France and Germany held talks in Paris on Monday."

# Three good articles and, on line 2, one that is not valid JSON.
GOOD_LINES = [
    {"id": "cli-supply", "published": "2025-03-05", "text": SUPPLY},
    {"id": "cli-condemn", "published": "2025-03-06", "text": CONDEMN},
    {"id": "cli-talks", "published": "2025-06-11", "text": TALKS},
]
BROKEN_LINE = '{"id": "cli-broken", "text": "Iran and Iraq signed a deal."'


def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cli")
    paths = {
        "good": folder / "good.jsonl",
        "batch": folder / "batch.jsonl",
        "text": folder / "talks.txt",
    }
    paths["good"].write_text(_jsonl(GOOD_LINES), encoding="utf-8")
    paths["batch"].write_text(
        json.dumps(GOOD_LINES[0]) + "\n" + BROKEN_LINE + "\n" + json.dumps(GOOD_LINES[1]) + "\n",
        encoding="utf-8")
    paths["text"].write_text("Talks in Paris\n" + TALKS + "\n", encoding="utf-8")
    return paths


def _invoke(runner: CliRunner, args: list[str], **kwargs):
    return runner.invoke(app, args, catch_exceptions=False, **kwargs)


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _one_line(text: str) -> str:
    """stderr with rich's wrapping and box drawing undone, for substring checks."""
    return " ".join(text.replace("│", " ").split())


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "events", "mentions", "actors", "event_actors")}
    finally:
        con.close()


# --- extract ---------------------------------------------------------------------------

def test_extract_jsonl_writes_one_line_per_article_keeping_ids_and_events(runner, files):
    result = _invoke(runner, ["extract", str(files["good"])])
    assert result.exit_code == 0, result.stderr
    records = _lines(result.stdout)
    assert [r["id"] for r in records] == [r["id"] for r in GOOD_LINES]
    supply = records[0]
    assert supply["published"] == "2025-03-05"
    assert any(e["type"] == "AID" for e in supply["events"])
    for record in records:
        for event in record["events"]:
            assert event["evidence"] in record["text"]


def test_extract_text_file_as_json_uses_first_line_as_title_and_resolves_dates(runner, files):
    result = _invoke(runner, ["extract", str(files["text"]), "--published", "2025-06-11",
                              "--format", "json"])
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == 1
    assert records[0]["title"] == "Talks in Paris"
    consult = [e for e in records[0]["events"] if e["type"] == "CONSULT"]
    assert consult, records[0]["events"]
    # Wednesday 2025-06-11: "on Monday" is 2025-06-09.
    assert consult[0]["date"]["start"] == "2025-06-09"


def test_extract_table_format_prints_a_table_of_events(runner, files):
    result = _invoke(runner, ["extract", str(files["text"]), "--published", "2025-06-11",
                              "--format", "table"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "evidence" in result.stdout
    assert "CONSULT" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


def test_extract_reads_plain_text_from_stdin(runner):
    result = _invoke(runner, ["extract", "-", "--published", "2025-03-05"],
                     input="Arms for Damascus\n" + SUPPLY + "\n")
    assert result.exit_code == 0, result.stderr
    [record] = _lines(result.stdout)
    assert record["title"] == "Arms for Damascus"
    aid = [e for e in record["events"] if e["type"] == "AID"]
    assert aid and aid[0]["date"]["start"] == "2025-03-03"


def test_extract_reads_json_lines_from_stdin(runner):
    result = _invoke(runner, ["extract", "-"], input=_jsonl(GOOD_LINES[:2]))
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in _lines(result.stdout)] == ["cli-supply", "cli-condemn"]


def test_extract_reports_a_malformed_line_with_file_and_line_and_keeps_the_good_ones(runner, files):
    result = _invoke(runner, ["extract", str(files["batch"])])
    assert result.exit_code != 0
    assert [r["id"] for r in _lines(result.stdout)] == ["cli-supply", "cli-condemn"]
    stderr = _one_line(result.stderr)
    assert f"{files['batch']}, line 2" in stderr
    assert "line 1" not in stderr and "line 3" not in stderr


def test_extract_prints_bracketed_input_verbatim_in_reports(runner, tmp_path):
    path = tmp_path / "markup.jsonl"
    path.write_text(json.dumps({"id": "m", "text": SUPPLY, "published": "[red]soon"}) + "\n"
                    + json.dumps({"id": "[bold]n", "text": 3}) + "\n", encoding="utf-8")
    result = _invoke(runner, ["extract", str(path)])
    assert result.exit_code == 1
    stderr = _one_line(result.stderr)
    assert "warning:" in stderr and "'[red]soon'" in stderr     # kept, without a date
    assert [r["id"] for r in _lines(result.stdout)] == ["m"]


def test_extract_rejects_an_impossible_published_date(runner, files):
    result = _invoke(runner, ["extract", str(files["text"]), "--published", "2025-02-30"])
    assert result.exit_code != 0
    assert result.stdout == ""
    stderr = _one_line(result.stderr)
    assert "--published" in stderr and "2025-02-30" in stderr


def test_extract_refuses_a_title_with_undecoded_bytes_without_a_traceback(runner, files):
    # a shell argument that was not UTF-8 reaches Python as surrogate escapes
    result = _invoke(runner, ["extract", str(files["text"]), "--title", "T\udcff"])
    assert result.exit_code == 2 and result.stdout == ""
    stderr = _one_line(result.stderr)
    assert "--title" in stderr and "not UTF-8 text: byte 0xff" in stderr


def test_extract_of_a_missing_file_fails_naming_it(runner, tmp_path):
    missing = tmp_path / "absent.jsonl"
    result = _invoke(runner, ["extract", str(missing)])
    assert result.exit_code != 0
    assert "absent.jsonl" in _one_line(result.stderr)
    assert "no such file" in _one_line(result.stderr)


# --- ingest and events -------------------------------------------------------------------

@pytest.fixture(scope="module")
def ingested(runner, files, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("db") / "events.duckdb"
    result = _invoke(runner, ["ingest", str(files["good"]), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return db


def test_ingest_stores_every_article_of_the_batch(ingested):
    counts = _counts(ingested)
    assert counts["articles"] == len(GOOD_LINES)
    assert counts["events"] >= len(GOOD_LINES)


def test_ingesting_the_same_file_twice_changes_no_row_count(runner, files, ingested):
    before = _counts(ingested)
    result = _invoke(runner, ["ingest", str(files["good"]), "--db", str(ingested)])
    assert result.exit_code == 0, result.stderr
    assert _counts(ingested) == before
    assert "already stored" in _one_line(result.stderr)


def test_ingest_uses_the_database_named_by_the_environment(runner, files, tmp_path):
    db = tmp_path / "from-env.duckdb"
    result = _invoke(runner, ["ingest", str(files["good"])], env={"NEWSEVENTS_DB": str(db)})
    assert result.exit_code == 0, result.stderr
    assert _counts(db)["articles"] == len(GOOD_LINES)
    listed = _invoke(runner, ["events", "--format", "json"], env={"NEWSEVENTS_DB": str(db)})
    assert listed.exit_code == 0, listed.stderr
    assert {row["input_id"] for row in json.loads(listed.stdout)} <= {r["id"] for r in GOOD_LINES}


def test_ingest_stores_the_good_records_of_a_batch_and_names_the_bad_line(runner, files, tmp_path):
    db = tmp_path / "partial.duckdb"
    result = _invoke(runner, ["ingest", str(files["batch"]), "--db", str(db)])
    assert result.exit_code == 1
    assert f"{files['batch']}, line 2" in _one_line(result.stderr)
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = sorted(row[0] for row in con.execute("SELECT input_id FROM articles").fetchall())
    finally:
        con.close()
    assert ids == ["cli-condemn", "cli-supply"]


def _events_json(runner, db: Path, *filters: str) -> list[dict]:
    result = _invoke(runner, ["events", "--db", str(db), "--format", "json", *filters])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_events_lists_everything_stored_as_json(runner, ingested):
    rows = _events_json(runner, ingested)
    assert len(rows) == _counts(ingested)["events"]
    assert {"type", "actor", "recipient", "evidence", "article_id"} <= set(rows[0])


def test_events_actor_filter_keeps_only_that_actors_events(runner, ingested):
    everything = _events_json(runner, ingested)
    rows = _events_json(runner, ingested, "--actor", "CHN")
    assert rows and len(rows) < len(everything)
    assert all("CHN" in row["actor_countries"] for row in rows)
    by_name = _events_json(runner, ingested, "--actor", "china")
    assert [r["id"] for r in by_name] == [r["id"] for r in rows]


def test_events_type_filter_keeps_only_that_type(runner, ingested):
    rows = _events_json(runner, ingested, "--type", "aid")
    assert rows and all(row["type"] == "AID" for row in rows)
    assert {row["input_id"] for row in rows} == {"cli-supply"}


def test_events_since_and_until_keep_events_in_the_window(runner, ingested):
    june = _events_json(runner, ingested, "--since", "2025-06-01")
    assert june and {row["input_id"] for row in june} == {"cli-talks"}
    march = _events_json(runner, ingested, "--since", "2025-03-01", "--until", "2025-03-31")
    assert march and {row["input_id"] for row in march} == {"cli-supply", "cli-condemn"}
    for row in march:
        day = row["date_start"] or row["published"]
        assert date(2025, 3, 1) <= date.fromisoformat(str(day)[:10]) <= date(2025, 3, 31)


def test_events_csv_has_a_header_and_a_row_per_event(runner, ingested):
    result = _invoke(runner, ["events", "--db", str(ingested), "--format", "csv", "--type", "AID"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(row["type"] == "AID" for row in rows)
    assert json.loads(rows[0]["actor"])[0]["country"] == "RUS"


def test_events_table_is_the_default_format(runner, ingested):
    result = _invoke(runner, ["events", "--db", str(ingested)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "ACCUSE" in result.stdout and "evidence" in result.stdout


def test_events_rejects_a_bad_since_date(runner, ingested):
    result = _invoke(runner, ["events", "--db", str(ingested), "--since", "March"])
    assert result.exit_code != 0
    assert "--since" in _one_line(result.stderr)


def test_events_rejects_an_unknown_modality_without_a_traceback(runner, ingested):
    result = _invoke(runner, ["events", "--db", str(ingested), "--modality", "bogus"])
    assert result.exit_code == 2
    assert "unknown modality 'bogus'" in _one_line(result.output)
    assert "Traceback" not in result.output


def test_events_without_a_database_fails_clearly_and_creates_none(runner, tmp_path):
    db = tmp_path / "nothing.duckdb"
    for args, env in ((["--db", str(db)], {}), ([], {"NEWSEVENTS_DB": str(db)})):
        result = _invoke(runner, ["events", *args], env=env)
        assert result.exit_code != 0
        stderr = _one_line(result.stderr)
        assert "no database" in stderr and "nothing.duckdb" in stderr
    assert not db.exists()


# --- eval ------------------------------------------------------------------------------

GOLD = [
    {"id": "gold-aid", "published": "2025-03-05", "outlet": None, "url": None,
     "text": SUPPLY + " Syria thanked Moscow.",
     "events": [{"type": "AID", "mode": "military",
                 "actor": [{"name": "Russia", "country": "RUS", "sector": "GOV"}],
                 "recipient": [{"name": "Syria", "country": "SYR", "sector": "GOV"}],
                 "date": {"start": "2025-03-03", "end": "2025-03-03", "text": "on Monday"},
                 "place": None, "quantities": [], "attribution": None, "modality": "asserted",
                 "evidence": "Russia supplied weapons to Syria on Monday"}]},
    {"id": "gold-accuse", "published": "2025-03-06", "outlet": None, "url": None,
     "text": CONDEMN,
     "events": [{"type": "ACCUSE", "mode": "disapprove",
                 "actor": [{"name": "China", "country": "CHN", "sector": "GOV"}],
                 "recipient": [{"name": "Japan", "country": "JPN", "sector": "GOV"}],
                 "date": {"start": "2025-03-04", "end": "2025-03-04", "text": "on Tuesday"},
                 "place": None, "quantities": [],
                 "attribution": {"name": "state media", "country": "CHN", "text": "state media reported"},
                 "modality": "asserted", "evidence": "China condemned Japan on Tuesday"}]},
]


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text(_jsonl(GOLD), encoding="utf-8")
    return path


def test_eval_prints_precision_recall_and_f1(runner, gold_file):
    result = _invoke(runner, ["eval", str(gold_file)])
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()
    assert any(line.split()[:3] == ["P", "R", "F1"] for line in header if line.strip())
    assert any(line.startswith("events") for line in header)
    assert any(line.startswith("triples") for line in header)


def test_eval_json_has_event_and_field_scores(runner, gold_file):
    result = _invoke(runner, ["eval", str(gold_file), "--json", "--by-type"])
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["kind"] == "events"
    assert scores["events"]["gold"] == 2
    assert {"precision", "recall", "f1"} <= set(scores["events"])
    assert 0.0 <= scores["events"]["f1"] <= 1.0
    assert {"actor", "recipient", "date", "place", "attribution", "modality",
            "quantities"} <= set(scores["fields"])
    assert {"AID", "ACCUSE"} <= set(scores["by_type"])


def test_eval_of_a_missing_gold_file_fails_naming_it(runner, tmp_path):
    result = _invoke(runner, ["eval", str(tmp_path / "no-gold.jsonl")])
    assert result.exit_code != 0
    assert result.stdout == ""
    stderr = _one_line(result.stderr)
    assert "no-gold.jsonl" in stderr and "no such file" in stderr


def test_eval_of_a_malformed_gold_file_names_the_line(runner, tmp_path):
    path = tmp_path / "bad-gold.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n{not json\n", encoding="utf-8")
    result = _invoke(runner, ["eval", str(path)])
    assert result.exit_code != 0
    assert "line 2" in _one_line(result.stderr)


# --- when and where ----------------------------------------------------------------------

def test_when_prints_resolved_time_expressions_of_a_text_as_json(runner, files):
    result = _invoke(runner, ["when", str(files["text"]), "--published", "2025-06-11"])
    assert result.exit_code == 0, result.stderr
    timexes = json.loads(result.stdout)
    assert isinstance(timexes, list)
    monday = [t for t in timexes if "Monday" in t["text"]]
    assert monday and monday[0]["start_date"] == monday[0]["end_date"] == "2025-06-09"


def test_when_prints_one_line_per_article_of_json_lines(runner, files):
    result = _invoke(runner, ["when", str(files["good"])])
    assert result.exit_code == 0, result.stderr
    lines = _lines(result.stdout)
    assert [line["id"] for line in lines] == [r["id"] for r in GOOD_LINES]
    assert all(set(line) == {"id", "timexes"} for line in lines)
    # Thursday 2025-03-06: "on Tuesday" is 2025-03-04.
    assert lines[1]["timexes"][0]["start_date"] == "2025-03-04"


def test_where_prints_places_of_a_text_with_coordinates(runner, files):
    result = _invoke(runner, ["where", str(files["text"])])
    assert result.exit_code == 0, result.stderr
    places = json.loads(result.stdout)
    paris = [p for p in places if p["text"] == "Paris"]
    assert paris and paris[0]["country"] == "FRA"
    assert abs(paris[0]["lat"] - 48.85) < 0.5 and abs(paris[0]["lon"] - 2.35) < 0.5


def test_where_prints_one_line_per_article_of_json_lines(runner, files):
    result = _invoke(runner, ["where", str(files["good"])])
    assert result.exit_code == 0, result.stderr
    lines = _lines(result.stdout)
    assert [line["id"] for line in lines] == [r["id"] for r in GOOD_LINES]
    assert all(set(line) == {"id", "places"} for line in lines)
    assert "SYR" in {p["country"] for p in lines[0]["places"]}


def test_when_reports_a_malformed_line_and_exits_non_zero(runner, files):
    result = _invoke(runner, ["when", str(files["batch"])])
    assert result.exit_code != 0
    assert [line["id"] for line in _lines(result.stdout)] == ["cli-supply", "cli-condemn"]
    assert "line 2" in _one_line(result.stderr)


# --- the installed program -------------------------------------------------------------

def _subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    return env


def test_python_dash_m_runs_extract_end_to_end(files, tmp_path):
    # A path longer than a terminal line: piped reports must still stay on one line.
    folder = tmp_path / ("a-folder-name-long-enough-to-overflow-eighty-columns-" * 2)
    folder.mkdir()
    batch = folder / "batch.jsonl"
    batch.write_text(files["batch"].read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "newsevents.cli", "extract", str(batch)],
        capture_output=True, text=True, env=_subprocess_env(), timeout=120)
    assert done.returncode == 1
    assert [r["id"] for r in _lines(done.stdout)] == ["cli-supply", "cli-condemn"]
    assert any(f"{batch}, line 2" in line for line in done.stderr.splitlines())


def test_console_script_lists_every_command():
    script = shutil.which("newsevents") or str(Path(sys.executable).with_name("newsevents"))
    if not Path(script).exists():
        pytest.skip("the newsevents console script is not installed (pip install -e .)")
    done = subprocess.run([script, "--help"], capture_output=True, text=True,
                          env={**_subprocess_env(), "COLUMNS": "200"}, timeout=60)
    assert done.returncode == 0, done.stderr
    for command in ("extract", "ingest", "events", "eval", "when", "where"):
        assert command in done.stdout
