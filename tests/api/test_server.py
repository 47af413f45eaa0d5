"""The REST API, over HTTP against a real `newsevents serve` on a loopback port."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from api_corpus import ARTICLE_COUNT, EVENT_COUNT, corpus
from live_server import TOKEN, request


# --- reading ---------------------------------------------------------------------------------

def test_health_reports_the_database_and_that_the_server_accepts_articles(server):
    status, body = server.get_json("/api/health")
    assert status == 200
    assert body["status"] == "ok" and body["writable"] is True
    assert body["database"] == "served.duckdb"
    assert body["counts"]["articles"] >= ARTICLE_COUNT
    assert body["limits"]["max_page_size"] == 500


def test_events_come_in_pages_that_together_hold_every_event(read_only_server):
    status, first = read_only_server.get_json("/api/events?per_page=10")
    assert status == 200
    assert first["total"] == EVENT_COUNT and first["pages"] == -(-EVENT_COUNT // 10)
    seen = []
    for page in range(1, first["pages"] + 1):
        _, body = read_only_server.get_json(f"/api/events?per_page=10&page={page}")
        seen += [e["id"] for e in body["events"]]
    assert len(seen) == len(set(seen)) == EVENT_COUNT
    assert first["events"][0]["date_start"] == "2025-07-12"   # newest first


def test_event_filters_are_those_of_the_events_command(read_only_server):
    _, body = read_only_server.get_json("/api/events?actor=PRK&recipient=rus&type=aid")
    assert body["total"] == 2
    assert {e["quantities"][0]["value"] for e in body["events"]} == {5_000_000, 10_000_000}
    assert body["filters"] == {"actor": "PRK", "recipient": "rus", "type": "aid"}
    _, body = read_only_server.get_json("/api/events?modality=future&since=2025-01-01")
    assert [e["type"] for e in body["events"]] == ["ASSAULT"]
    _, body = read_only_server.get_json("/api/events?source=ukraine&place=kursk")
    assert [e["type"] for e in body["events"]] == ["MOBILIZE"]


def test_filter_values_are_data_not_sql(read_only_server):
    for attack in ("x' OR '1'='1", "PRK'); DROP TABLE events; --", "%", "_"):
        status, body = read_only_server.get_json(
            "/api/events?" + _query(actor=attack))
        assert status == 200 and body["total"] == 0, attack
    assert read_only_server.get_json("/api/events")[1]["total"] == EVENT_COUNT


def test_articles_list_and_one_article_with_every_event_evidence_span(read_only_server):
    status, listing = read_only_server.get_json("/api/articles?actor=PRK&type=AID")
    assert status == 200
    assert [(a["input_id"], a["events"]) for a in listing["articles"]] == [("kcna-shells", 1),
                                                                      ("wire-shells", 1)]
    _, everything = read_only_server.get_json("/api/articles?per_page=5")
    assert everything["total"] == ARTICLE_COUNT and len(everything["articles"]) == 5
    assert everything["articles"][0]["input_id"] == "tass-visit"
    status, body = read_only_server.get_json("/api/articles/wire-shells")
    assert status == 200
    article = body["article"]
    assert article["title"] == "North Korea ships shells to Russia"
    assert len(article["events"]) == 3
    for event in article["events"]:
        span = event["evidence_span"]
        assert article["text"][span["start"]:span["end"]] == event["evidence"]
        assert article["text"][span["trigger_start"]:span["trigger_end"]] == event["trigger"]


def test_places_group_the_matching_events_for_the_map(read_only_server):
    _, body = read_only_server.get_json("/api/places?actor=South+Korea")
    assert [(p["name"], p["events"]) for p in body["places"]] == [("Seoul", 12)]
    _, body = read_only_server.get_json("/api/places")
    kursk = next(p for p in body["places"] if p["name"] == "Kursk")
    assert kursk["events"] == 3 and kursk["types"] == ["ASSAULT", "MOBILIZE"]


def test_openapi_schema_and_the_offline_docs_page_list_the_endpoints(read_only_server):
    status, schema = read_only_server.get_json("/api/openapi.json")
    assert status == 200
    for path in ("/api/events", "/api/articles", "/api/articles/{article_id}", "/api/places",
                 "/api/health"):
        assert path in schema["paths"], path
    assert "post" in schema["paths"]["/api/articles"]
    status, headers, html = read_only_server.get("/api/docs")
    assert status == 200 and b"/api/events" in html and b"cdn" not in html.lower()


# --- errors ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path, status, field", [
    ("/api/events?since=yesterday", 400, "since"),
    ("/api/events?since=2025-02-01&until=2025-01-01", 400, "since"),
    ("/api/events?modality=maybe", 400, "modality"),
    ("/api/events?per_page=501", 422, "per_page"),
    ("/api/events?page=0", 422, "page"),
    ("/api/events?page=two", 422, "page"),
    ("/api/articles/no-such-article", 404, "article_id"),
    ("/api/nothing-here", 404, None),
])
def test_errors_are_json_with_a_message_and_never_a_stack_trace(read_only_server, path, status, field):
    code, headers, body = read_only_server.get(path)
    assert code == status
    assert headers["content-type"].startswith("application/json")
    error = json.loads(body)
    assert error["status"] == status and error["error"]
    assert error.get("field") == field
    assert b"Traceback" not in body and b'File "' not in body


def test_html_pages_report_errors_as_a_page_with_the_message(read_only_server):
    code, headers, body = read_only_server.get("/events?since=yesterday")
    assert code == 400 and headers["content-type"].startswith("text/html")
    assert b"not an ISO date" in body and b"Traceback" not in body
    code, _, body = read_only_server.get("/no-such-page")
    assert code == 404 and b"no page at /no-such-page" in body


def test_every_response_carries_a_strict_content_security_policy(read_only_server):
    for path in ("/events", "/api/events", "/static/app.css", "/api/nothing"):
        _, headers, _ = read_only_server.get(path)
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"


# --- writing ---------------------------------------------------------------------------------

def test_posting_needs_the_token(server):
    article = {"text": "Japan and India agreed to hold joint drills."}
    status, body = server.post_json("/api/articles", {"articles": [article]})
    assert status == 401 and "Bearer" in body["error"]
    status, body = server.post_json("/api/articles", {"articles": [article]}, token="wrong")
    assert status == 401 and body["error"] == "wrong token"


def test_a_server_without_a_token_is_read_only(read_only_server):
    status, body = read_only_server.post_json(
        "/api/articles", {"articles": [{"text": "Japan and India agreed to hold joint drills."}]},
        token="anything")
    assert status == 403 and "read-only" in body["error"]
    assert read_only_server.get_json("/api/health")[1]["writable"] is False


def test_posted_articles_are_extracted_and_stored_and_bad_ones_reported(server):
    good = {"id": "post-good", "title": "Talks in Tokyo", "published": "2025-08-05",
            "outlet": "Test Wire",
            "text": "The foreign ministers of Japan and India met in Tokyo on Tuesday."}
    undated = {"id": "post-undated", "text": "Chile recalled its ambassador.",
               "published": "someday soon"}
    payload = {"articles": [good, {"title": "no text"}, {"text": "Fine.", "title": 7}, undated]}
    status, report = server.post_json("/api/articles", payload, token=TOKEN)
    assert status == 201
    assert report["stored"] == 2 and report["events"] >= 1
    assert {(e["index"], e["field"]) for e in report["errors"]} == {(1, "text"), (2, "title")}
    assert [(w["index"], w["field"]) for w in report["warnings"]] == [(3, "published")]
    assert server.get_json("/api/articles/post-undated")[1]["article"]["published"] is None
    _, body = server.get_json("/api/articles/post-good")
    assert body["article"]["outlet"] == "Test Wire"
    assert any(e["type"] == "CONSULT" for e in body["article"]["events"])
    # the same article again changes nothing
    status, again = server.post_json("/api/articles", {"articles": [good]}, token=TOKEN)
    assert status == 200 and again["stored"] == 0 and again["already_stored"] == 1


@pytest.mark.parametrize("payload, message", [
    ([1, 2], "expected a JSON object"),
    ({"articles": "text"}, "must be a list"),
    ({"articles": []}, "no articles"),
    ({"articles": [{"text": "x"}] * 101}, "at most 100"),
])
def test_a_malformed_post_body_is_refused_with_a_reason(server, payload, message):
    status, body = server.post_json("/api/articles", payload, token=TOKEN)
    assert status == 400 and message in body["error"]


def test_a_body_over_the_size_limit_is_refused_before_extraction(server):
    huge = {"articles": [{"text": "Troops moved. " * 200_000}]}     # about 2.8 MB
    status, body = server.post_json("/api/articles", huge, token=TOKEN)
    assert status == 413 and "limit" in body["error"]


# --- the CLI beside a running server -------------------------------------------------------------

def test_ingest_says_the_database_is_in_use_by_the_server(server, tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("Border talks\nChina and India agreed to resume border talks.\n")
    result = subprocess.run([sys.executable, "-m", "newsevents.cli", "ingest", str(article),
                             "--db", str(server.db)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    message = " ".join(result.stderr.split())
    assert "in use by a newsevents server at " + server.url in message
    assert f"--server {server.url}" in message


def test_ingest_with_server_posts_the_articles_to_it(server, tmp_path):
    articles = tmp_path / "batch.jsonl"
    articles.write_text(
        json.dumps({"id": "cli-1", "published": "2025-08-06",
                    "text": "Vietnam and the Philippines signed a coast guard agreement."}) + "\n"
        + json.dumps({"id": "cli-2", "text": ""}) + "\n")
    env = {"NEWSEVENTS_TOKEN": TOKEN, "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "newsevents.cli", "ingest", str(articles),
                             "--server", server.url], capture_output=True, text=True, env=env,
                            timeout=300)
    assert result.returncode == 1, result.stderr          # one bad record
    assert "stored 1 article(s)" in result.stderr
    assert "line 2" in result.stderr and "text" in result.stderr
    assert server.get_json("/api/articles/cli-1")[0] == 200


def test_ingest_with_server_and_a_wrong_token_fails_clearly(server, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title\nChile and Peru agreed to share data.\n")
    result = subprocess.run([sys.executable, "-m", "newsevents.cli", "ingest", str(article),
                             "--server", server.url, "--token", "nope"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "401" in result.stderr and "wrong token" in result.stderr


def _query(**params) -> str:
    from urllib.parse import urlencode
    return urlencode(params)


def test_a_second_server_on_the_same_database_is_refused_and_the_marker_goes_with_the_server(
        tmp_path):
    from live_server import build_store, start_server, stop_server
    from newsevents.api.marker import marker_path, read_marker
    from newsevents.store import Store
    db = build_store(tmp_path / "one.duckdb")
    first = start_server(db, None, tmp_path / "first.log")
    try:
        assert read_marker(db).url == first.url
        second = subprocess.run([sys.executable, "-m", "newsevents.cli", "serve", "--db", str(db),
                                 "--port", "1"], capture_output=True, text=True, timeout=120)
        assert second.returncode == 2
        assert "already served by a newsevents server at " + first.url in " ".join(second.stderr.split())
    finally:
        stop_server(first)
    assert first.process.returncode == 0
    assert not marker_path(db).exists()
    with Store.open(db) as store:                  # the lock is released with the server
        assert store.counts()["articles"] > 0
