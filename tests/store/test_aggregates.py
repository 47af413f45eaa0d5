from datetime import date

import pytest

from kb_corpus import KOR, PRK, RUS, day, denial_report, report, shells_reports, strike_reports
from newsevents.errors import InputError
from newsevents.store import (EventFilter, Store, article_by_id, count_articles, dyad_history,
                              find_actors, find_articles, find_sources, network, timeline)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    extra = [report("kor-1", "South Korea condemned North Korea on June 2.", "condemned",
                    "ACCUSE", actor=(KOR,), recipient=(PRK,), date=day("2025-06-02"),
                    score=-2.0, outlet="Yonhap"),
             report("rus-1", "Russia thanked North Korea in April.", "thanked", "SUPPORT",
                    actor=(RUS,), recipient=(PRK,), date=day("2025-04-10"), score=3.5,
                    published="2025-04-11")]
    with Store.open(tmp_path_factory.mktemp("agg") / "agg.duckdb") as opened:
        for article, events in shells_reports() + [denial_report()] + strike_reports() + extra:
            opened.add_article(article, events)
        yield opened


def test_timeline_counts_events_per_month_by_type(store):
    rows = {(r["period"], r["key"]): r["events"] for r in timeline(store)}
    assert rows == {(date(2025, 4, 1), "SUPPORT"): 1, (date(2025, 5, 1), "AID"): 4,
                    (date(2025, 6, 1), "ASSAULT"): 4, (date(2025, 6, 1), "ACCUSE"): 1}


def test_timeline_by_quad_category_per_week(store):
    rows = {(r["period"], r["key"]): r["events"]
            for r in timeline(store, interval="week", by="quad")}
    assert rows[(date(2025, 5, 26), "material cooperation")] == 4     # the week of May 30
    assert rows[(date(2025, 6, 2), "material conflict")] == 4
    assert rows[(date(2025, 6, 2), "verbal conflict")] == 1
    assert rows[(date(2025, 4, 7), "verbal cooperation")] == 1


def test_timeline_takes_the_event_filters(store):
    rows = timeline(store, EventFilter(actor="RUS"), interval="day", by=None)
    assert [(r["period"], r["events"]) for r in rows] == [
        (date(2025, 4, 10), 1), (date(2025, 6, 2), 3), (date(2025, 6, 3), 1)]


def test_network_edges_weigh_event_counts_and_scores(store):
    graph = network(store)
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[("PRK", "RUS")]["events"] == 4 and edges[("PRK", "RUS")]["cooperation"] == 4
    assert edges[("RUS", "UKR")]["events"] == 4 and edges[("RUS", "UKR")]["conflict"] == 4
    assert edges[("KOR", "PRK")]["score_sum"] == -2.0
    assert edges[("RUS", "PRK")]["score_mean"] == 3.5
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["RUS"]["as_actor"] == 5 and nodes["RUS"]["as_recipient"] == 4


def test_network_by_actor_labels_nodes_with_names(store):
    nodes = {n["id"]: n["label"] for n in network(store, node="actor")["nodes"]}
    assert nodes["country:PRK"] == "North Korea"


def test_dyad_history_counts_each_direction_by_quad(store):
    rows = dyad_history(store, "PRK", "RUS", both=True)
    assert [(r["period"], r["direction"], r["events"]) for r in rows] == [
        (date(2025, 4, 1), "RUS->PRK", 1), (date(2025, 5, 1), "PRK->RUS", 4)]
    assert rows[1]["material_cooperation"] == 4 and rows[0]["verbal_cooperation"] == 1


def test_sources_list_attributed_sources_and_outlets(store):
    rows = {(r["source"], r["kind"]): r for r in find_sources(store)}
    assert rows[("TASS", "attributed")]["country"] == "RUS"
    assert rows[("Yonhap", "outlet")]["articles"] == 2
    assert rows[("Outlet", "outlet")]["events"] == 4


def test_actors_count_their_events_by_role(store):
    rows = {r["actor_id"]: r for r in find_actors(store)}
    assert (rows["country:RUS"]["as_actor"], rows["country:RUS"]["as_recipient"]) == (5, 4)
    assert [r["actor_id"] for r in find_actors(store, role="recipient",
                                               flt=EventFilter(type="ACCUSE"))] == ["country:PRK"]


def test_articles_are_listed_with_matching_event_counts(store):
    assert count_articles(store) == 10
    assert [a["input_id"] for a in find_articles(store, EventFilter(type="ACCUSE"))] == ["kor-1"]
    assert "text" not in find_articles(store)[0]
    article = article_by_id(store, "yon-1")
    assert article["text"].startswith("North Korea shipped")
    assert article["events"][0]["cluster_id"] and article["events"][0]["type"] == "AID"
    assert article_by_id(store, "missing") is None


@pytest.mark.parametrize("call", [
    lambda s: timeline(s, interval="year"), lambda s: timeline(s, by="country"),
    lambda s: network(s, node="sector"), lambda s: find_actors(s, role="target")])
def test_unknown_options_are_input_errors(store, call):
    with pytest.raises(InputError):
        call(store)
