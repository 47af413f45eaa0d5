"""The database file: another application's is refused untouched, a busy one is waited
for or named, and a writer killed at any moment leaves every article whole or absent."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from newsevents.errors import ForeignDatabaseError, StoreBusyError, StoreError
from newsevents.store import Store

SRC = Path(__file__).resolve().parents[2] / "src"
HERE = Path(__file__).resolve().parent


def _foreign(path: Path, statements: list[str]) -> bytes:
    con = duckdb.connect(str(path))
    for statement in statements:
        con.execute(statement)
    con.close()
    return path.read_bytes()


@pytest.mark.parametrize("statements", [
    ["CREATE TABLE customers (id INTEGER, name VARCHAR)", "INSERT INTO customers VALUES (1, 'a')"],
    # a table of the same name as ours, kept by another tool (Rails' shape)
    ["CREATE TABLE schema_migrations (version VARCHAR)", "INSERT INTO schema_migrations VALUES ('1')"],
    ["CREATE TABLE articles (id INTEGER)"],
])
def test_another_applications_database_is_refused_and_left_untouched(tmp_path, statements):
    path = tmp_path / "theirs.duckdb"
    before = _foreign(path, statements)
    with pytest.raises(ForeignDatabaseError, match="another application") as caught:
        Store.open(path)
    assert "theirs.duckdb" in str(caught.value)
    assert path.read_bytes() == before


def test_an_empty_duckdb_file_and_our_own_file_are_opened(tmp_path):
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with Store.open(empty):
        pass
    with Store.open(empty) as store:        # again: now ours
        assert store.counts()["articles"] == 0


def _hold(path: Path, seconds: float) -> subprocess.Popen:
    """Another process with the database open for writing, for `seconds`."""
    script = (f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); "
              f"print('open', flush=True); time.sleep({seconds})")
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    return holder


def test_a_database_held_by_another_process_is_named_after_the_wait(tmp_path):
    path = tmp_path / "busy.duckdb"
    with Store.open(path):
        pass
    holder = _hold(path, 30)
    try:
        started = time.monotonic()
        with pytest.raises(StoreBusyError, match="in use by another process") as caught:
            Store.open(path, wait=0.5)
        assert time.monotonic() - started >= 0.5
        assert f"PID {holder.pid}" in str(caught.value)
        assert caught.value.holder
    finally:
        holder.kill()
        holder.wait()


def test_a_database_released_during_the_wait_is_opened(tmp_path):
    path = tmp_path / "released.duckdb"
    with Store.open(path):
        pass
    holder = _hold(path, 1.0)
    try:
        with Store.open(path, wait=20) as store:
            assert store.counts()["articles"] == 0
    finally:
        holder.wait()


WRITER = textwrap.dedent("""
    import sys
    sys.path[:0] = [{src!r}, {here!r}]
    from newsevents.records import Article
    from newsevents.store import Store
    from store_corpus import KIM, LAVROV, make_event

    def article(i):
        text = f"Meeting {{i}}. " + " ".join(f"Kim met Lavrov in round {{j}}."
                                          for j in range(i % 7 + 1))
        events = [make_event(text, f"round {{j}}", "CONSULT", [KIM], [LAVROV])
                  for j in range(i % 7 + 1)]
        return Article(text=text, id=f"a{{i}}"), events

    with Store.open(sys.argv[1], wait=30) as store:
        print("ready", flush=True)
        for i in range(int(sys.argv[2])):
            store.save_article(*article(i))
""")
ARTICLES = 30


def _check_whole(path: Path) -> set[str]:
    """Every stored article has all its events and actor links; returns the stored ids."""
    with Store.open(path) as store:
        rows = store.query(
            "SELECT a.input_id, count(DISTINCT e.id) AS events, count(x.event_id) AS links "
            "FROM articles a LEFT JOIN events e ON e.article_id = a.id "
            "LEFT JOIN event_actors x ON x.event_id = e.id GROUP BY a.input_id")
        orphans = store.scalar("SELECT count(*) FROM events e WHERE NOT EXISTS "
                               "(SELECT 1 FROM articles a WHERE a.id = e.article_id)")
    assert orphans == 0
    for row in rows:
        expected = int(row["input_id"][1:]) % 7 + 1
        assert (row["events"], row["links"]) == (expected, 2 * expected), row
    return {row["input_id"] for row in rows}


def test_a_writer_killed_at_random_moments_leaves_whole_articles_and_the_next_run_completes(tmp_path):
    path = tmp_path / "killed.duckdb"
    with Store.open(path):
        pass
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(src=str(SRC), here=str(HERE)))
    rng = random.Random(13)
    stored: set[str] = set()
    for _ in range(3):
        writer = subprocess.Popen([sys.executable, str(script), str(path), str(ARTICLES)],
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.6))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        now = _check_whole(path)
        assert stored <= now
        stored = now
    subprocess.run([sys.executable, str(script), str(path), str(ARTICLES)], check=True,
                   stdout=subprocess.DEVNULL)
    assert _check_whole(path) == {f"a{i}" for i in range(ARTICLES)}


def test_a_read_only_open_names_another_applications_file_or_an_empty_one(tmp_path):
    theirs = tmp_path / "theirs.duckdb"
    before = _foreign(theirs, ["CREATE TABLE customers (id INTEGER)"])
    with pytest.raises(ForeignDatabaseError, match="another application"):
        Store.open(theirs, read_only=True)
    assert theirs.read_bytes() == before
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(StoreError, match=r"not a newsevents database \(it has no tables\)"):
        Store.open(empty, read_only=True)
