"""Clusters through the real pipeline: `ingest` of articles written here."""
import json

from newsevents import jobs
from newsevents.store import EventFilter, Store, find_claims, find_clusters

ARTICLES = [
    {"id": "spy", "published": "2025-06-02", "outlet": "Yonhap",
     "text": "North Korea sent 10 million artillery shells to Russia on Friday, "
             "South Korea's spy agency said."},
    {"id": "gur", "published": "2025-06-01", "outlet": "Kyiv Post",
     "text": "North Korea sent 5 million artillery shells to Russia on Friday, "
             "Ukraine's military intelligence said."},
    {"id": "tass", "published": "2025-06-03", "outlet": "TASS",
     "text": "North Korea sent artillery shells to Russia on Friday, TASS reported."},
]


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def _clusters(db):
    with Store.open(db, read_only=True) as store:
        clusters = find_clusters(store, EventFilter(type="AID"))
        claims = find_claims(store, EventFilter(type="AID"))
    return clusters, claims


def test_three_articles_on_one_shipment_make_one_cluster_and_a_flagged_disagreement(tmp_path):
    db = tmp_path / "kb.duckdb"
    report = jobs.ingest([_write(tmp_path / "a.jsonl", ARTICLES)], db)
    assert report.stored == 3
    [cluster], claims = _clusters(db)
    assert (cluster["n_articles"], cluster["n_outlets"], cluster["n_sources"]) == (3, 3, 3)
    flagged = {c["article_id"] for c in claims if c["disagreement"]}
    with Store.open(db, read_only=True) as store:
        input_ids = {r["id"]: r["input_id"] for r in store.query("SELECT id, input_id FROM articles")}
    assert {input_ids[key] for key in flagged} == {"spy", "gur"}


def test_reordered_and_repeated_ingest_gives_the_same_clusters(tmp_path):
    forward, backward = tmp_path / "f.duckdb", tmp_path / "b.duckdb"
    jobs.ingest([_write(tmp_path / "f.jsonl", ARTICLES)], forward)
    jobs.ingest([_write(tmp_path / "b.jsonl", ARTICLES[::-1])], backward)
    again = jobs.ingest([str(tmp_path / "f.jsonl")], forward)
    assert again.already_stored == 3
    assert _clusters(forward) == _clusters(backward)
