"""Fuzz: every command on generated input, good records mixed with random bytes, random
JSON values in every field, very long and empty texts. No command may end in a
traceback; exit codes are 0, 1 (something skipped) or 2 (usage); every valid record
of the input is in the output.

The generator is seeded, so a failure names its seed; NEWSEVENTS_FUZZ_SEEDS=N runs
N seeds instead of the few CI runs.
"""
from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents.cli import app

SEEDS = range(int(os.environ.get("NEWSEVENTS_FUZZ_SEEDS", "2")))
ACTORS = ["Japan", "India", "Egypt", "Israel", "France", "Germany", "Brazil", "Turkey"]
VERBS = ["praised", "accused", "met", "condemned", "threatened", "thanked"]
DAYS = ["on Monday", "last week", "on Friday", "in March"]
# `events` values no scorer can read: a gold record holding one is skipped.
BAD_EVENTS = [None, 0, 3.5, True, "", "x", {}, [1], [None], [{"type": 3}],
              [{"type": "AID", "actor": "China"}], [{"type": "AID", "date": {"start": "soon"}}],
              [{"type": "AID", "place": [1]}], [{"type": "AID", "quantities": [7]}]]


@dataclass
class Input:
    lines: list[bytes] = field(default_factory=list)
    valid_ids: list[str] = field(default_factory=list)
    invalid: int = 0


def _sentence(rng: random.Random, number: int) -> str:
    a, b = rng.sample(ACTORS, 2)
    return f"{a} {rng.choice(VERBS)} {b} {rng.choice(DAYS)} in meeting {number}, officials said."


def _valid(rng: random.Random, number: int) -> dict:
    text = " ".join(_sentence(rng, number * 10 + i) for i in range(rng.randint(1, 4)))
    if rng.random() < 0.3:      # separators and controls inside the text stay in one record
        text = text.replace(", ", rng.choice([",\u2028", ",\u0085", ",\r", ", \u200f", ", \x0b"]), 1)
    record = {"id": f"v{number}", "text": text}
    if rng.random() < 0.5:
        record["title"] = f"Report {number}"
    if rng.random() < 0.5:
        record["published"] = f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    if rng.random() < 0.3:
        record["outlet"] = rng.choice(["Wire", "Gazette", None])
    return record


def _invalid(rng: random.Random, number: int) -> bytes:
    kind = rng.randrange(6)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 80))).replace(b"\n", b"")
    if kind == 1:
        return json.dumps(rng.choice([[1, 2], "text", 7, None, True])).encode()
    if kind == 2:       # `text` of a wrong type, or empty
        return json.dumps({"id": f"bad{number}",
                           "text": rng.choice([None, 1, [], {}, "", "  ", True])}).encode()
    if kind == 3:       # a good text with another field of a wrong type
        name = rng.choice(["id", "title", "outlet", "url"])
        value = rng.choice([0, 3.5, [], {}, True, ["x"]])
        return json.dumps({"id": f"bad{number}", "text": "Japan met India.", name: value}).encode()
    if kind == 4:
        return b'{"id": "bad%d", "text": "unterminated' % number
    return json.dumps({"id": f"bad{number}", "text": "caf\u00e9"}, ensure_ascii=False).encode().replace(
        b"\xc3\xa9", b"\xe9")      # Latin-1 byte inside a JSON line


def generate(seed: int) -> Input:
    rng = random.Random(seed)
    made = Input()
    for number in range(rng.randint(6, 10)):
        if rng.random() < 0.55:
            record = _valid(rng, number)
            made.lines.append(json.dumps(record, ensure_ascii=rng.random() < 0.5).encode("utf-8"))
            made.valid_ids.append(record["id"])
        else:
            made.lines.append(_invalid(rng, number))
            made.invalid += 1
        if rng.random() < 0.2:
            made.lines.append(rng.choice([b"", b"   ", b"\r"]))
    # one very long article: sections, and a run of words without a sentence end
    words = " ".join(rng.choice(ACTORS + VERBS) for _ in range(400))
    long_text = " ".join(_sentence(rng, 1000 + i) for i in range(140)) + " " + words
    made.lines.insert(rng.randrange(len(made.lines) + 1),
                      json.dumps({"id": "v-long", "text": long_text}).encode())
    made.valid_ids.append("v-long")
    return made


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def _run(runner: CliRunner, args: list[str], stdin: bytes | None = None, allowed=(0, 1)):
    result = runner.invoke(app, args, input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: {result.exception!r}") from result.exception
    assert "Traceback" not in result.stdout + result.stderr, args
    assert result.exit_code in allowed, (args, result.exit_code, result.stderr[-2000:])
    return result


def _ids(output: str) -> list[str]:
    # splitlines(): JSON Lines output must not break a line inside a record
    return [json.loads(line)["id"] for line in output.splitlines() if line.strip()]


@pytest.fixture(scope="module", params=SEEDS, ids=lambda seed: f"seed{seed}")
def case(request, tmp_path_factory):
    made = generate(request.param)
    folder = tmp_path_factory.mktemp(f"fuzz{request.param}")
    path = folder / "input.jsonl"
    path.write_bytes(b"\n".join(made.lines) + b"\n")
    return made, path, folder


def test_extract_outputs_every_valid_record_from_a_path_and_from_stdin(runner, case):
    made, path, _ = case
    expected = 1 if made.invalid else 0
    from_path = _run(runner, ["extract", str(path)])
    assert from_path.exit_code == expected
    assert sorted(_ids(from_path.stdout)) == sorted(made.valid_ids)
    from_stdin = _run(runner, ["extract", "-"], stdin=path.read_bytes())
    assert from_stdin.stdout == from_path.stdout


@pytest.mark.parametrize("command", ["when", "where"])
def test_when_and_where_answer_for_every_valid_record(runner, case, command):
    made, path, _ = case
    result = _run(runner, [command, str(path)])
    assert sorted(_ids(result.stdout)) == sorted(made.valid_ids)


def test_ingest_stores_every_valid_record_and_events_answers_any_filter(runner, case):
    made, path, folder = case
    db = folder / "fuzz.duckdb"
    result = _run(runner, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == (1 if made.invalid else 0)
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = {row[0] for row in con.execute("SELECT input_id FROM articles").fetchall()}
    finally:
        con.close()
    assert set(made.valid_ids) <= stored
    rng = random.Random(len(made.lines))
    for option in ["--type", "--modality", "--actor", "--recipient", "--place", "--source",
                   "--since", "--until", "--limit"]:
        for value in rng.sample(["", "ASSUALT", "aid", "prk", "KP", "2025-13-01", "-1", "\x00",
                                 str(rng.random()), "negated", "XYZ", "2025-03-01",
                                 "caf\udcff"], 4):     # a non-UTF-8 shell argument
            _run(runner, ["events", "--db", str(db), option, value, "--format",
                          rng.choice(["json", "csv", "table"])], allowed=(0, 2))


def test_eval_scores_every_valid_gold_record(runner, case):
    made, path, folder = case
    rng = random.Random(len(made.lines))
    gold = folder / "gold.jsonl"
    lines = []
    for line in made.lines:
        try:
            record = json.loads(line)
        except ValueError:
            lines.append(line)
            continue
        if isinstance(record, dict) and str(record.get("id")).startswith("v"):
            record["events"] = [{"type": "ACCUSE", "actor": [], "recipient": []}]
        elif isinstance(record, dict):
            record["events"] = rng.choice(BAD_EVENTS)
        lines.append(json.dumps(record).encode())
    gold.write_bytes(b"\n".join(lines) + b"\n")
    result = _run(runner, ["eval", str(gold), "--json"])
    assert json.loads(result.stdout)["articles"]["gold"] == len(made.valid_ids)


def test_random_bytes_as_a_text_file_are_reported_not_raised(runner, case):
    _, _, folder = case
    rng = random.Random(7)
    junk = folder / "junk.txt"
    junk.write_bytes(bytes(rng.randrange(128, 256) for _ in range(400)))
    good = folder / "good.txt"
    good.write_text("Talks\nJapan praised India on Monday.\n", encoding="utf-8")
    result = _run(runner, ["extract", str(junk), str(good), "--published", "2025-03-05"])
    assert result.exit_code == 1
    assert len(_ids(result.stdout)) == 1
