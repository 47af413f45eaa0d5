import pandas as pd
import pyarrow as pa
import pytest

import newsevents
from kb_corpus import denial_report, shells_reports, strike_reports
from newsevents.store import Store as WritableStore


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    path = tmp_path_factory.mktemp("frames") / "kb.duckdb"
    with WritableStore.open(path) as store:
        for article, events in shells_reports() + [denial_report()] + strike_reports():
            store.add_article(article, events)
    return path


def test_store_methods_return_dataframes_or_arrow_tables(path):
    with newsevents.Store(path) as kb:
        events = kb.events(type="AID")
        assert isinstance(events, pd.DataFrame) and len(events) == 4
        assert set(events["outlet"]) == {"Yonhap", "Reuters", "TASS", "KCNA Watch"}
        assert isinstance(kb.events(as_arrow=True, actor="RUS"), pa.Table)
        clusters = kb.clusters(min_articles=2)
        assert sorted(clusters["n_articles"]) == [2, 4]
        claims = kb.claims(type="AID")
        assert claims["disagreement"].all()
        edges = kb.network()
        assert set(zip(edges["source"], edges["target"])) == {("PRK", "RUS"), ("RUS", "UKR")}
        assert kb.sources().iloc[0]["events"] >= 1


def test_timeline_is_wide_with_every_period_filled(path):
    with newsevents.Store(path) as kb:
        frame = kb.timeline(interval="day", by="type")
        assert list(frame.columns) == ["AID", "ASSAULT"]
        assert frame.index[0] == pd.Timestamp("2025-05-30")
        assert len(frame) == 5                       # 30 May to 3 June, gaps as zeros
        assert frame.loc["2025-06-01", "AID"] == 0 and frame.loc["2025-06-02", "ASSAULT"] == 3
        assert isinstance(kb.timeline(as_arrow=True), pa.Table)


def test_graph_is_a_networkx_digraph_with_weights(path):
    with newsevents.Store(path) as kb:
        graph = kb.graph()
        assert graph["PRK"]["RUS"]["events"] == 4


def test_empty_results_still_have_columns(path):
    with newsevents.Store(path) as kb:
        assert list(kb.events(type="PROTEST").columns)[:3] == ["id", "article_id", "type"]
        assert kb.timeline(type="PROTEST").empty
