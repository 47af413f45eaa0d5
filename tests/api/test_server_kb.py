"""The knowledge-base endpoints (clusters, claims, timeline, network, actors, exports) over
HTTP against a real `newsevents serve`."""
from __future__ import annotations

import csv
import io
import json

import pytest

from api_corpus import EVENT_COUNT


def test_timeline_counts_every_dated_event_per_period_and_type(read_only_server):
    status, body = read_only_server.get_json("/api/timeline")
    assert status == 200 and body["interval"] == "month" and body["by"] == "type"
    assert body["total"] == EVENT_COUNT       # every event has a date or its article's
    january = {r["key"]: r["events"] for r in body["rows"] if r["period"] == "2025-01-01"}
    assert january == {"CONSULT": 12, "PROTEST": 12}
    _, quads = read_only_server.get_json("/api/timeline?by=quad&interval=week&type=PROTEST")
    assert {r["key"] for r in quads["rows"]} == {"material conflict"}
    assert sum(r["events"] for r in quads["rows"]) == 12


def test_network_edges_carry_counts_and_scores_and_can_be_cut_to_the_busiest_nodes(read_only_server):
    _, body = read_only_server.get_json("/api/network")
    edge = next(e for e in body["edges"] if (e["source"], e["target"]) == ("KOR", "PRK"))
    assert edge["events"] == 12 and edge["conflict"] == 12 and edge["score_mean"] == -6.5
    _, small = read_only_server.get_json("/api/network?max_nodes=2")
    kept = {n["id"] for n in small["nodes"]}
    assert len(kept) == 2 and small["total_nodes"] == body["total_nodes"]
    assert all(e["source"] in kept and e["target"] in kept for e in small["edges"])


def test_clusters_merge_reports_of_one_event_from_two_articles(read_only_server):
    _, body = read_only_server.get_json("/api/clusters?type=AID&actor=PRK")
    assert body["total"] == 1
    cluster = body["clusters"][0]
    assert (cluster["n_articles"], cluster["n_sources"]) == (2, 2)
    _, ranked = read_only_server.get_json("/api/clusters?sort=corroborated&per_page=3")
    assert ranked["clusters"][0]["n_sources"] == max(c["n_sources"] for c in ranked["clusters"])
    status, one = read_only_server.get_json(f"/api/clusters/{cluster['id']}")
    assert status == 200 and len(one["cluster"]["members"]) == 2
    assert {c["source"] for c in one["claims"]} == {"South Korean military", "Russian official"}


def test_claims_for_a_dyad_flag_the_sources_that_disagree_on_quantity(read_only_server):
    _, body = read_only_server.get_json("/api/claims?actor=PRK&recipient=RUS&type=AID")
    assert body["total"] == 1
    group = body["groups"][0]
    assert group["disagreements"] == 2
    fields = {x["field"] for claim in group["claims"] for x in claim["conflicts"]}
    assert fields == {"quantity"}
    assert {d["direction"] for d in body["dyad_history"]} == {"PRK->RUS"}
    # one cluster by id gives the same claims
    _, by_id = read_only_server.get_json(f"/api/claims?cluster={group['cluster']['id']}")
    assert [c["event_id"] for c in by_id["groups"][0]["claims"]] == \
        [c["event_id"] for c in group["claims"]]


def test_actors_and_sources_of_the_matching_events(read_only_server):
    _, body = read_only_server.get_json("/api/actors")
    assert body["actors"][0]["name"] == "South Korea" and body["actors"][0]["events"] == 26
    assert "Briefing Desk" in {s["source"] for s in body["sources"]}
    _, recipients = read_only_server.get_json("/api/actors?role=recipient&per_page=1")
    assert recipients["actors"][0]["name"] == "North Korea" and recipients["has_next"] is True


@pytest.mark.parametrize("path, field", [
    ("/api/timeline?interval=year", "interval"),
    ("/api/network?max_nodes=0", "max_nodes"),
    ("/api/clusters?sort=loudest", "sort"),
    ("/api/clusters/no-such-cluster", "cluster_id"),
    ("/api/claims?cluster=no-such-cluster", "cluster"),
    ("/api/actors?role=bystander", "role"),
    ("/api/exports/xlsx", "format"),
])
def test_bad_knowledge_base_parameters_name_their_field(read_only_server, path, field):
    status, _, body = read_only_server.get(path)
    assert status in (400, 404, 422)
    assert json.loads(body)["field"] == field


def test_exports_download_files_their_consumers_read(read_only_server, tmp_path):
    _, listing = read_only_server.get_json("/api/exports?type=AID")
    assert listing["events"] == 3 and len(listing["formats"]) == 8

    status, headers, body = read_only_server.get("/api/exports/csv?type=AID")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert 'filename="newsevents-events.csv"' in headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert sorted(r["type"] for r in rows) == ["AID", "AID", "AID"]

    status, _, body = read_only_server.get("/api/exports/parquet?actor=PRK")
    import pyarrow.parquet as pq
    (tmp_path / "e.parquet").write_bytes(body)
    assert pq.read_table(tmp_path / "e.parquet").num_rows == read_only_server.get_json(
        "/api/events?actor=PRK")[1]["total"]

    status, headers, body = read_only_server.get("/api/exports/geojson")
    features = json.loads(body)["features"]
    assert features and all(-180 <= f["geometry"]["coordinates"][0] <= 180 for f in features)

    status, _, body = read_only_server.get("/api/exports/gexf")
    import networkx
    (tmp_path / "n.gexf").write_bytes(body)
    graph = networkx.read_gexf(tmp_path / "n.gexf")
    assert graph.has_edge("KOR", "PRK")
