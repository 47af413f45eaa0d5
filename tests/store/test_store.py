import json
from dataclasses import replace
from datetime import date

import duckdb
import pytest

from store_corpus import KIM, LAVROV, corpus, make_event
from newsevents.errors import StoreError
from newsevents.records import Article, Event
from newsevents.store import Store, actor_key, default_db_path
from newsevents.store import store as store_module
from newsevents.store.migrations import MIGRATIONS


# --- opening and migrations ---------------------------------------------------------------

def test_open_creates_the_file_and_records_every_migration(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store.open(path) as store:
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
        assert store.counts() == {"articles": 0, "actors": 0, "mentions": 0, "events": 0,
                                  "event_actors": 0}
    assert path.is_file()


def test_opening_twice_applies_nothing_again(tmp_path):
    path = tmp_path / "twice.duckdb"
    with Store.open(path):
        pass
    with Store.open(path) as store:
        rows = store.query("SELECT name, count(*) AS n FROM schema_migrations GROUP BY name")
    assert len(rows) == len(MIGRATIONS)
    assert all(row["n"] == 1 for row in rows)


def test_opening_an_old_database_applies_only_the_new_migrations(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS[:1])
    with Store.open(path) as store:
        store._con.execute("INSERT INTO articles VALUES ('kept', NULL, NULL, NULL, NULL, "
                           "'old text', 'h', now())")
        assert store.applied_migrations() == [MIGRATIONS[0][0]]
    monkeypatch.setattr(store_module, "MIGRATIONS",
                        MIGRATIONS + [("9999_test_note", "ALTER TABLE articles ADD COLUMN note VARCHAR")])
    with Store.open(path) as store:
        assert store.applied_migrations()[-1] == "9999_test_note"
        assert store.query("SELECT id, note FROM articles") == [{"id": "kept", "note": None}]
        assert store.counts()["events"] == 0


def test_a_failing_migration_raises_store_error_and_is_not_recorded(tmp_path, monkeypatch):
    path = tmp_path / "bad.duckdb"
    monkeypatch.setattr(store_module, "MIGRATIONS",
                        MIGRATIONS + [("9999_broken", "CREATE TABLE nonsense (")])
    with pytest.raises(StoreError, match="9999_broken"):
        Store.open(path)
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS)
    with Store.open(path) as store:
        assert "9999_broken" not in store.applied_migrations()


def test_read_only_open_refuses_a_missing_or_unmigrated_file(tmp_path):
    with pytest.raises(StoreError):
        Store.open(tmp_path / "absent.duckdb", read_only=True)
    plain = tmp_path / "plain.duckdb"
    duckdb.connect(str(plain)).close()
    with pytest.raises(StoreError, match="not a newsevents database"):
        Store.open(plain, read_only=True)


def test_read_only_open_reads_a_migrated_file(tmp_path):
    path = tmp_path / "ro.duckdb"
    with Store.open(path) as store:
        article, events, mentions = corpus()[0]
        store.add_article(article, events, mentions)
    with Store.open(path, read_only=True) as store:
        assert store.counts()["events"] == 1


def test_a_read_only_open_of_a_file_an_older_version_wrote_migrates_it_first(tmp_path, monkeypatch):
    path = tmp_path / "older.duckdb"
    with Store.open(path) as store:
        article, events, mentions = corpus()[0]
        store.add_article(article, events, mentions)
    newer = MIGRATIONS + [("9999_test_note", "ALTER TABLE articles ADD COLUMN note VARCHAR")]
    monkeypatch.setattr(store_module, "MIGRATIONS", newer)
    with Store.open(path, read_only=True) as store:
        assert store.applied_migrations()[-1] == "9999_test_note"
        assert store.counts()["events"] == 1
        assert store.query("SELECT note FROM articles") == [{"note": None}]


def test_a_file_that_is_not_a_database_raises_store_error(tmp_path):
    path = tmp_path / "junk.duckdb"
    path.write_text("this is not duckdb")
    with pytest.raises(StoreError, match="junk.duckdb"):
        Store.open(path)


def test_default_db_path_uses_the_environment_else_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_DB", str(tmp_path / "env.duckdb"))
    assert default_db_path() == tmp_path / "env.duckdb"
    monkeypatch.delenv("NEWSEVENTS_DB")
    monkeypatch.chdir(tmp_path)
    assert default_db_path() == tmp_path / "newsevents.duckdb"


# --- writing ------------------------------------------------------------------------------

def test_add_article_writes_all_rows_and_twice_changes_nothing(store):
    for article, events, mentions in corpus():
        assert store.add_article(article, events, mentions) is True
    first = store.counts()
    assert first == {"articles": 3, "events": 5, "mentions": 3, "event_actors": 10,
                     "actors": 5}
    for article, events, mentions in corpus():
        assert store.add_article(article, events, mentions) is False
    assert store.counts() == first


def test_event_columns_hold_the_record_values(store):
    article, events, mentions = corpus()[0]
    store.add_article(article, events, mentions)
    row = store.query("SELECT * FROM events")[0]
    event = events[0].with_id(article.key)
    assert row["id"] == event.id and row["article_id"] == article.key
    assert row["date_start"] == date(2025, 7, 12) and row["date_text"] == "Saturday"
    assert (row["place_name"], row["place_country"], row["geonameid"]) == ("Wonsan", "PRK", 1713084)
    assert row["attribution_name"] == "KCNA" and row["attribution_text"] == "state media reported"
    assert row["trigger"] == "met" and row["evidence_start"] == 0
    assert json.loads(row["actor"]) == [KIM.to_dict()]
    assert json.loads(row["recipient"]) == [LAVROV.to_dict()]
    links = store.query("SELECT role, actor_id, country FROM event_actors ORDER BY role")
    assert links == [{"role": "actor", "actor_id": "person:kim-jong-un", "country": "PRK"},
                     {"role": "recipient", "actor_id": actor_key(LAVROV), "country": "RUS"}]


def test_actor_key_is_project_id_else_a_stable_hash():
    assert actor_key(KIM) == "person:kim-jong-un"
    assert actor_key(LAVROV) == actor_key(replace(LAVROV, role="minister"))
    assert actor_key(LAVROV) != actor_key(replace(LAVROV, country="USA"))


def test_mentions_keep_actor_link_and_candidates(store):
    article, events, mentions = corpus()[0]
    store.add_article(article, events, mentions)
    rows = store.query('SELECT text, actor_id, candidates FROM mentions ORDER BY start')
    assert rows[0]["actor_id"] == "person:kim-jong-un"
    assert json.loads(rows[0]["candidates"])[0]["key"] == "person:kim-jong-un"
    assert rows[2]["actor_id"] is None


def test_an_event_found_twice_in_one_article_is_stored_once(store):
    article, events, _ = corpus()[0]
    assert store.add_article(article, events + events, [])
    assert store.counts()["events"] == 1


class _Exploding(Event):
    def to_dict(self):
        raise RuntimeError("boom")


def test_a_failure_midway_leaves_no_rows_of_that_article(store):
    good_article, good_events, good_mentions = corpus()[0]
    store.add_article(good_article, good_events, good_mentions)
    before = store.counts()

    article, events, mentions = corpus()[1]
    bad = _Exploding(**{f: getattr(events[1], f) for f in events[1].__dataclass_fields__})
    with pytest.raises(RuntimeError, match="boom"):
        # the article row and the first event are written before the second one fails
        store.add_article(article, [events[0], bad], [])
    assert store.counts() == before
    assert not store.has_article(article.id)
    assert store.add_article(article, events, [])    # and it can be stored afterwards


def test_a_database_error_midway_is_a_store_error_and_rolls_back(store, monkeypatch):
    article, events, mentions = corpus()[0]

    def fail(self, article_id, events):
        self._con.execute("INSERT INTO nowhere VALUES (1)")

    monkeypatch.setattr(Store, "_insert_events", fail)
    with pytest.raises(StoreError, match="art-meet"):
        store.add_article(article, events, mentions)
    assert store.counts() == {"articles": 0, "actors": 0, "mentions": 0, "events": 0,
                              "event_actors": 0}


def test_article_with_no_events_is_stored_and_dates_round_trip(store):
    article = Article(text="Nothing happened.", title="Quiet day", published=date(2023, 1, 31))
    assert store.add_article(article, [], [])
    row = store.query("SELECT id, published, input_id FROM articles")[0]
    assert row["id"] == article.key == article.id == row["input_id"]  # no id of its own
    assert row["published"] == date(2023, 1, 31)


def test_events_without_ids_get_stable_ids_from_the_article(store):
    text = "Kim met Lavrov."
    event = make_event(text, "met", "CONSULT", [KIM], [LAVROV])
    assert event.id == ""
    article = Article(text=text, id="x")
    store.add_article(article, [event], [])
    assert store.query("SELECT id FROM events")[0]["id"] == event.with_id(article.key).id


# --- the time limit on reads ---------------------------------------------------------------

def test_a_read_past_the_time_limit_is_stopped_with_query_timeout(store):
    from newsevents.errors import QueryTimeout
    store.query_timeout = 0.2
    slow = "SELECT count(*) AS n FROM range(100000000) a, range(100000000) b WHERE a.range + b.range = -1"
    with pytest.raises(QueryTimeout, match="longer than 0.2 s"):
        store.query(slow)
    with pytest.raises(QueryTimeout):
        store.scalar(slow)
    # the store still answers afterwards, and a quick read is not cut short
    assert store.scalar("SELECT 41 + 1") == 42


def test_without_a_time_limit_reads_are_not_interrupted(store):
    assert store.query_timeout is None
    assert store.scalar("SELECT count(*) FROM range(3000000)") == 3000000
