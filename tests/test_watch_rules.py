import json

import pytest
from typer.testing import CliRunner

from kb_corpus import denial_report, report, shells_reports, strike_reports
from newsevents.cli import app
from newsevents.errors import InputError
from newsevents.store import Store
from newsevents.watch import load_rules, run_watch

runner = CliRunner()
RULES = """
rules:
  - name: shells
    type: AID
    actor: PRK
    recipient: [RUS, Russia]
    min_sources: 2
  - name: denials
    modality: negated
"""


@pytest.fixture
def files(tmp_path):
    db = tmp_path / "kb.duckdb"
    with Store.open(db) as store:
        first, second, _ = shells_reports()
        for article, events in [first] + strike_reports():
            store.add_article(article, events)
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES)
    return db, rules


def _watch(db, rules):
    result = runner.invoke(app, ["watch", str(rules), "--db", str(db)])
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()]


def test_a_rule_fires_once_per_new_match_and_not_again(files):
    db, rules = files
    # one source so far: below min_sources, and nothing is denied
    assert _watch(db, rules) == (0, [])
    with Store.open(db) as store:
        article, events = shells_reports()[1]
        store.add_article(article, events)
    code, lines = _watch(db, rules)
    assert code == 1
    assert sorted((l["rule"], l["kind"]) for l in lines) == [
        ("shells", "cluster"), ("shells", "event"), ("shells", "event")]
    cluster = next(l for l in lines if l["kind"] == "cluster")
    assert cluster["n_sources"] == 2
    assert _watch(db, rules) == (0, [])                      # nothing new on the next run
    with Store.open(db) as store:                            # a denial, then a third report
        for article, events in [denial_report(), shells_reports()[2]]:
            store.add_article(article, events)
    code, lines = _watch(db, rules)
    assert code == 1
    assert sorted((l["rule"], l["kind"]) for l in lines) == [
        ("denials", "cluster"), ("denials", "event"), ("shells", "event"), ("shells", "event")]
    assert _watch(db, rules) == (0, [])


def test_state_lives_beside_the_rules_unless_given(files, tmp_path):
    db, rules = files
    state = tmp_path / "elsewhere.json"
    runner.invoke(app, ["watch", str(rules), "--db", str(db), "--state", str(state)])
    assert state.is_file() and not (tmp_path / "rules.state.json").exists()
    runner.invoke(app, ["watch", str(rules), "--db", str(db)])
    assert (tmp_path / "rules.state.json").is_file()


@pytest.mark.parametrize("text, message", [
    ("rules:\n  - type: AID\n", "rule 1: needs a `name`"),
    ("rules:\n  - name: x\n    min_sources: two\n", "rule 'x': `min_sources` must be"),
    ("rules:\n  - name: x\n    modality: maybe\n", "rule 'x': unknown modality"),
    ("rules:\n  - name: x\n    recipients: RUS\n", "rule 'x': unknown field 'recipients'"),
    ("rules:\n  - name: x\n    actor: []\n", "rule 'x': `actor` must be"),
    ("rules:\n  - name: x\n  - name: x\n", "used twice"),
    ("rules: {name: x}\n", "list `rules:`"),
    ("rules:\n  - name: [unclosed\n", "not valid YAML"),
])
def test_a_malformed_rule_file_names_the_rule_and_field(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace("[", r"\[")):
        load_rules(path)


def test_a_malformed_rule_file_exits_2_with_the_reason(files, tmp_path):
    db, _ = files
    path = tmp_path / "bad.yaml"
    path.write_text("rules:\n  - name: x\n    min_sources: 0\n")
    result = runner.invoke(app, ["watch", str(path), "--db", str(db)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "min_sources" in result.output


def test_run_watch_is_usable_without_the_cli(files, tmp_path):
    db, rules = files
    with Store.open(db, read_only=True) as store:
        found = run_watch(store, load_rules(rules), tmp_path / "state.json")
    assert found == []


def test_a_cluster_is_not_reported_again_when_an_earlier_report_renames_it(tmp_path):
    db, rules = tmp_path / "kb.duckdb", tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: shells\n    type: AID\n    actor: PRK\n")
    yonhap, reuters, _ = shells_reports()       # Reuters published first, Yonhap a day later
    with Store.open(db) as store:
        store.add_article(*yonhap)
    code, lines = _watch(db, rules)
    assert code == 1 and [l["kind"] for l in lines].count("cluster") == 1
    first_id = next(l["id"] for l in lines if l["kind"] == "cluster")
    with Store.open(db) as store:
        store.add_article(*reuters)
        [cluster] = store.query("SELECT id FROM event_clusters")
        assert cluster["id"] != first_id        # the earlier report now seeds the cluster
    code, lines = _watch(db, rules)
    # the new report is news; the cluster it joined was reported already
    assert code == 1 and [(l["kind"], l.get("input_id")) for l in lines] == [("event", "reu-1")]
    assert _watch(db, rules) == (0, [])


def test_a_rule_file_that_is_not_utf8_names_the_byte_and_line(files, tmp_path):
    db, _ = files
    path = tmp_path / "latin1.yaml"
    path.write_bytes("rules:\n  - name: Zürich\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8 text: byte 0xfc at line 2"):
        load_rules(path)
    result = runner.invoke(app, ["watch", str(path), "--db", str(db)])
    assert result.exit_code == 2 and "Traceback" not in result.output
