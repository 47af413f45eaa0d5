from kb_corpus import shells_reports
from newsevents.store import EventFilter, Store, count_events, find_events, timeline
from newsevents.store import store as store_module
from newsevents.store.facts import sync_facts
from newsevents.store.migrations import MIGRATIONS


def test_a_store_from_before_the_facts_gets_them_when_migrated(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    before = [m for m in MIGRATIONS if m[0] not in ("0007_event_facts", "0011_event_facts_search")]
    monkeypatch.setattr(store_module, "MIGRATIONS", before)
    monkeypatch.setattr(store_module.Store, "_update_clusters", lambda self, ids, written=None: None)
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


def test_facts_written_with_an_article_are_those_the_tables_give(tmp_path):
    from dataclasses import replace
    from datetime import date

    from kb_corpus import KYIV, RUS, UKR, report
    from newsevents.records import Actor, Attribution
    from newsevents.store.facts import refresh_facts
    minister = Actor("Minister Ömer Çelik", "TUR", "GOV")
    unnamed = Actor("Fishermen", None, "CVL")
    articles = [*shells_reports(),
                report("f-1", "Fishermen protested near the port.", "protested", "protest",
                       actor=(unnamed, UKR), recipient=(), outlet=None, place=KYIV),
                report("f-2", "The minister accused Russia.", "accused", "accuse",
                       actor=(minister,), recipient=(RUS,),
                       attribution=Attribution("Anadolu Ajansı", "TUR", "MED", "said")),
                report("f-3", "Russia rejected the plan.", "rejected", "reject",
                       published="2025-06-04", outlet="Wire", modality="negated")]
    with Store.open(tmp_path / "kb.duckdb") as store:
        for article, events in articles:
            store.add_article(article, events)
        article, events = articles[-1]        # re-dated: updated in place
        store.add_article(replace(article, published=date(2025, 6, 5)), events)

        def facts():
            rows = [tuple(sorted(v) if isinstance(v, list) else v for v in row.values())
                    for row in store.execute("SELECT * FROM event_facts")]
            return sorted(rows, key=repr)

        written = facts()
        with store.transaction():
            refresh_facts(store, [r["id"] for r in store.execute("SELECT id FROM articles")])
        assert len(written) == count_events(store) == 6
        assert written == facts()


def test_a_store_from_before_the_search_columns_gets_them_when_migrated(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        for article, events in shells_reports():
            store.add_article(article, events)
        written = store.execute("SELECT event_id, place_search, source_search FROM event_facts "
                                "ORDER BY event_id")
        # the file as it was before migration 0011 (DuckDB drops no column under an index)
        store.execute("DROP INDEX event_facts_article")
        store.execute("ALTER TABLE event_facts DROP COLUMN place_search")
        store.execute("ALTER TABLE event_facts DROP COLUMN source_search")
        store.execute("CREATE INDEX event_facts_article ON event_facts (article_id)")
        store.execute("DELETE FROM schema_migrations WHERE name = '0011_event_facts_search'")
    with Store.open(path) as store:
        assert store.execute("SELECT event_id, place_search, source_search FROM event_facts "
                             "ORDER BY event_id") == written
        assert [r["outlet"] for r in find_events(store, EventFilter(source="tass", limit=5))] == ["TASS"]
