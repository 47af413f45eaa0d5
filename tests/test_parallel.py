import json
import multiprocessing

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents import parallel
from newsevents.cli import app
from newsevents.records import Article

TEXTS = [
    "Ruritanian troops shelled the town of Vell on Monday.",
    "The weather in Vell was mild.",
    "Osterland's foreign minister condemned the attack.",
    "Protesters marched through the capital of Ruritania.",
]


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(parallel, "LARGE_INPUT", 4)
    monkeypatch.setattr(parallel, "CHUNK", 2)


def _articles(n):
    return [Article(text=TEXTS[i % len(TEXTS)], id=f"a{i}") for i in range(n)]


def _summary(results):
    return [(a.id, [e.to_dict() for e in events], len(mentions)) for a, events, mentions in results]


def test_workers_give_the_same_records_in_input_order(pipeline, small_batches):
    articles = _articles(11)
    here = _summary(parallel.extract_here(articles))
    in_workers = _summary(parallel.extract_in_workers(iter(articles), workers=2))
    assert in_workers == here
    assert [a for a, _, _ in in_workers] == [a.id for a in articles]
    assert any(events for _, events, _ in here)


def test_a_small_input_stays_in_this_process(pipeline, small_batches, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")
    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_pool)
    assert len(list(parallel.extract_in_workers(_articles(3), workers=2))) == 3
    assert len(list(parallel.extract_in_workers(_articles(9), workers=1))) == 9


def _failing_chunk(chunk):
    if any(a.id == "broken" for a in chunk):
        raise ValueError("boom in a worker")
    return list(parallel.extract_here(chunk))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="the patched function reaches workers only when they are forked")
def test_an_error_in_a_worker_reaches_the_caller(pipeline, small_batches, monkeypatch):
    # Workers are forked from this process, so they run the patched function too.
    monkeypatch.setattr(parallel, "_extract_chunk", _failing_chunk)
    articles = _articles(5) + [Article(text=TEXTS[0], id="broken")]
    results = parallel.extract_in_workers(iter(articles), workers=2)
    assert [a.id for a, _, _ in (next(results), next(results))] == ["a0", "a1"]
    with pytest.raises(ValueError, match="boom in a worker"):
        list(results)


def _corpus(tmp_path, n):
    path = tmp_path / "many.jsonl"
    # each text its own: the same content under another id is the same article
    path.write_text("".join(json.dumps({"id": f"w{i}", "published": "2025-03-05",
                                        "text": f"Dispatch {i}. " + TEXTS[i % len(TEXTS)]})
                            + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def test_extract_with_workers_prints_what_one_process_prints(pipeline, small_batches, tmp_path):
    path = _corpus(tmp_path, 10)
    runner = CliRunner()
    one = runner.invoke(app, ["extract", str(path), "--workers", "1"])
    two = runner.invoke(app, ["extract", str(path), "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert two.stdout == one.stdout
    assert [json.loads(line)["id"] for line in two.stdout.splitlines()] == [f"w{i}" for i in range(10)]


def test_ingest_with_workers_stores_every_article(pipeline, small_batches, tmp_path):
    path = _corpus(tmp_path, 10)
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 10
