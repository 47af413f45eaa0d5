from kb_corpus import shells_reports
from newsevents.store import EventFilter, Store, count_events, find_events, timeline
from newsevents.store import store as store_module
from newsevents.store.facts import sync_facts
from newsevents.store.migrations import MIGRATIONS


def test_a_store_from_before_the_facts_gets_them_when_migrated(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    before = [m for m in MIGRATIONS if m[0] != "0007_event_facts"]
    monkeypatch.setattr(store_module, "MIGRATIONS", before)
    monkeypatch.setattr(store_module.Store, "_update_clusters", lambda self, ids, facts=None: None)
    with Store.open(path) as store:
        for article, events in shells_reports():
            store.add_article(article, events)
    monkeypatch.undo()
    with Store.open(path) as store:
        assert count_events(store, EventFilter(actor="prk", type="aid")) == 3
        assert [r["events"] for r in timeline(store, by=None)] == [3]


def test_facts_lost_or_missing_are_caught_up(tmp_path):
    with Store.open(tmp_path / "kb.duckdb") as store:
        for article, events in shells_reports():
            store.add_article(article, events)
        store.execute("DELETE FROM event_facts WHERE article_id IN "
                      "(SELECT id FROM articles WHERE input_id = 'tass-1')")
        assert count_events(store) == 2
        sync_facts(store)
        assert count_events(store) == 3
        assert [r["outlet"] for r in find_events(store, EventFilter(source="tass", limit=5))] == ["TASS"]
