"""clusters, claims, timeline and network on the command line, over a store built here."""
import csv
import io
import json

import pytest
from typer.testing import CliRunner

from kb_corpus import denial_report, shells_reports, strike_reports
from newsevents.cli import app
from newsevents.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "kb.duckdb"
    with Store.open(path) as store:
        for article, events in shells_reports() + [denial_report()] + strike_reports():
            store.add_article(article, events)
    return str(path)


def _json(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_claims_json_marks_disagreements(db):
    claims = _json(["claims", "--db", db, "--actor", "PRK", "--recipient", "RUS", "--type",
                    "AID", "--format", "json"])
    assert {c["source"]: c["disagreement"] for c in claims} == {
        "National Intelligence Service": True, "Ukrainian military intelligence": True,
        "TASS": True, "KCNA": True}


def test_claims_table_shows_the_conflict(db):
    result = runner.invoke(app, ["claims", "--db", db, "--type", "AID"])
    assert result.exit_code == 0
    assert "quantity: 10 million shells vs 5" in result.stdout
    assert "modality: negated vs asserted" in result.stdout


def test_clusters_json_and_one_cluster_with_members(db):
    clusters = _json(["clusters", "--db", db, "--type", "AID", "--format", "json"])
    assert [(c["n_articles"], c["n_sources"]) for c in clusters] == [(4, 4)]
    one = _json(["clusters", "--db", db, "--cluster", clusters[0]["id"], "--format", "json"])
    assert len(one["members"]) == 4


def test_clusters_min_sources_keeps_corroborated_ones(db):
    rows = _json(["clusters", "--db", db, "--min-articles", "2", "--format", "json"])
    assert sorted((r["type"], r["n_articles"]) for r in rows) == [("AID", 4), ("ASSAULT", 2)]


def test_timeline_csv_has_a_header_and_a_row_per_period_and_key(db):
    result = runner.invoke(app, ["timeline", "--db", db, "--by", "quad", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["period"], r["key"], r["events"]) for r in rows} == {
        ("2025-05-01", "material cooperation", "4"), ("2025-06-01", "material conflict", "4")}


def test_network_json_has_nodes_and_weighted_edges(db):
    graph = _json(["network", "--db", db, "--format", "json"])
    assert {(e["source"], e["target"], e["events"]) for e in graph["edges"]} == {
        ("PRK", "RUS", 4), ("RUS", "UKR", 4)}


def test_a_bad_option_value_is_a_clear_error(db):
    result = runner.invoke(app, ["timeline", "--db", db, "--interval", "year"])
    assert result.exit_code == 2
    assert "interval" in result.output and "day, week, month" in result.output


def test_a_missing_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["clusters", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no database" in result.output
